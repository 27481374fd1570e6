import { CertificationErrorCode } from './certification.errors';
import { Controller, Get, Inject, Injectable, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  Allow,
  AppError,
  assertUuid,
  Ctx,
  Db,
  forbidden,
  notFound,
  type RequestContext,
  Role,
  sendStoredFile,
  uploadFileName,
} from '@bangfu/core';
import {
  documentObject,
  type DocumentLimit,
  ProductService,
  readDocumentBody,
  readStoredBytes,
  recordDocument,
} from '@bangfu/catalog';
import { OBJECT_STORAGE, type ObjectStorage, putThenRecord } from '@bangfu/storage';
import { Certification, CertificationDocument, CertificationStatus } from './certification.entities';
import { CertificationService } from './certification.service';

export const MAX_DOCUMENTS_PER_APPLICATION = 20;
const DOCUMENT_LIMIT: DocumentLimit = {
  max: MAX_DOCUMENTS_PER_APPLICATION,
  code: CertificationErrorCode.TOO_MANY_CERTIFICATION_DOCUMENTS,
  owner: 'An application',
};
/** Documents are evidence for the review: they can be added until the platform decides. */
const OPEN_STATUSES = new Set([CertificationStatus.PENDING, CertificationStatus.VERIFIED]);

/**
 * Supporting documents of a certification application (origin proof, test report, linkage contract),
 * kept through ObjectStorage (@bangfu/storage). Attached by the product's supplier; read by whoever may see
 * the workflow (the supplier, coordinators and auditors of the origin region, platform admins).
 */
@Injectable()
export class CertificationDocumentService {
  private readonly log = new Logger('CertificationDocuments');
  constructor(
    private readonly db: Db,
    private readonly certifications: CertificationService,
    private readonly products: ProductService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(
    ctx: RequestContext,
    certificationId: string,
    bytes: Buffer,
    contentTypeHeader: string | undefined,
    fileName: string | null,
  ): Promise<CertificationDocument> {
    assertUuid(certificationId, 'certificationId');
    await this.requireSupplier(ctx, certificationId);
    const object = documentObject(`certifications/${certificationId}`, bytes, contentTypeHeader);
    return putThenRecord(this.storage, this.log, object, () =>
      this.db.transaction(ctx, async (tx) => {
        // Locks the application: the status and the count hold until commit.
        const [cert] = await this.db
          .repo(tx, Certification)
          .find({ where: { id: certificationId }, lock: { mode: 'pessimistic_write' } });
        if (!OPEN_STATUSES.has(cert.status)) {
          throw new AppError(
            CertificationErrorCode.CERTIFICATION_CLOSED,
            `Documents can be attached while the application is PENDING or VERIFIED (it is ${cert.status})`,
            { status: cert.status },
          );
        }
        const file = { ...object, fileName, userId: tx.userId };
        return recordDocument(this.db.repo(tx, CertificationDocument), { certificationId }, DOCUMENT_LIMIT, file);
      }),
    );
  }

  /** The documents of an application the caller may see (certification.get decides, FORBIDDEN otherwise). */
  async list(ctx: RequestContext, certificationId: string): Promise<CertificationDocument[]> {
    return this.db
      .repo(ctx, CertificationDocument)
      .find({ where: { certificationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async read(
    ctx: RequestContext,
    certificationId: string,
    documentId: string,
  ): Promise<{ doc: CertificationDocument; bytes: Buffer }> {
    assertUuid(certificationId, 'certificationId');
    assertUuid(documentId, 'documentId');
    await this.certifications.get(ctx, certificationId);
    const doc = await this.db.repo(ctx, CertificationDocument).findOneBy({ id: documentId, certificationId });
    const { row, bytes } = await readStoredBytes(this.storage, doc, 'CertificationDocument', documentId);
    return { doc: row, bytes };
  }

  async requireSupplier(ctx: RequestContext, certificationId: string): Promise<void> {
    const cert = await this.db.repo(ctx, Certification).findOneBy({ id: certificationId });
    if (!cert) throw notFound('Certification', certificationId);
    const product = await this.products.get(ctx, cert.productId);
    if (
      !ctx.requirePrincipal().organizationIds(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF).includes(product.supplierId)
    ) {
      throw forbidden("Only the product's supplier attaches documents to its application");
    }
  }
}

/** Under /api like the order documents, so no storefront route can shadow the download. */
export const certificationDocumentUrl = (doc: Pick<CertificationDocument, 'id' | 'certificationId'>) =>
  `/api/certifications/${doc.certificationId}/documents/${doc.id}`;

@Controller()
export class CertificationDocumentsController {
  constructor(private readonly documents: CertificationDocumentService) {}

  /** Raw body (application/pdf, image/jpeg or image/png; at most 10 MB); optional URI-encoded `x-file-name`. */
  @Post('files/certifications/:certificationId/documents')
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  async upload(@Ctx() ctx: RequestContext, @Param('certificationId') certificationId: string, @Req() req: Request) {
    assertUuid(certificationId, 'certificationId');
    // Who may upload is checked before the body is read: a stranger never learns what we accept (413/415).
    await this.documents.requireSupplier(ctx, certificationId);
    const bytes = await readDocumentBody(req);
    const doc = await this.documents.upload(
      ctx,
      certificationId,
      bytes,
      req.headers['content-type'],
      uploadFileName(req),
    );
    return {
      id: doc.id,
      fileName: doc.fileName,
      contentType: doc.contentType,
      sizeBytes: doc.sizeBytes,
      url: certificationDocumentUrl(doc),
    };
  }

  @Get('api/certifications/:certificationId/documents/:documentId')
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  async download(
    @Ctx() ctx: RequestContext,
    @Param('certificationId') certificationId: string,
    @Param('documentId') documentId: string,
    @Res() res: Response,
  ) {
    const { doc, bytes } = await this.documents.read(ctx, certificationId, documentId);
    sendStoredFile(res, { contentType: doc.contentType, bytes }, 'private, no-store', doc.fileName);
  }
}
