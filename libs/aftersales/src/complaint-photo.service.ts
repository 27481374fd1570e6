import { AftersalesErrorCode } from './aftersales.errors';
import { Controller, Get, Inject, Injectable, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  Allow,
  AppError,
  assertUuid,
  Ctx,
  Db,
  forbidden,
  readRawBody,
  type RequestContext,
  Role,
  sendStoredFile,
  TRADE_READERS,
} from '@bangfu/core';
import { checkDecodableImage, IMAGE_TYPES, imageTooLarge, MAX_IMAGE_BYTES, readStoredBytes } from '@bangfu/catalog';
import { OBJECT_STORAGE, type ObjectStorage, putThenRecord } from '@bangfu/storage';
import { Complaint, ComplaintPhoto, ComplaintStatus } from './aftersales.entities';
import { MAX_PHOTOS_PER_COMPLAINT } from './aftersales.rules';
import { ComplaintService } from './complaint.service';
import { AftersalesScope } from './scope';

/**
 * Complaint photos, kept through ObjectStorage (@bangfu/storage; local disk or S3) and checked like product
 * images (JPEG/PNG/WebP by signature, at most 5 MB). Only the complaint's buyer side adds them, while
 * the complaint is undecided; everyone who may read the complaint may read them — never publicly.
 */
@Injectable()
export class ComplaintPhotoService {
  private readonly log = new Logger('ComplaintPhotos');
  constructor(
    private readonly db: Db,
    private readonly complaints: ComplaintService,
    private readonly scope: AftersalesScope,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(
    ctx: RequestContext,
    complaintId: string,
    bytes: Buffer,
    contentTypeHeader: string | undefined,
  ): Promise<ComplaintPhoto> {
    const complaint = await this.requireBuyer(ctx, complaintId);
    const contentType = await checkDecodableImage(bytes, contentTypeHeader);
    const key = `complaints/${complaint.id}/${randomUUID()}.${IMAGE_TYPES[contentType]}`;
    return putThenRecord(this.storage, this.log, { key, bytes, contentType }, () =>
      this.db.transaction(ctx, async (tx) => {
        const c = await this.db
          .repo(tx, Complaint)
          .createQueryBuilder('c')
          .setLock('pessimistic_write')
          .where('c.id = :id', { id: complaint.id })
          .getOneOrFail();
        if (c.status !== ComplaintStatus.OPEN && c.status !== ComplaintStatus.ANSWERED) {
          throw new AppError(
            AftersalesErrorCode.COMPLAINT_WRONG_STATE,
            `Photos can be added while the complaint is undecided (it is ${c.status})`,
            { status: c.status },
          );
        }
        const repo = this.db.repo(tx, ComplaintPhoto);
        if ((await repo.countBy({ complaintId: c.id })) >= MAX_PHOTOS_PER_COMPLAINT) {
          throw new AppError(
            AftersalesErrorCode.TOO_MANY_PHOTOS,
            `A complaint has at most ${MAX_PHOTOS_PER_COMPLAINT} photos`,
            {
              max: MAX_PHOTOS_PER_COMPLAINT,
            },
          );
        }
        return repo.save(
          repo.create({
            complaintId: c.id,
            storageKey: key,
            contentType,
            sizeBytes: bytes.length,
            uploadedBy: tx.requirePrincipal().userId,
          }),
        );
      }),
    );
  }

  list(ctx: RequestContext, complaintIds: string[]): Promise<ComplaintPhoto[]> {
    if (!complaintIds.length) return Promise.resolve([]);
    return this.db
      .repo(ctx, ComplaintPhoto)
      .createQueryBuilder('p')
      .where('p.complaint_id = ANY(:ids::uuid[])', { ids: complaintIds })
      .orderBy('p.created_at', 'ASC')
      .getMany();
  }

  async read(
    ctx: RequestContext,
    complaintId: string,
    photoId: string,
  ): Promise<{ photo: ComplaintPhoto; bytes: Buffer }> {
    assertUuid(photoId, 'photoId');
    await this.complaints.get(ctx, complaintId);
    const photo = await this.db.repo(ctx, ComplaintPhoto).findOneBy({ id: photoId, complaintId });
    const { row, bytes } = await readStoredBytes(this.storage, photo, 'ComplaintPhoto', photoId);
    return { photo: row, bytes };
  }

  async requireBuyer(ctx: RequestContext, complaintId: string): Promise<Complaint> {
    const c = await this.complaints.get(ctx, complaintId);
    if (!(await this.scope.isBuyerOf(ctx, c))) throw forbidden('Only the buyer who complained adds photos');
    return c;
  }
}

/** Under /api with the other files the API serves, so no storefront route can shadow it. */
export const complaintPhotoUrl = (p: Pick<ComplaintPhoto, 'id' | 'complaintId'>) =>
  `/api/complaints/${p.complaintId}/photos/${p.id}`;

@Controller()
export class ComplaintPhotoController {
  constructor(private readonly photos: ComplaintPhotoService) {}

  /** Raw image body (image/jpeg, image/png or image/webp; at most 5 MB). Answers { id, url, contentType, sizeBytes }. */
  @Post('files/complaints/:complaintId/photos')
  @Allow(Role.CUSTOMER, Role.PURCHASER, Role.AGENCY_ADMIN)
  async upload(@Ctx() ctx: RequestContext, @Param('complaintId') complaintId: string, @Req() req: Request) {
    assertUuid(complaintId, 'complaintId');
    // Who may upload is checked before the body is read: a stranger never learns what we accept (413/415).
    await this.photos.requireBuyer(ctx, complaintId);
    const body = await readRawBody(req, MAX_IMAGE_BYTES);
    if (body.tooLarge) throw imageTooLarge(body.size || Number(req.headers['content-length'] ?? 0));
    const photo = await this.photos.upload(ctx, complaintId, body.bytes, req.headers['content-type']);
    return { id: photo.id, url: complaintPhotoUrl(photo), contentType: photo.contentType, sizeBytes: photo.sizeBytes };
  }

  @Get('api/complaints/:complaintId/photos/:photoId')
  @Allow(...TRADE_READERS)
  async download(
    @Ctx() ctx: RequestContext,
    @Param('complaintId') complaintId: string,
    @Param('photoId') photoId: string,
    @Res() res: Response,
  ) {
    assertUuid(complaintId, 'complaintId');
    const { photo, bytes } = await this.photos.read(ctx, complaintId, photoId);
    sendStoredFile(res, { contentType: photo.contentType, bytes }, 'private, no-store');
  }
}
