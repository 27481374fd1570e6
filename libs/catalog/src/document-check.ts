import { CatalogErrorCode } from './catalog.errors';
import { HttpAppError } from '@bangfu/core';

/** Documents (certificates, test reports, scans) other libs keep in ObjectStorage: PDF, JPEG, PNG, at most 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
/** How a message names each type ("not a valid PDF file", not "not a application/pdf file"). */
const DOCUMENT_NAMES: Record<DocumentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export const documentTooLarge = (size: number) =>
  new HttpAppError(
    CatalogErrorCode.DOCUMENT_TOO_LARGE,
    `Documents may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
    413,
    {
      maxBytes: MAX_DOCUMENT_BYTES,
      sizeBytes: size,
    },
  );

const invalidDocument = (message: string) =>
  new HttpAppError(CatalogErrorCode.INVALID_DOCUMENT_TYPE, message, 415, { allowed: Object.keys(DOCUMENT_TYPES) });

/** What the bytes are, from their signature. */
export function sniffDocumentType(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

/** The declared type must be one we keep and the bytes must really be that type (a renamed .exe is refused). */
export function checkDocument(bytes: Buffer, contentTypeHeader: string | undefined): DocumentType {
  const declared = (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
  if (!(declared in DOCUMENT_TYPES))
    throw invalidDocument(`Upload a PDF, JPEG or PNG (content-type ${declared || 'missing'})`);
  if (bytes.length === 0) throw invalidDocument('The upload is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw documentTooLarge(bytes.length);
  const actual = sniffDocumentType(bytes);
  if (actual !== declared)
    throw invalidDocument(
      actual
        ? `The file is ${actual} but was declared as ${declared}`
        : `The file is not a valid ${DOCUMENT_NAMES[declared as DocumentType]} file`,
    );
  return declared as DocumentType;
}
