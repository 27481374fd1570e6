import { describe, expect, it } from 'vitest';
import { RequestContext } from '@bangfu/core';
import { createSupplierFixture } from '@bangfu/supplier';
import { serverForFile } from '@bangfu/testing';
import { Variant } from './variant.entity';
import { VariantService } from './variant.service';
import { startCatalogServer } from './catalog.test-fixtures';

// listByProducts reads a page's variants with plain SQL (core's findRaw) instead of repository.find:
// it must give exactly what find gave — instances of Variant, money as numbers, dates as Dates, order.
const suite = serverForFile(startCatalogServer);

describe('VariantService.listByProducts', () => {
  it('gives what repository.find gives, in creation then SKU order', async () => {
    const { server, ds } = suite;
    const { supplierId } = await createSupplierFixture(ds);
    const products: string[] = [];
    for (const title of ['甲', '乙']) {
      const [p] = await ds.query(
        `INSERT INTO product (supplier_id, title, origin_region_code, status) VALUES ($1, $2, '520621000000', 'DRAFT') RETURNING id`,
        [supplierId, title],
      );
      products.push(p.id);
    }
    const sku = () => `RAW-${Math.random().toString(36).slice(2, 10)}`;
    // Two variants created in the same instant (ordered by SKU), a price beyond 32 bits, an inactive one.
    await ds.query(
      `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand, stock_reserved, active, created_at)
       VALUES ($1, 'B-' || $3, '500g', 'kg', 3000000001, 2800, 3500, 7, 2, true, '2026-01-01T00:00:00Z'),
              ($1, 'A-' || $3, '250g', 'kg', 1999, 1800, 2100, 0, 0, false, '2026-01-01T00:00:00Z'),
              ($2, 'C-' || $3, '1kg', '箱', 4999, 4500, 5200, 3, 0, true, '2025-12-31T00:00:00Z')`,
      [products[0], products[1], sku()],
    );
    const viaFind = await ds
      .getRepository(Variant)
      .find({ where: products.map((productId) => ({ productId })), order: { createdAt: 'ASC', sku: 'ASC' } });
    const viaService = await server.app.get(VariantService).listByProducts(RequestContext.system('test'), products);
    expect(viaFind).toHaveLength(3);
    expect(viaService).toEqual(viaFind);
    expect(viaService.every((v) => v instanceof Variant)).toBe(true);
    expect(viaService.map((v) => typeof v.retailPrice)).toEqual(['number', 'number', 'number']);
    expect(viaService[0].createdAt).toBeInstanceOf(Date);
  });
});
