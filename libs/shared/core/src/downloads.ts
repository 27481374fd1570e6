import type { Request, Response } from 'express';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII file name for old clients and the Chinese one (RFC 5987 `filename*`) for the rest. */
export function attachmentDisposition(base: string, ext: string, zhName: string): string {
  return `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${zhName}.${ext}`)}`;
}

/** An export of data the caller may read, as a download: private, so no shared cache keeps it. */
export function sendAttachment(res: Response, contentType: string, body: string | Buffer, disposition: string): void {
  res.status(200);
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', disposition);
  res.setHeader('cache-control', 'private, no-store');
  if (Buffer.isBuffer(body)) res.setHeader('content-length', String(body.length));
  res.end(body);
}

/**
 * Serves an uploaded file with the type it was checked to have when stored; nosniff so a browser never
 * runs it as something else. `cacheControl`: 'private, no-store' behind a role check, immutable for public
 * keys (never reused). `inlineName` shows the uploader's file name when the browser saves it.
 */
export function sendStoredFile(
  res: Response,
  file: { contentType: string; bytes: Buffer },
  cacheControl: string,
  inlineName?: string | null,
): void {
  res.setHeader('content-type', file.contentType);
  res.setHeader('content-length', String(file.bytes.length));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', cacheControl);
  if (inlineName) res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(inlineName)}`);
  res.end(file.bytes);
}

/** Longest file name kept for display. */
const MAX_UPLOAD_NAME = 200;

/**
 * The optional `x-file-name` header of a raw-body upload (URI-encoded by the client, read as sent when it is not),
 * as a display name: the base name only (a path of the uploader's machine or `../..` says nothing we keep), without
 * control or bidirectional-override characters (they forge what a reader sees: `报告\u202Efdp.exe`), trimmed, at most
 * 200 characters; null when nothing is left.
 */
export function uploadFileName(req: Request): string | null {
  const sent = req.headers['x-file-name'];
  if (typeof sent !== 'string') return null;
  let name = sent;
  try {
    name = decodeURIComponent(sent);
  } catch {
    // not URI-encoded: the header as sent
  }
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return base === '' || base === '.' || base === '..' ? null : [...base].slice(0, MAX_UPLOAD_NAME).join('');
}
