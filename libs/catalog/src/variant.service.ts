import { CatalogErrorCode } from './catalog.errors';
import { Injectable } from '@nestjs/common';
import { AppError, assertUuid, Db, findRaw, insertUnique, notFound, prepared, type RequestContext } from '@bangfu/core';
import { In } from 'typeorm';
import { assertPrice, assertSku, assertStock, assertUnit, requireText } from './catalog.rules';
import { Variant } from './variant.entity';

export interface VariantInput {
  sku: string;
  spec: string;
  unit: string;
  retailPrice: number;
  agencyPrice: number;
  marketReferencePrice: number;
  stockOnHand?: number | null;
}

export interface UpdateVariantInput {
  variantId: string;
  spec?: string | null;
  unit?: string | null;
  retailPrice?: number | null;
  agencyPrice?: number | null;
  marketReferencePrice?: number | null;
  /** Added to (or, negative, taken from) stock on hand. */
  stockAdjustment?: number | null;
  active?: boolean | null;
}

/** A variant's prices next to the same spec at other suppliers (medians in fen; null when no other supplier sells it). */
export interface VariantPriceReference {
  variantId: string;
  productId: string;
  supplierId: string;
  spec: string;
  unit: string;
  retailPrice: number;
  agencyPrice: number;
  marketReferencePrice: number;
  peerCount: number;
  peerMedianRetail: number | null;
  peerMedianAgency: number | null;
}

/** What a checkout prices a line from: the variant and its product, read by id in one query. */
export interface VariantForSale {
  variantId: string;
  sku: string;
  spec: string;
  unit: string;
  /** bigint fen as PostgreSQL text, so the checkout can refuse a price beyond JavaScript's safe integers. */
  retailPrice: string;
  agencyPrice: string;
  active: boolean;
  /** On hand minus reserved. */
  available: number;
  productId: string;
  title: string;
  productStatus: string;
  originRegionCode: string;
  supplierId: string;
}

export type CheckedVariant = Required<Omit<VariantInput, 'stockOnHand'>> & { stockOnHand: number };

const duplicateSku = (sku: string, field = 'sku') =>
  new AppError(CatalogErrorCode.DUPLICATE_SKU, `SKU ${sku} is already in use`, { field, sku });

/** Variants (SKUs): prices, units and stock. Stock only ever moves through conditional UPDATEs. */
@Injectable()
export class VariantService {
  constructor(private readonly db: Db) {}

  async get(ctx: RequestContext, id: string): Promise<Variant> {
    assertUuid(id, 'variantId');
    const variant = await this.db.repo(ctx, Variant).findOneBy({ id });
    if (!variant) throw notFound('Variant', id);
    return variant;
  }

  /** A page's variants in one statement (every product page asks: plain SQL, see findRaw). */
  listByProducts(ctx: RequestContext, productIds: string[]): Promise<Variant[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return findRaw(
      this.db.manager(ctx),
      Variant,
      (columns) => `SELECT ${columns} FROM variant WHERE product_id = ANY($1::uuid[]) ORDER BY created_at, sku`,
      [productIds],
    );
  }

  /** Checks every field of new variants, and their SKUs against each other and the database, before anything is written. */
  async validateNew(ctx: RequestContext, inputs: VariantInput[], fieldPrefix = 'variants'): Promise<CheckedVariant[]> {
    const checked = inputs.map((v, i) => {
      const f = (name: string) =>
        inputs.length === 1 && fieldPrefix === 'variant' ? name : `${fieldPrefix}[${i}].${name}`;
      return {
        sku: assertSku(v.sku, f('sku')),
        spec: requireText(v.spec, f('spec'), 100),
        unit: assertUnit(v.unit, f('unit')),
        retailPrice: assertPrice(v.retailPrice, f('retailPrice')),
        agencyPrice: assertPrice(v.agencyPrice, f('agencyPrice')),
        marketReferencePrice: assertPrice(v.marketReferencePrice, f('marketReferencePrice')),
        stockOnHand: assertStock(v.stockOnHand ?? 0, f('stockOnHand')),
      };
    });
    const seen = new Set<string>();
    for (const v of checked) {
      if (seen.has(v.sku)) throw duplicateSku(v.sku);
      seen.add(v.sku);
    }
    const taken = await this.db.repo(ctx, Variant).findOne({ where: { sku: In([...seen]) }, select: { sku: true } });
    if (taken) throw duplicateSku(taken.sku);
    return checked;
  }

  async insert(ctx: RequestContext, productId: string, variants: CheckedVariant[]): Promise<Variant[]> {
    const repo = this.db.repo(ctx, Variant);
    // Two suppliers racing for one SKU: the unique index decides.
    return insertUnique(
      () => repo.save(variants.map((v) => repo.create({ ...v, productId, stockReserved: 0, active: true }))),
      () => duplicateSku(variants.map((v) => v.sku).join(', ')),
    );
  }

  /** Caller has already checked the product belongs to the caller's supplier. */
  async add(ctx: RequestContext, productId: string, input: VariantInput): Promise<Variant> {
    return this.db.transaction(ctx, async (tx) => {
      const [checked] = await this.validateNew(tx, [input], 'variant');
      const [variant] = await this.insert(tx, productId, [checked]);
      return variant;
    });
  }

