import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, assertUuid, Db, notFound, type RequestContext } from '@bangfu/core';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { MAX_IMAGES_PER_PRODUCT } from './catalog.rules';
import { checkImage, IMAGE_TYPES } from './image-check';
import { ProductImage } from './product.entity';
import { ProductService } from './product.service';
import { OBJECT_STORAGE, type ObjectStorage } from './storage/object-storage';

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

  listByProducts(ctx: RequestContext, productIds: string[]): Promise<ProductImage[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.db.repo(ctx, ProductImage).find({ where: { productId: In(productIds) }, order: { sort: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * The object is written before the row: if the row fails the object is deleted again, and an
   * object without a row is harmless (never referenced), whereas a row without an object is a broken image.
   */
  async upload(ctx: RequestContext, productId: string, bytes: Buffer, contentTypeHeader: string | undefined): Promise<ProductImage> {
    const product = await this.products.requireOwnedBySupplierStaff(ctx, productId);
    const contentType = checkImage(bytes, contentTypeHeader);
    const key = `products/${product.id}/${randomUUID()}.${IMAGE_TYPES[contentType]}`;
    await this.storage.put(key, bytes, contentType);
    try {
      return await this.db.transaction(ctx, async (tx) => {
        // Serialise uploads to one product so the count limit and sort order hold.
        await this.products.requireOwnedBySupplierStaff(tx, productId, true);
        const repo = this.db.repo(tx, ProductImage);
        const count = await repo.countBy({ productId });
        if (count >= MAX_IMAGES_PER_PRODUCT) {
          throw new AppError('TOO_MANY_IMAGES', `A product has at most ${MAX_IMAGES_PER_PRODUCT} images`, { productId });
        }
        return repo.save(repo.create({ productId, storageKey: key, contentType, sizeBytes: bytes.length, sort: count }));
      });
    } catch (e) {
      await this.storage.delete(key).catch((err) => this.log.warn(`could not delete orphaned ${key}: ${String(err)}`));
      throw e;
    }
  }

  async remove(ctx: RequestContext, imageId: string): Promise<boolean> {
    assertUuid(imageId, 'imageId');
    const key = await this.db.transaction(ctx, async (tx) => {
      const image = await this.db.repo(tx, ProductImage).findOneBy({ id: imageId });
      if (!image) throw notFound('ProductImage', imageId);
      await this.products.requireOwnedBySupplierStaff(tx, image.productId, true);
      await this.db.repo(tx, ProductImage).delete(image.id);
      return image.storageKey;
    });
    // After commit: a failed delete leaves an unreferenced object, never a dangling row.
    await this.storage.delete(key).catch((err) => this.log.warn(`could not delete ${key}: ${String(err)}`));
    return true;
  }

  /** A stored file for GET /files/<key>; only keys of product images are served. */
  async read(ctx: RequestContext, key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const image = await this.db.repo(ctx, ProductImage).findOneBy({ storageKey: key });
    if (!image) return null;
    const object = await this.storage.get(key);
    return object ? { bytes: object.bytes, contentType: image.contentType } : null;
  }
}
