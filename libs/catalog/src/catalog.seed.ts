import type { EntityManager } from 'typeorm';
import type { searchTokens } from './search-text';

/**
 * SEED ONLY (libs/demo's data set): catalogue rows written directly inside the seed's transaction —
 * published products with their variants and harvest lots as the workflows would have left them
 * (each workflow is covered by this lib's tests). Kept here so that only catalog's code names its
 * tables; never call these from a request path.
 */
export async function seedCategory(
  em: EntityManager,
  c: { code: string; name: string; nameEn: string; sort: number },
): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO category (code, name, name_en, sort) VALUES ($1, $2, $3, $4) RETURNING id`,
    [c.code, c.name, c.nameEn, c.sort],
  );
  return row.id;
}

/** A PUBLISHED product with its DRAFT → PUBLISHED history; returns its id. */
export async function seedPublishedProduct(
  em: EntityManager,
  p: {
    supplierId: string;
    categoryId: string | null;
    title: string;
    description: string;
    originRegionCode: string;
    search: ReturnType<typeof searchTokens>;
  },
): Promise<string> {
  const [product] = await em.query(
    `INSERT INTO product (supplier_id, category_id, title, description, origin_region_code, status, search_tokens, pinyin_initials, pinyin_tokens)
     VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', $6, $7, $8) RETURNING id`,
    [
      p.supplierId,
      p.categoryId,
      p.title,
      p.description,
      p.originRegionCode,
      p.search.searchTokens,
      p.search.pinyinInitials,
      p.search.pinyinTokens,
    ],
  );
  await em.query(
    `INSERT INTO product_event (product_id, from_status, to_status) VALUES ($1, NULL, 'DRAFT'), ($1, 'DRAFT', 'PUBLISHED')`,
    [product.id],
  );
  return product.id;
}

export async function seedVariant(
  em: EntityManager,
  v: {
    productId: string;
    sku: string;
    spec: string;
    unit: string;
    retailPrice: number;
    agencyPrice: number;
    marketReferencePrice: number | null;
    stockOnHand: number;
  },
): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [v.productId, v.sku, v.spec, v.unit, v.retailPrice, v.agencyPrice, v.marketReferencePrice, v.stockOnHand],
  );
  return row.id;
}

/** A harvest lot, all of it remaining, with the households' contributions (household id → quantity). */
export async function seedLot(
  em: EntityManager,
  l: { variantId: string; lotNo: string; harvestedOn: string; contributions: Array<[string, number]> },
): Promise<string> {
  const quantity = l.contributions.reduce((sum, [, q]) => sum + q, 0);
  const [lot] = await em.query(
    `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
    [l.variantId, l.lotNo, l.harvestedOn, quantity],
  );
  for (const [householdId, q] of l.contributions) {
    await em.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, $3)`, [
      lot.id,
      householdId,
      q,
    ]);
  }
  return lot.id;
}
