import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): read views for procurement's set-based reports, which rank, sum and
 * export an agency tree's units and orders in single queries (a service call per unit or order would
 * be a query each):
 * - `organization_directory` (identity): an organisation's kind, name, parent, region and status —
 *   not its credit code or timestamps. Tested in libs/identity.
 * - `order_summary` (ordering): an order's number, buyer, channel, status, payment mode, amounts and
 *   key dates. Tested in libs/ordering.
 */
export class UnitViews1764002900200 implements MigrationInterface {
  name = 'UnitViews1764002900200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW organization_directory AS
        SELECT id, kind, name, parent_id, region_code, status FROM organization`);
    await q.query(`
      CREATE VIEW order_summary AS
        SELECT id, order_no, buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, payment_mode,
               total_amount, paid_amount, refunded_amount, invoice_no, created_at, paid_at, accepted_at
          FROM orders`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW order_summary`);
    await q.query(`DROP VIEW organization_directory`);
  }
}
