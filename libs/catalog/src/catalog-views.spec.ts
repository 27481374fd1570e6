import { describe, expect, it } from 'vitest';
import { createHouseholdFixture, createSupplierFixture } from '@bangfu/supplier';
import { serverForFile } from '@bangfu/testing';
import { startCatalogServer } from './catalog.test-fixtures';

// product_directory (migration 1764002900100) is catalog's read contract for certification's
// certified-products directory, which filters and pages by product origin, category and supplier;
// variant_directory, lot_directory and lot_contribution_directory (1764002900600) are attribution's.
const suite = serverForFile(startCatalogServer);

describe('product_directory', () => {
  it('is each product’s supplier, title, status, origin and category, and follows edits', async () => {
    const { ds } = suite;
    const { supplierId } = await createSupplierFixture(ds);
    const [category]: Array<{ id: string }> = await ds.query(
      `INSERT INTO category (code, name) VALUES ('tea-' || left(md5(random()::text), 12), '茶叶') RETURNING id`,
    );
    const [product]: Array<{ id: string }> = await ds.query(
      `INSERT INTO product (supplier_id, title, origin_region_code, status, category_id)
       VALUES ($1, '梵净山翠峰', '520621000000', 'DRAFT', $2) RETURNING id`,
      [supplierId, category.id],
    );
    const row = () => ds.query(`SELECT * FROM product_directory WHERE id = $1`, [product.id]);
    expect(await row()).toEqual([
      {
        id: product.id,
        supplier_id: supplierId,
        title: '梵净山翠峰',
        status: 'DRAFT',
        origin_region_code: '520621000000',
        category_id: category.id,
      },
    ]);
    await ds.query(`UPDATE product SET status = 'PUBLISHED', title = '梵净山翠峰茶' WHERE id = $1`, [product.id]);
    expect(await row()).toMatchObject([{ status: 'PUBLISHED', title: '梵净山翠峰茶' }]);
  });
});

describe('variant_directory, lot_directory and lot_contribution_directory', () => {
  it('show a variant’s product, prices and activity, a lot’s variant and number, and who contributed', async () => {
    const { ds } = suite;
    const { supplierId } = await createSupplierFixture(ds);
    const household = await createHouseholdFixture(ds, { villageCode: '520621102205', createdByOrgId: supplierId });
    const [product] = await ds.query(
      `INSERT INTO product (supplier_id, title, origin_region_code) VALUES ($1, '红薯粉', '520621000000') RETURNING id`,
      [supplierId],
    );
    const [variant] = await ds.query(
      `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
       VALUES ($1, 'SKU-' || gen_random_uuid(), '500g', '袋', 1500, 1300, 1500, 10) RETURNING id`,
      [product.id],
    );
    const [lot] = await ds.query(
      `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L-1', '2026-10-01', 10, 10) RETURNING id`,
      [variant.id],
    );
    await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, 10)`, [
      lot.id,
      household.id,
    ]);
    expect(await ds.query(`SELECT * FROM variant_directory WHERE id = $1`, [variant.id])).toEqual([
      { id: variant.id, product_id: product.id, retail_price: '1500', agency_price: '1300', active: true },
    ]);
    expect(
      await ds.query(`SELECT id, variant_id, lot_no, harvested_on::text FROM lot_directory WHERE id = $1`, [lot.id]),
    ).toEqual([{ id: lot.id, variant_id: variant.id, lot_no: 'L-1', harvested_on: '2026-10-01' }]);
    expect(await ds.query(`SELECT * FROM lot_contribution_directory WHERE lot_id = $1`, [lot.id])).toEqual([
      { lot_id: lot.id, household_id: household.id, quantity: 10 },
    ]);
  });
});
