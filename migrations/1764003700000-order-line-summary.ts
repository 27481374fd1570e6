import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): `order_line_summary` (ordering) — an order line's order, supplier,
 * product title, origin region and creation time, for attribution's "where your money went" page,
 * which decides per line whether a supplier or coordinator may see it (scope in SQL). Tested in
 * libs/ordering/src/order-views.spec.ts.
 */
export class OrderLineSummary1764003700000 implements MigrationInterface {
  name = 'OrderLineSummary1764003700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW order_line_summary AS
        SELECT id, order_id, supplier_id, product_id, product_title, origin_region_code, created_at FROM order_line`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW order_line_summary`);
  }
}
