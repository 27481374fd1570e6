import { OrderingErrorCode } from './ordering.errors';
import { Controller, Get, Inject, Injectable, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, Ctx, Db, forbidden, type RequestContext, Role, sendStoredFile, uploadFileName } from '@bangfu/core';
import { documentObject, type DocumentLimit, readDocumentBody, readStoredBytes, recordDocument } from '@bangfu/catalog';
import { OBJECT_STORAGE, type ObjectStorage, putThenRecord } from '@bangfu/storage';
import { OrderAccessService } from './order-access.service';
import { assertId, OrderStateMachine } from './order-state.service';
import { OrderDocument, SupplierOrder } from './ordering.entities';

export const MAX_DOCUMENTS_PER_ORDER = 30;
const DOCUMENT_LIMIT: DocumentLimit = {
  max: MAX_DOCUMENTS_PER_ORDER,
  code: OrderingErrorCode.TOO_MANY_DOCUMENTS,
  owner: 'An order',
};

/**
 * Invoice and inspection documents of an order, kept through ObjectStorage (@bangfu/storage: local disk or
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
  async requireParty(ctx: RequestContext, orderId: string): Promise<void> {
    const order = await this.machine.find(ctx, orderId);
    if (ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN) || (await this.access.isBuyer(ctx, order))) return;
    const suppliers = await this.db.repo(ctx, SupplierOrder).findBy({ orderId });
    if (suppliers.some((so) => this.access.isSupplierStaff(ctx, so.supplierId))) return;
    throw forbidden('Only the buyer and the suppliers of this order handle its documents');
  }

  async upload(
    ctx: RequestContext,
    orderId: string,
    bytes: Buffer,
    contentTypeHeader: string | undefined,
    fileName: string | null,
  ): Promise<OrderDocument> {
    await this.requireParty(ctx, orderId);
    const object = documentObject(`orders/${orderId}`, bytes, contentTypeHeader);
    return putThenRecord(this.storage, this.log, object, () =>
      this.db.transaction(ctx, async (tx) => {
        await this.machine.lock(tx, orderId);
        const file = { ...object, fileName, userId: tx.userId };
        return recordDocument(this.db.repo(tx, OrderDocument), { orderId }, DOCUMENT_LIMIT, file);
      }),
    );
  }

  async list(ctx: RequestContext, orderId: string): Promise<OrderDocument[]> {
    return this.db.repo(ctx, OrderDocument).find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async read(ctx: RequestContext, orderId: string, documentId: string): Promise<{ doc: OrderDocument; bytes: Buffer }> {
    assertId(documentId, 'OrderDocument');
    await this.requireParty(ctx, orderId);
    const doc = await this.db.repo(ctx, OrderDocument).findOneBy({ id: documentId, orderId });
    const { row, bytes } = await readStoredBytes(this.storage, doc, 'OrderDocument', documentId);
    return { doc: row, bytes };
  }
}

const PARTIES = [
  Role.CUSTOMER,
  Role.PURCHASER,
  Role.AGENCY_ADMIN,
  Role.SUPPLIER_ADMIN,
  Role.SUPPLIER_STAFF,
  Role.PLATFORM_ADMIN,
];

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
    // Who may upload is checked before the body is read: a stranger never learns what we accept (413/415).
    await this.documents.requireParty(ctx, orderId);
    const bytes = await readDocumentBody(req);
    const doc = await this.documents.upload(ctx, orderId, bytes, req.headers['content-type'], uploadFileName(req));
    return {
      id: doc.id,
      fileKey: doc.storageKey,
      contentType: doc.contentType,
      sizeBytes: doc.sizeBytes,
      url: documentUrl(doc),
    };
  }

  @Get('api/orders/:orderId/documents/:documentId')
  @Allow(...PARTIES)
  async download(
    @Ctx() ctx: RequestContext,
    @Param('orderId') orderId: string,
    @Param('documentId') documentId: string,
    @Res() res: Response,
  ) {
    assertId(orderId, 'Order');
    const { doc, bytes } = await this.documents.read(ctx, orderId, documentId);
    sendStoredFile(res, { contentType: doc.contentType, bytes }, 'private, no-store');
  }
}

/** Under /api with the other files the API serves, so no storefront route (/orders/:id) can shadow it. */
export function documentUrl(doc: Pick<OrderDocument, 'id' | 'orderId'>): string {
  return `/api/orders/${doc.orderId}/documents/${doc.id}`;
}
