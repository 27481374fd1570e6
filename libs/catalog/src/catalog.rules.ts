import { CatalogErrorCode } from './catalog.errors';
import { ErrorCode, AppError, badInput } from '@bangfu/core';
import { isCalendarDate } from '@bangfu/locale';
import { ProductStatus } from './product.entity';
import { Role } from '@bangfu/core';

/** Selling units a variant may use; anything else is INVALID_UNIT (keeps reports and counters comparable). */
export const VARIANT_UNITS = ['kg', 'g', '斤', '箱', '盒', '袋', '瓶', '罐', '个', '只', '头', '件', '份'] as const;

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES_PER_PRODUCT = 12;
/** Thumbnails fit in a THUMB_SIZE × THUMB_SIZE box (WebP, never enlarged): a product card on a phone. */
export const THUMB_SIZE = 320;
/** Decoding refuses images with more pixels than this (a small file can declare a huge canvas). */
export const MAX_IMAGE_PIXELS = 50_000_000;

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function requireText(value: string | null | undefined, field: string, max: number, min = 1): string {
  const text = (value ?? '').trim();
  if (text.length < min || text.length > max) throw badInput(`${field} must be ${min}–${max} characters`, { field });
  return text;
}

export function assertPrice(value: number, field: string): number {
  // The Money scalar already refuses fractions and non-numbers; zero and negative prices are ours to refuse.
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new AppError(ErrorCode.INVALID_PRICE, `${field} must be a positive amount of fen`, { field });
  return value;
}

export function assertStock(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 2_147_483_647) {
    throw new AppError(CatalogErrorCode.INVALID_STOCK, `${field} must be a whole number of units, not negative`, {
      field,
    });
  }
  return value;
}

export function assertUnit(value: string, field = 'unit'): string {
  const unit = (value ?? '').trim();
  if (!(VARIANT_UNITS as readonly string[]).includes(unit)) {
    throw new AppError(
      CatalogErrorCode.INVALID_UNIT,
      `Unit ${JSON.stringify(value)} is not one of ${VARIANT_UNITS.join(', ')}`,
      {
        field,
        allowed: [...VARIANT_UNITS],
      },
    );
  }
  return unit;
}

export function assertSku(value: string, field = 'sku'): string {
  const sku = (value ?? '').trim();
  if (!SKU.test(sku))
    throw new AppError(CatalogErrorCode.INVALID_SKU, 'A SKU is 1–64 letters, digits, dots, dashes or underscores', {
      field,
    });
  return sku;
}

/** Today in Asia/Shanghai as YYYY-MM-DD: harvest dates and validity are business dates. */
export { shanghaiDate as shanghaiToday } from '@bangfu/locale';

export function assertDate(value: string, field: string): string {
  const d = (value ?? '').trim().slice(0, 10);
  if (!isCalendarDate(d)) {
    throw new AppError(ErrorCode.INVALID_DATE, `${field} must be a date like 2026-01-31`, { field });
  }
  return d;
}

export type ProductAction = 'publish' | 'unpublish';

export interface ProductTransition {
  action: ProductAction;
  from: ProductStatus[];
  to: ProductStatus;
  roles: Role[];
  /** Checks that must hold for the move (supplier approved, origin eligible, something to sell). */
  guards: Array<'SUPPLIER_APPROVED' | 'ORIGIN_ELIGIBLE' | 'HAS_ACTIVE_VARIANT'>;
}

/** The product life cycle as data: DRAFT → PUBLISHED ↔ UNPUBLISHED. */
export const PRODUCT_TRANSITIONS: readonly ProductTransition[] = [
  {
    action: 'publish',
    from: [ProductStatus.DRAFT, ProductStatus.UNPUBLISHED],
    to: ProductStatus.PUBLISHED,
    roles: [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF],
    guards: ['SUPPLIER_APPROVED', 'ORIGIN_ELIGIBLE', 'HAS_ACTIVE_VARIANT'],
  },
  {
    // The platform may take a listing down (complaints, food-safety recalls); only the supplier puts it up.
    action: 'unpublish',
    from: [ProductStatus.PUBLISHED],
    to: ProductStatus.UNPUBLISHED,
    roles: [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.PLATFORM_ADMIN],
    guards: [],
  },
];
