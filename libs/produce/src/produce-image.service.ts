import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { badInput, Db, type RequestContext } from '@bangfu/core';
import { checkDecodableImage, IMAGE_TYPES } from '@bangfu/catalog';
import { OBJECT_STORAGE, type ObjectStorage, putThenRecord } from '@bangfu/storage';

/** Produce photos from the phone camera: checked like product images, stored through @bangfu/storage. */
@Injectable()
export class ProduceImageService {
  private readonly log = new Logger('ProduceImages');

  constructor(
    private readonly db: Db,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(
    ctx: RequestContext,
    bytes: Buffer,
    contentTypeHeader: string | undefined,
  ): Promise<{ key: string; url: string; contentType: string; sizeBytes: number }> {
    const p = ctx.requirePrincipal();
    const contentType = await checkDecodableImage(bytes, contentTypeHeader);
    const key = `produce/${randomUUID()}.${IMAGE_TYPES[contentType]}`;
    await putThenRecord(this.storage, this.log, { key, bytes, contentType }, () =>
      this.db
        .manager(ctx)
        .query(
          `INSERT INTO produce_image (storage_key, uploaded_by_user_id, content_type, size_bytes) VALUES ($1, $2, $3, $4)`,
          [key, p.userId, contentType, bytes.length],
        ),
    );
    return { key, url: this.url(key), contentType, sizeBytes: bytes.length };
  }

  url(key: string): string {
    return `/produce-files/${key}`;
  }

  /** Every key must be an upload by one of the given users (the farmer, or the coordinator assisting). */
  async assertUploadedBy(ctx: RequestContext, keys: string[], userIds: string[]): Promise<void> {
    if (!keys.length) return;
    const rows: Array<{ storage_key: string }> = await this.db
      .manager(ctx)
      .query(
        `SELECT storage_key FROM produce_image WHERE storage_key = ANY($1::text[]) AND uploaded_by_user_id = ANY($2::uuid[])`,
        [keys, userIds],
      );
    const found = new Set(rows.map((r) => r.storage_key));
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length)
      throw badInput('imageKeys must be your own uploads from POST /produce-files/images', {
        field: 'imageKeys',
        keys: missing,
      });
  }

  async read(ctx: RequestContext, key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const [row]: Array<{ content_type: string }> = await this.db
      .manager(ctx)
      .query(`SELECT content_type FROM produce_image WHERE storage_key = $1`, [key]);
    if (!row) return null;
    const object = await this.storage.get(key);
    return object ? { bytes: object.bytes, contentType: row.content_type } : null;
  }
}
