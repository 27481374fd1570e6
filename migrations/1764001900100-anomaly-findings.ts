import type { MigrationInterface, QueryRunner } from 'typeorm';
import { refuseRowChanges } from './shapes';

/**
 * Anomaly findings (libs/oversight): what the rules detected, with the evidence behind it, once per
 * evidence key; per-region threshold overrides for the rules; and the statistics corrections a
 * confirmed finding records (append-only: a correction is never edited or deleted).
 */
export class AnomalyFindings1764001900100 implements MigrationInterface {
  name = 'AnomalyFindings1764001900100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE anomaly_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CONFIRMED','DISMISSED')),
        subject_type text NOT NULL CHECK (subject_type IN ('SUPPLIER','BUYER_UNIT','PRODUCT','ORDER','COUNTER')),
        subject_id text NOT NULL,
        subject_label text NOT NULL,
        supplier_id uuid REFERENCES organization(id),
        region_code text NOT NULL,
        summary text NOT NULL,
        figures jsonb NOT NULL DEFAULT '[]',
        order_ids uuid[] NOT NULL DEFAULT '{}',
        evidence_key text NOT NULL UNIQUE,
        detected_via text NOT NULL CHECK (detected_via IN ('EVENT','SCHEDULE','MANUAL')),
        detected_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        review_reason text,
        excluded_from_statistics boolean NOT NULL DEFAULT false,
        suspension_proposal_id uuid REFERENCES supplier_suspension_proposal(id)
      )`);
    await q.query(
      `CREATE INDEX anomaly_finding_region_idx ON anomaly_finding (region_code text_pattern_ops, detected_at DESC)`,
    );
    await q.query(`CREATE INDEX anomaly_finding_list_idx ON anomaly_finding (status, detected_at DESC, id)`);
    await q.query(`CREATE INDEX anomaly_finding_orders_idx ON anomaly_finding USING gin (order_ids)`);
    await q.query(`
      CREATE TABLE anomaly_threshold (
        kind text NOT NULL,
        region_prefix text NOT NULL CHECK (region_prefix ~ '^([0-9]{2,12})?$'),
        thresholds jsonb NOT NULL,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, region_prefix)
      )`);
    await q.query(`
      CREATE TABLE anomaly_statistics_correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_id uuid NOT NULL REFERENCES anomaly_finding(id),
        order_id uuid NOT NULL,
        reason text NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (finding_id, order_id)
      )`);
    await q.query(`CREATE INDEX anomaly_statistics_correction_order_idx ON anomaly_statistics_correction (order_id)`);
    await refuseRowChanges(q, 'anomaly_correction_append_only', 'anomaly_statistics_correction');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE anomaly_statistics_correction`);
    await q.query(`DROP FUNCTION anomaly_correction_append_only()`);
    await q.query(`DROP TABLE anomaly_threshold`);
    await q.query(`DROP TABLE anomaly_finding`);
  }
}
