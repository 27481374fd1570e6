import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TokenService } from '@bangfu/core';
import { createSupplierFixture } from '@bangfu/supplier';
import { CertificationStatus } from './certification.entities';

/**
 * Test and seed helpers that write rows directly (no permission checks, no history). Product and
 * variant rows are written with SQL so certification and channel tests do not depend on the
 * catalog's mutations.
 */
export async function insertProductFixture(
  ds: DataSource,
  input: {
    supplierId: string;
    originRegionCode?: string;
    title?: string;
    status?: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED';
    categoryId?: string | null;
  },
): Promise<string> {
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status, category_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      input.supplierId,
      input.title ?? `梵净山绿茶 ${randomBytes(2).toString('hex')}`,
      input.originRegionCode ?? '520621000000',
      input.status ?? 'PUBLISHED',
      input.categoryId ?? null,
    ],
  );
  return rows[0].id;
}

export async function insertVariantFixture(
  ds: DataSource,
  input: {
    productId: string;
    retailPrice?: number;
    agencyPrice?: number;
    stockOnHand?: number;
    stockReserved?: number;
  },
): Promise<string> {
  const price = input.retailPrice ?? 6800;
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand, stock_reserved)
     VALUES ($1, $2, '250g', '盒', $3, $6, $3, $4, $5) RETURNING id`,
    [
      input.productId,
      `SKU-${randomBytes(5).toString('hex')}`,
      price,
      input.stockOnHand ?? 100,
      input.stockReserved ?? 0,
      input.agencyPrice ?? price,
    ],
  );
  return rows[0].id;
}

export async function insertCertificationFixture(
  ds: DataSource,
  input: {
    productId: string;
    status?: CertificationStatus;
    certificateNo?: string | null;
    validFrom?: string | null;
    validTo?: string | null;
    issuer?: string;
    batch?: string;
  },
): Promise<string> {
  const status = input.status ?? CertificationStatus.CERTIFIED;
  const issued =
    status === CertificationStatus.CERTIFIED ||
    status === CertificationStatus.EXPIRED ||
    status === CertificationStatus.REVOKED;
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.productId,
      status,
      input.certificateNo !== undefined
        ? input.certificateNo
        : issued
          ? `FIX-${randomBytes(5).toString('hex').toUpperCase()}`
          : null,
      issued ? (input.issuer ?? '贵州省农业农村厅') : null,
      issued ? (input.batch ?? '2026年第一批') : null,
      input.validFrom !== undefined ? input.validFrom : issued ? '2025-01-01' : null,
      input.validTo !== undefined ? input.validTo : issued ? '2099-12-31' : null,
    ],
  );
  return rows[0].id;
}

export interface CertifiedSupplierFixture {
  supplierId: string;
  /** The supplier admin's token, signed by the running app. */
  adminToken: string;
  productId: string;
  variantId: string;
}

/** An approved supplier with its admin and one published, certified product with one variant in stock. */
export async function certifiedSupplierFixture(
  server: { app: INestApplicationContext },
  ds: DataSource,
  input: { retailPrice?: number; agencyPrice?: number; stockOnHand?: number; countyCode?: string } = {},
): Promise<CertifiedSupplierFixture> {
  const countyCode = input.countyCode ?? '520621000000';
  const s = await createSupplierFixture(ds, { countyCode });
  const adminToken = (await server.app.get(TokenService).sign(s.admin.userId)).token;
  const productId = await insertProductFixture(ds, { supplierId: s.supplierId, originRegionCode: countyCode });
  const variantId = await insertVariantFixture(ds, { productId, ...input });
  await insertCertificationFixture(ds, { productId });
  return { supplierId: s.supplierId, adminToken, productId, variantId };
}

/** 'YYYY-MM-DD' plus n days: the shared calendar's, re-exported for specs that import it from here. */
export { addDays } from '@bangfu/locale';
