import type { Request } from 'express';
import type { DeepPartial, FindOptionsWhere, Repository } from 'typeorm';
import { AppError, type ErrorCodeName, notFound, readRawBody } from '@bangfu/core';
import type { ObjectStorage } from '@bangfu/storage';
import { checkDocument, DOCUMENT_TYPES, documentTooLarge, MAX_DOCUMENT_BYTES } from './document-check';
import { randomUUID } from 'node:crypto';

/** The columns every stored-document row has (order documents, certification documents). */
export interface StoredDocumentRow {
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  fileName: string | null;
  uploadedByUserId: string | null;
}

/** A document upload's body: at most MAX_DOCUMENT_BYTES (413 past it). */
export async function readDocumentBody(req: Request): Promise<Buffer> {
  const body = await readRawBody(req, MAX_DOCUMENT_BYTES);
  if (body.tooLarge) throw documentTooLarge(body.size);
  return body.bytes;
}

/** Checks an upload (checkDocument) and names its object: `<folder>/<uuid>.<ext>`. */
export function documentObject(
  folder: string,
  bytes: Buffer,
  contentTypeHeader: string | undefined,
): { key: string; bytes: Buffer; contentType: string } {
  const contentType = checkDocument(bytes, contentTypeHeader);
  return { key: `${folder}/${randomUUID()}.${DOCUMENT_TYPES[contentType]}`, bytes, contentType };
}

/** How many documents one owner may have, and the error past it ("An order has at most 30 documents"). */
export interface DocumentLimit {
  max: number;
  code: ErrorCodeName;
  owner: string;
}

/**
 * Records an uploaded document inside the upload's transaction, after the owner row is locked (so the
 * count holds until commit). The file name is a display name only: trimmed, at most 200 characters.
 */
export async function recordDocument<T extends StoredDocumentRow>(
  repo: Repository<T>,
  owner: FindOptionsWhere<T> & DeepPartial<T>,
  limit: DocumentLimit,
  file: { key: string; contentType: string; bytes: Buffer; fileName: string | null; userId: string | null },
): Promise<T> {
  if ((await repo.countBy(owner)) >= limit.max)
    throw new AppError(limit.code, `${limit.owner} has at most ${limit.max} documents`);
  const stored: StoredDocumentRow = {
    storageKey: file.key,
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
    fileName: file.fileName?.trim().slice(0, 200) || null,
    uploadedByUserId: file.userId,
  };
  return repo.save(repo.create({ ...owner, ...stored } as DeepPartial<T>)) as Promise<T>;
}

/** A stored row and its bytes; a row whose object is gone is as missing as no row (404 either way). */
export async function readStoredBytes<T extends { storageKey: string }>(
  storage: ObjectStorage,
  row: T | null,
  entity: string,
  id: string,
): Promise<{ row: T; bytes: Buffer }> {
  const object = row ? await storage.get(row.storageKey) : null;
  if (!row || !object) throw notFound(entity, id);
  return { row, bytes: object.bytes };
}