  /** Caller has already checked ownership. Field changes and the stock move commit together or not at all. */
  async update(ctx: RequestContext, variant: Variant, input: UpdateVariantInput): Promise<Variant> {
    return this.db.transaction(ctx, async (tx) => {
      const changes: Partial<Variant> = {};
      if (input.spec != null) changes.spec = requireText(input.spec, 'spec', 100);
      if (input.unit != null) changes.unit = assertUnit(input.unit);
      if (input.retailPrice != null) changes.retailPrice = assertPrice(input.retailPrice, 'retailPrice');
      if (input.agencyPrice != null) changes.agencyPrice = assertPrice(input.agencyPrice, 'agencyPrice');
      if (input.marketReferencePrice != null)
        changes.marketReferencePrice = assertPrice(input.marketReferencePrice, 'marketReferencePrice');
      if (input.active != null) changes.active = input.active;
      if (Object.keys(changes).length) await this.db.repo(tx, Variant).update(variant.id, changes);
      if (input.stockAdjustment) await this.adjustStock(tx, variant.id, input.stockAdjustment);
      return this.get(tx, variant.id);
    });
  }

  /**
   * Moves stock on hand by delta in one conditional UPDATE: it can never take stock below zero or
   * below what open orders have reserved, however many adjustments race.
   */
  async adjustStock(ctx: RequestContext, variantId: string, delta: number): Promise<void> {
    if (!Number.isSafeInteger(delta) || Math.abs(delta) > 2_147_483_647)
      throw new AppError(CatalogErrorCode.INVALID_STOCK, 'A stock adjustment is a whole number of units', {
        field: 'stockAdjustment',
      });
    const [, affected]: [unknown, number] = await this.db.manager(ctx).query(
      `UPDATE variant SET stock_on_hand = stock_on_hand + $2, updated_at = now()
        WHERE id = $1 AND stock_on_hand::bigint + $2::bigint BETWEEN stock_reserved AND 2147483647`,
      [variantId, delta],
    );
    if (affected === 0) {
      const exists = await this.db.repo(ctx, Variant).existsBy({ id: variantId });
      if (!exists) throw notFound('Variant', variantId);
      throw new AppError(
        CatalogErrorCode.INVALID_STOCK,
        'Stock on hand cannot go below zero or below what open orders have reserved',
        { field: 'stockAdjustment', variantId },
      );
    }
  }

  /** The variants of `variantIds` that exist, with their products (checkout, counters, baskets; one query). */
  async forSale(ctx: RequestContext, variantIds: string[]): Promise<VariantForSale[]> {
    if (variantIds.length === 0) return [];
    const rows: Array<Record<string, string | boolean>> = await this.db.manager(ctx).query(
      prepared(`SELECT v.id, v.sku, v.spec, v.unit, v.retail_price, v.agency_price, v.active,
              v.stock_on_hand - v.stock_reserved AS available, p.id AS product_id, p.title, p.status, p.origin_region_code, p.supplier_id
         FROM variant v JOIN product p ON p.id = v.product_id
        WHERE v.id = ANY($1::uuid[])`),
      [variantIds],
    );
    return rows.map((r) => ({
      variantId: r.id as string,
      sku: r.sku as string,
      spec: r.spec as string,
      unit: r.unit as string,
      retailPrice: String(r.retail_price),
      agencyPrice: String(r.agency_price),
      active: r.active as boolean,
      available: Number(r.available),
      productId: r.product_id as string,
      title: r.title as string,
      productStatus: r.status as string,
      originRegionCode: r.origin_region_code as string,
      supplierId: r.supplier_id as string,
    }));
  }

  /**
   * For oversight's price rule: each variant's prices and market reference, and the median prices of
   * the same spec (category, spec and unit) at other suppliers — the band a price is compared with.
   */
  async priceReferences(ctx: RequestContext, variantIds: string[]): Promise<VariantPriceReference[]> {
    if (variantIds.length === 0) return [];
    const rows: Array<Record<string, string | null>> = await this.db.manager(ctx).query(
      `SELECT v.id, v.product_id, p.supplier_id, v.spec, v.unit, v.retail_price, v.agency_price, v.market_reference_price,
              band.n, band.retail, band.agency
         FROM variant v JOIN product p ON p.id = v.product_id
         LEFT JOIN LATERAL (
           SELECT count(*) AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY ov.retail_price) AS retail,
                  percentile_disc(0.5) WITHIN GROUP (ORDER BY ov.agency_price) AS agency
             FROM variant ov JOIN product op ON op.id = ov.product_id
            WHERE p.category_id IS NOT NULL AND op.category_id = p.category_id AND ov.spec = v.spec AND ov.unit = v.unit
              AND op.supplier_id <> p.supplier_id AND ov.active AND op.status = 'PUBLISHED'
         ) band ON true
        WHERE v.id = ANY($1::uuid[])`,
      [variantIds],
    );
    return rows.map((r) => ({
      variantId: r.id as string,
      productId: r.product_id as string,
      supplierId: r.supplier_id as string,
      spec: r.spec as string,
      unit: r.unit as string,
      retailPrice: Number(r.retail_price),
      agencyPrice: Number(r.agency_price),
      marketReferencePrice: Number(r.market_reference_price),
      peerCount: Number(r.n ?? 0),
      peerMedianRetail: r.retail === null ? null : Number(r.retail),
      peerMedianAgency: r.agency === null ? null : Number(r.agency),
    }));
  }
}
