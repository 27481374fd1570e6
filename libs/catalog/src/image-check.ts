import { CatalogErrorCode } from './catalog.errors';
import { HttpAppError } from '@bangfu/core';
import { MAX_IMAGE_BYTES } from './catalog.rules';

export const IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type ImageType = keyof typeof IMAGE_TYPES;
/** How a message names each type ("not a valid PNG image", not "not a image/png image"). */
const IMAGE_NAMES: Record<ImageType, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

/** Expected failures with the HTTP status a REST client should see. */
export const imageTooLarge = (size: number | null) =>
  new HttpAppError(CatalogErrorCode.IMAGE_TOO_LARGE, `Images may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, 413, {
    maxBytes: MAX_IMAGE_BYTES,
    ...(size ? { sizeBytes: size } : {}),
  });

export const invalidImageType = (message: string) =>
  new HttpAppError(CatalogErrorCode.INVALID_IMAGE_TYPE, message, 415, { allowed: Object.keys(IMAGE_TYPES) });

/** The media type of a Content-Type header, if it is one we store. */
export function declaredImageType(header: string | undefined): ImageType {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  if (!(type in IMAGE_TYPES))
    throw invalidImageType(`Upload a JPEG, PNG or WebP image (content-type ${type || 'missing'})`);
  return type as ImageType;
}

/** What the bytes actually are, from their signature; null when none of ours. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** The declared type must be an image type we keep, and the bytes must really be that type. */
export function checkImage(bytes: Buffer, contentTypeHeader: string | undefined): ImageType {
  const declared = declaredImageType(contentTypeHeader);
  if (bytes.length === 0) throw invalidImageType('The upload is empty');
  if (bytes.length > MAX_IMAGE_BYTES) throw imageTooLarge(bytes.length);
  const actual = sniffImageType(bytes);
  if (actual !== declared) {
    throw invalidImageType(
      actual
        ? `The file is ${actual} but was declared as ${declared}`
        : `The file is not a valid ${IMAGE_NAMES[declared]} image`,
    );
  }
  return declared;
}
