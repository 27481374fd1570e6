import type { MigrationInterface, QueryRunner } from 'typeorm';
import { refuseRowChanges } from './shapes';

/**
 * Issue 13 (libs/statistics): orders a confirmed anomaly finding excluded from statistics. The sale is
 * never deleted: its stats_line rows stay and are marked `excluded`, and `stats_correction` keeps one
 * append-only row per excluded order with the amounts its reversal took off the rollups (a trigger
 * refuses UPDATE and DELETE). `order_id` is unique: an order is excluded once, whatever excluded it.
 */
export class StatisticsExclusion1764002700000 implements MigrationInterface {
  name = 'StatisticsExclusion1764002700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stats_line ADD COLUMN excluded boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX stats_line_excluded_idx ON stats_line (order_id) WHERE excluded`);
    await q.query(`
      CREATE TABLE stats_correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL UNIQUE,
        kind text NOT NULL DEFAULT 'EXCLUSION' CHECK (kind IN ('EXCLUSION')),
        source text NOT NULL,
        source_ref text NOT NULL,
        reason text NOT NULL,
        gross_amount bigint NOT NULL,
        refund_amount bigint NOT NULL,
        unit_count bigint NOT NULL,
        line_count integer NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await refuseRowChanges(q, 'stats_correction_append_only', 'stats_correction');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stats_correction`);
    await q.query(`DROP FUNCTION stats_correction_append_only()`);
    await q.query(`DROP INDEX stats_line_excluded_idx`);
    await q.query(`ALTER TABLE stats_line DROP COLUMN excluded`);
  }
}
