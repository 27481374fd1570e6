import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { createSupplierFixture, SUPPLIER_ENTITIES, SupplierModule } from '@bangfu/supplier';
import { startTestServer, type TestServer } from '@bangfu/testing';

// product_directory (migration 1764002900100) is catalog's read contract for certification's
// certified-products directory, which filters and pages by product origin, category and supplier.
let server: TestServer;
let ds: DataSource;

beforeAll(async () => {
  server = await startTestServer({
    imports: [RegionModule, IdentityModule, SupplierModule],
    entities: [...REGION_ENTITIES, ...IDENTITY_ENTITIES, ...SUPPLIER_ENTITIES],
  });
  ds = server.app.get(DataSource);
});
afterAll(() => server?.close());

describe('product_directory', () => {
  it('is each product’s supplier, title, status, origin and category, and follows edits', async () => {
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
