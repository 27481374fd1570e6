import { lazyModule } from '@bangfu/core';
import { MAX_IMAGE_PIXELS, THUMB_SIZE } from './catalog.rules';
import { checkImage, type ImageType, invalidImageType } from './image-check';

// libvips is loaded with the first upload, not at start (about 30 MB the API would otherwise hold).
const sharp = lazyModule<(typeof import('sharp'))['default']>('sharp');

export interface Thumbnail {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes the upload (after checkImage has matched its signature) and makes the WebP thumbnail.
 * Bytes with a valid signature that do not decode are refused like a wrong type: a broken image
 * would otherwise be stored and shown as a broken picture. EXIF orientation is applied (phones).
 */
export async function makeThumbnail(bytes: Buffer): Promise<Thumbnail> {
  try {
    const image = sharp()(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    const thumb = await image
      .rotate()
      .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    // Orientations 5–8 swap the sides: report what a viewer sees.
    const swapped = (meta.orientation ?? 1) >= 5;
    return {
      bytes: thumb,
      width: (swapped ? meta.height : meta.width) ?? 0,
      height: (swapped ? meta.width : meta.height) ?? 0,
    };
  } catch (e) {
    const tooBig = /pixel limit/i.test(String(e));
    throw invalidImageType(
      tooBig ? `The image has more than ${MAX_IMAGE_PIXELS} pixels` : 'The file could not be read as an image',
    );
  }
}

/**
 * The whole image check for uploads kept without a thumbnail (produce and complaint photos): the signature
 * (checkImage), then the same decode a product image gets, so a truncated or corrupt file is refused
 * everywhere alike instead of being stored and shown as a broken picture.
 */
export async function checkDecodableImage(bytes: Buffer, contentTypeHeader: string | undefined): Promise<ImageType> {
  const type = checkImage(bytes, contentTypeHeader);
  await makeThumbnail(bytes);
  return type;
}
