import { CatalogErrorCode } from './catalog.errors';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, AppError, assertUuid, Db, notFound, type RequestContext } from '@bangfu/core';
import { OBJECT_STORAGE, type ObjectStorage } from '@bangfu/storage';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { MAX_IMAGES_PER_PRODUCT } from './catalog.rules';
import { checkImage, IMAGE_TYPES } from './image-check';
import { ProductImage } from './product.entity';
import { ProductService } from './product.service';
import { makeThumbnail } from './thumbnail';

/** Product photos: checked, stored through ObjectStorage, recorded in product_image. */
@Injectable()
export class ImageService {
  private readonly log = new Logger('ProductImages');

  constructor(
    private readonly db: Db,
    private readonly products: ProductService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  url(image: ProductImage): string {
    return this.storage.url(image.storageKey);
  }

  /** The 320 px WebP; the original for images stored before thumbnails were made. */
  thumbnailUrl(image: ProductImage): string {
    return this.storage.url(image.thumbKey ?? image.storageKey);
  }

  listByProducts(ctx: RequestContext, productIds: string[]): Promise<ProductImage[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.db
      .repo(ctx, ProductImage)
      .find({ where: { productId: In(productIds) }, order: { sort: 'ASC', createdAt: 'ASC' } });
  }

  /** Who may add images to a product (its supplier's staff): checked by the upload route before it reads the body. */
  async requireUploader(ctx: RequestContext, productId: string): Promise<void> {
    await this.products.requireOwnedBySupplierStaff(ctx, productId);
  }

  /**
   * The object is written before the row: if the row fails the object is deleted again, and an
   * object without a row is harmless (never referenced), whereas a row without an object is a broken image.
   * The original is kept as uploaded; the thumbnail is a separate object.
   */
  async upload(
    ctx: RequestContext,
    productId: string,
    bytes: Buffer,
    contentTypeHeader: string | undefined,
  ): Promise<ProductImage> {
    const product = await this.products.requireOwnedBySupplierStaff(ctx, productId);
    const contentType = checkImage(bytes, contentTypeHeader);
    const thumb = await makeThumbnail(bytes);
    const name = randomUUID();
    const key = `products/${product.id}/${name}.${IMAGE_TYPES[contentType]}`;
    const thumbKey = `products/${product.id}/${name}-thumb.webp`;
    const written: string[] = [];
    try {
      await this.storage.put(key, bytes, contentType);
      written.push(key);
      await this.storage.put(thumbKey, thumb.bytes, 'image/webp');
      written.push(thumbKey);
      return await this.db.transaction(ctx, async (tx) => {
        // Serialise uploads to one product so the count limit and sort order hold.
        await this.products.requireOwnedBySupplierStaff(tx, productId, true);
        const repo = this.db.repo(tx, ProductImage);
        const count = await repo.countBy({ productId });
        if (count >= MAX_IMAGES_PER_PRODUCT) {
          throw new AppError(ErrorCode.TOO_MANY_IMAGES, `A product has at most ${MAX_IMAGES_PER_PRODUCT} images`, {
            productId,
          });
        }
        const sort = count === 0 ? 0 : ((await repo.maximum('sort', { productId })) ?? count - 1) + 1;
        return repo.save(
          repo.create({
            productId,
            storageKey: key,
            thumbKey,
            width: thumb.width,
            height: thumb.height,
            contentType,
            sizeBytes: bytes.length,
            sort,
          }),
        );
      });
    } catch (e) {
      for (const k of written)
        await this.storage.delete(k).catch((err) => this.log.warn(`could not delete orphaned ${k}: ${String(err)}`));
      throw e;
    }
  }

  /**
   * Sets the gallery order: `imageIds` must name every image of the product exactly once (a stale
   * list from another tab is refused rather than silently dropping or duplicating a photo).
   */
  async reorder(ctx: RequestContext, productId: string, imageIds: string[]): Promise<ProductImage[]> {
    assertUuid(productId, 'productId');
    imageIds.forEach((id) => assertUuid(id, 'imageIds'));
    return this.db.transaction(ctx, async (tx) => {
      await this.products.requireOwnedBySupplierStaff(tx, productId, true);
      const repo = this.db.repo(tx, ProductImage);
      const images = await repo.findBy({ productId });
      const known = new Set(images.map((i) => i.id));
      if (
        new Set(imageIds).size !== imageIds.length ||
        imageIds.length !== images.length ||
        !imageIds.every((id) => known.has(id))
      ) {
        throw new AppError(
          CatalogErrorCode.IMAGE_ORDER_MISMATCH,
          'imageIds must list every image of the product exactly once',
          {
            field: 'imageIds',
          },
        );
      }
      for (const [sort, id] of imageIds.entries()) await repo.update({ id }, { sort });
      return this.listByProducts(tx, [productId]);
    });
  }

  async remove(ctx: RequestContext, imageId: string): Promise<boolean> {
    assertUuid(imageId, 'imageId');
    const key = await this.db.transaction(ctx, async (tx) => {
      const image = await this.db.repo(tx, ProductImage).findOneBy({ id: imageId });
      if (!image) throw notFound('ProductImage', imageId);
      await this.products.requireOwnedBySupplierStaff(tx, image.productId, true);
      await this.db.repo(tx, ProductImage).delete(image.id);
      return [image.storageKey, image.thumbKey].filter((k): k is string => !!k);
    });
    // After commit: a failed delete leaves an unreferenced object, never a dangling row.
    for (const k of key)
      await this.storage.delete(k).catch((err) => this.log.warn(`could not delete ${k}: ${String(err)}`));
    return true;
  }

  /** A stored file for GET /files/<key>; only keys of product images and their thumbnails are served. */
  async read(ctx: RequestContext, key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const image = await this.db.repo(ctx, ProductImage).findOne({ where: [{ storageKey: key }, { thumbKey: key }] });
    if (!image) return null;
    const object = await this.storage.get(key);
    return object
      ? { bytes: object.bytes, contentType: key === image.thumbKey ? 'image/webp' : image.contentType }
      : null;
  }
}
