import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, Ctx, notFound, PUBLIC, readRawBody, type RequestContext, Role, sendStoredFile } from '@bangfu/core';
import { imageTooLarge, MAX_IMAGE_BYTES } from '@bangfu/catalog';
import { ProduceImageService } from './produce-image.service';

/**
 * Photos for produce offers. A separate path from catalog's /files: its wildcard GET serves product
 * images only. Keys are random UUIDs and served publicly like product photos (an <img> on a phone
 * sends no bearer token); only recorded produce keys are served.
 */
@Controller('produce-files')
export class ProduceFilesController {
  constructor(private readonly images: ProduceImageService) {}

  /** Raw body, content-type image/jpeg, image/png or image/webp, at most 5 MB; answers { key, url }. */
  @Post('images')
  @Allow(Role.FARMER, Role.COORDINATOR)
  async upload(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    const body = await readRawBody(req, MAX_IMAGE_BYTES);
    if (body.tooLarge) throw imageTooLarge(body.size || declaredLength);
    return this.images.upload(ctx, body.bytes, req.headers['content-type']);
  }

  @Get('produce/:name')
  @Allow(PUBLIC)
  async serve(@Ctx() ctx: RequestContext, @Param('name') name: string, @Res() res: Response) {
    if (!/^[0-9a-f-]{36}\.(jpg|png|webp)$/.test(name)) throw notFound('File', name);
    const file = await this.images.read(ctx, `produce/${name}`);
    if (!file) throw notFound('File', name);
    sendStoredFile(res, file, 'public, max-age=31536000, immutable');
  }
}
