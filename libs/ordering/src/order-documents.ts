import { Controller, Get, Inject, Injectable, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Allow, AppError, Ctx, Db, forbidden, HttpAppError, notFound, readRawBody, type RequestContext, Role } from '@bangfu/core';
import { OBJECT_STORAGE, type ObjectStorage } from '@bangfu/catalog';
import { OrderAccessService } from './order-access.service';
import { assertId, OrderStateMachine } from './order-state.service';
import { OrderDocument, SupplierOrder } from './ordering.entities';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_ORDER = 30;
const DOCUMENT_TYPES = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
type DocumentType = keyof typeof DOCUMENT_TYPES;
/** What the bytes are, from their signature. */
export function sniffDocumentType(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

export function checkDocument(bytes: Buffer, contentTypeHeader: string | undefined): DocumentType {
  const declared = (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
  if (!(declared in DOCUMENT_TYPES)) {
    throw new HttpAppError('INVALID_DOCUMENT_TYPE', `Upload a PDF, JPEG or PNG (content-type ${declared || 'missing'})`, 415, { allowed: Object.keys(DOCUMENT_TYPES) });
  }
  if (bytes.length === 0) throw new HttpAppError('INVALID_DOCUMENT_TYPE', 'The upload is empty', 415);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw documentTooLarge(bytes.length);
  const actual = sniffDocumentType(bytes);
  if (actual !== declared) {
    throw new HttpAppError('INVALID_DOCUMENT_TYPE', actual ? `The file is ${actual} but was declared as ${declared}` : `The file is not a ${declared} file`, 415);
  }
  return declared as DocumentType;
}

const documentTooLarge = (size: number) =>
  new HttpAppError('DOCUMENT_TOO_LARGE', `Documents may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`, 413, { maxBytes: MAX_DOCUMENT_BYTES, sizeBytes: size });

/**
 * Invoice and inspection documents of an order, kept through catalog's ObjectStorage (local disk or
 * S3). Uploaded by the buyer side or the order's suppliers; read by the same people.
 */
@Injectable()
export class OrderDocumentService {
  private readonly log = new Logger('OrderDocuments');
  constructor(
    private readonly db: Db,
    private readonly machine: OrderStateMachine,
    private readonly access: OrderAccessService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** Buyer side (agency, its admins, platform admin) or staff of one of the order's suppliers. */
  private async requireParty(ctx: RequestContext, orderId: string): Promise<void> {
    const order = await this.machine.find(ctx, orderId);
    if (ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN) || (await this.access.isBuyer(ctx, order))) return;
    const suppliers = await this.db.repo(ctx, SupplierOrder).findBy({ orderId });
    if (suppliers.some((so) => this.access.isSupplierStaff(ctx, so.supplierId))) return;
    throw forbidden('Only the buyer and the suppliers of this order handle its documents');
  }

  /** The object is written first; if the row fails it is deleted again (an orphan object is harmless, a row without object is not). */
  async upload(ctx: RequestContext, orderId: string, bytes: Buffer, contentTypeHeader: string | undefined, fileName: string | null): Promise<OrderDocument> {
    await this.requireParty(ctx, orderId);
    const contentType = checkDocument(bytes, contentTypeHeader);
    const key = `orders/${orderId}/${randomUUID()}.${DOCUMENT_TYPES[contentType]}`;
    await this.storage.put(key, bytes, contentType);
    try {
      return await this.db.transaction(ctx, async (tx) => {
        await this.machine.lock(tx, orderId);
        const repo = this.db.repo(tx, OrderDocument);
        if ((await repo.countBy({ orderId })) >= MAX_DOCUMENTS_PER_ORDER) {
          throw new AppError('TOO_MANY_DOCUMENTS', `An order has at most ${MAX_DOCUMENTS_PER_ORDER} documents`);
        }
        const name = fileName?.trim().slice(0, 200) || null;
        return repo.save(repo.create({ orderId, storageKey: key, contentType, sizeBytes: bytes.length, fileName: name, uploadedByUserId: tx.userId }));
      });
    } catch (e) {
      await this.storage.delete(key).catch((err) => this.log.warn(`could not delete orphaned ${key}: ${String(err)}`));
      throw e;
    }
  }

  async list(ctx: RequestContext, orderId: string): Promise<OrderDocument[]> {
    return this.db.repo(ctx, OrderDocument).find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async read(ctx: RequestContext, orderId: string, documentId: string): Promise<{ doc: OrderDocument; bytes: Buffer }> {
    assertId(documentId, 'OrderDocument');
    await this.requireParty(ctx, orderId);
    const doc = await this.db.repo(ctx, OrderDocument).findOneBy({ id: documentId, orderId });
    if (!doc) throw notFound('OrderDocument', documentId);
    const object = await this.storage.get(doc.storageKey);
    if (!object) throw notFound('OrderDocument', documentId);
    return { doc, bytes: object.bytes };
  }
}

const PARTIES = [Role.CUSTOMER, Role.PURCHASER, Role.AGENCY_ADMIN, Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.PLATFORM_ADMIN];

@Controller()
export class OrderDocumentsController {
  constructor(private readonly documents: OrderDocumentService) {}

  /**
   * Raw body (content-type application/pdf, image/jpeg or image/png; at most 10 MB); optional
   * `x-file-name` header. Answers { id, fileKey, contentType, sizeBytes } — pass fileKey to acceptOrder.
   */
  @Post('files/orders/:orderId/documents')
  @Allow(...PARTIES)
  async upload(@Ctx() ctx: RequestContext, @Param('orderId') orderId: string, @Req() req: Request) {
    assertId(orderId, 'Order');
    const body = await readRawBody(req, MAX_DOCUMENT_BYTES);
    if (body.tooLarge) throw documentTooLarge(body.size);
    const name = req.headers['x-file-name'];
    const doc = await this.documents.upload(ctx, orderId, body.bytes, req.headers['content-type'], typeof name === 'string' ? safeDecode(name) : null);
    return { id: doc.id, fileKey: doc.storageKey, contentType: doc.contentType, sizeBytes: doc.sizeBytes, url: documentUrl(doc) };
  }

  @Get('api/orders/:orderId/documents/:documentId')
  @Allow(...PARTIES)
  async download(@Ctx() ctx: RequestContext, @Param('orderId') orderId: string, @Param('documentId') documentId: string, @Res() res: Response) {
    assertId(orderId, 'Order');
    const { doc, bytes } = await this.documents.read(ctx, orderId, documentId);
    res.setHeader('content-type', doc.contentType);
    res.setHeader('content-length', String(bytes.length));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    res.end(bytes);
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Under /api with the other files the API serves, so no storefront route (/orders/:id) can shadow it. */
export function documentUrl(doc: Pick<OrderDocument, 'id' | 'orderId'>): string {
  return `/api/orders/${doc.orderId}/documents/${doc.id}`;
}
