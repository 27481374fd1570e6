import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, Ctx, notFound, PUBLIC, readRawBody, type RequestContext, Role, sendStoredFile } from '@bangfu/core';
import { isStorageKey } from '@bangfu/storage';
import { MAX_IMAGE_BYTES } from './catalog.rules';
import { imageTooLarge } from './image-check';
import { ImageService } from './image.service';

@Controller('files')
export class FilesController {
  constructor(private readonly images: ImageService) {}

  /** Raw image body with content-type image/jpeg, image/png or image/webp; at most 5 MB. */
  @Post('products/:productId/images')
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  async upload(@Ctx() ctx: RequestContext, @Param('productId') productId: string, @Req() req: Request) {
    // Ownership is checked before the body is read: a stranger gets 403/404, never 413 or 415 (nothing about
    // what we accept), and no upload is buffered for them. Node discards the unread body after the answer.
    await this.images.requireUploader(ctx, productId);
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    const body = await readRawBody(req, MAX_IMAGE_BYTES);
    if (body.tooLarge) throw imageTooLarge(body.size || declaredLength);
    const image = await this.images.upload(ctx, productId, body.bytes, req.headers['content-type']);
    return { id: image.id, url: this.images.url(image), contentType: image.contentType, sizeBytes: image.sizeBytes };
  }

  @Get('*key')
  @Allow(PUBLIC)
  async serve(@Ctx() ctx: RequestContext, @Param('key') keyParam: string | string[], @Res() res: Response) {
    const key = Array.isArray(keyParam) ? keyParam.join('/') : keyParam;
    if (!isStorageKey(key)) throw notFound('File', key);
    const file = await this.images.read(ctx, key);
    if (!file) throw notFound('File', key);
    // Keys are never reused (a new upload gets a new key), so the bytes behind one never change.
    sendStoredFile(res, file, 'public, max-age=31536000, immutable');
  }
}
