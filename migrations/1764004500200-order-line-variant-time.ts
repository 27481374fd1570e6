import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (W3): the burst rule runs on every order event and looks for orders sharing one of its
 * variants within a few hours (OrderSignalsService.lines, `ordersWithVariantIds`). Through
 * `order_line (variant_id)` that read every line the variants ever sold — growing with their sales — and
 * filtered by the orders' time afterwards. With the line's own time in the key it reads the window only.
 * The new index serves every lookup by variant the old one did (its leading column), so the old one goes:
 * one index fewer to maintain per line written.
 */
export class OrderLineVariantTime1764004500200 implements MigrationInterface {
  name = 'OrderLineVariantTime1764004500200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX order_line_variant_time_idx ON order_line (variant_id, created_at)`);
    await q.query(`DROP INDEX order_line_variant_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX order_line_variant_idx ON order_line (variant_id)`);
    await q.query(`DROP INDEX order_line_variant_time_idx`);
  }
}
