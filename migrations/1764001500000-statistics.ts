import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables } from './shapes';

/**
 * Sales statistics (libs/statistics): one row per counted order line with the dimensions frozen at
 * counting time, one row per refund of a counted line, and the additive rollup the queries read.
 * Written by the statistics consumer in the transaction that makes a line count.
 */
export class Statistics1764001500000 implements MigrationInterface {
  name = 'Statistics1764001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_line (
        order_line_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        counted_at timestamptz NOT NULL,
        day date NOT NULL,
        origin_code text NOT NULL,
        buyer_region_code text NOT NULL DEFAULT '',
        channel_id uuid NOT NULL,
        channel_kind text NOT NULL,
        supplier_id uuid NOT NULL,
        supplier_kind text NOT NULL,
        category_key text NOT NULL DEFAULT '',
        buyer_kind text NOT NULL CHECK (buyer_kind IN ('AGENCY','RETAIL','COUNTER')),
        buyer_key text,
        certified boolean NOT NULL,
        quantity integer NOT NULL,
        line_total bigint NOT NULL,
        refunded_amount bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX stats_line_order_idx ON stats_line (order_id)`);
    await q.query(`CREATE INDEX stats_line_origin_idx ON stats_line (origin_code text_pattern_ops, day)`);
    await q.query(`CREATE INDEX stats_line_buyer_idx ON stats_line (buyer_region_code text_pattern_ops, day)`);
    await q.query(`
      CREATE TABLE stats_refund (
        order_line_id uuid NOT NULL REFERENCES stats_line(order_line_id),
        refund_id text NOT NULL,
        order_id uuid NOT NULL,
        day date NOT NULL,
        amount bigint NOT NULL,
        before_count boolean NOT NULL,
        PRIMARY KEY (order_line_id, refund_id)
      )`);
    await q.query(`
      CREATE TABLE sales_rollup (
        day date NOT NULL,
        origin_code text NOT NULL,
        buyer_region_code text NOT NULL,
        channel_id uuid NOT NULL,
        channel_kind text NOT NULL,
        supplier_id uuid NOT NULL,
        supplier_kind text NOT NULL,
        category_key text NOT NULL,
        buyer_kind text NOT NULL,
        certified boolean NOT NULL,
        gross_amount bigint NOT NULL DEFAULT 0,
        refund_amount bigint NOT NULL DEFAULT 0,
        unit_count bigint NOT NULL DEFAULT 0,
        line_count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, origin_code, buyer_region_code, channel_id, supplier_id, category_key, buyer_kind, certified, channel_kind, supplier_kind)
      )`);
    await q.query(`CREATE INDEX sales_rollup_origin_idx ON sales_rollup (origin_code text_pattern_ops, day)`);
    await q.query(`CREATE INDEX sales_rollup_buyer_idx ON sales_rollup (buyer_region_code text_pattern_ops, day)`);
    await q.query(`
      CREATE TABLE stats_reconciliation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_day date NOT NULL,
        to_day date NOT NULL,
        ok boolean NOT NULL,
        difference_count integer NOT NULL,
        differences jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, ['stats_reconciliation', 'sales_rollup', 'stats_refund', 'stats_line']);
  }
}
