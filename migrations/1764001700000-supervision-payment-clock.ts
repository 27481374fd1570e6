import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency supervision and the payment clock (libs/procurement, issue 12 items 4–5):
 * - `reserved_share_filing.decrease_reason`: why the reserved amount is below last year's (required then);
 * - `completion_snapshot` / `completion_snapshot_row`: frozen month-end figures of every budget unit
 *   (rows cannot be updated or deleted: a published ranking never changes);
 * - `jurisdiction_payment_terms`: days to pay after acceptance (≤ 60) and the daily late-interest rate;
 * - `payment_clock`: one row per accepted pay-on-delivery agency order and supplier — amount owed,
 *   due date and payment, with the terms in force at acceptance.
 */
export class SupervisionPaymentClock1764001700000 implements MigrationInterface {
  name = 'SupervisionPaymentClock1764001700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reserved_share_filing ADD COLUMN decrease_reason text`);
    await q.query(`
      CREATE TABLE completion_snapshot (
        year integer NOT NULL,
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        source text NOT NULL CHECK (source IN ('JOB','ADMIN')),
        published_by_user_id uuid,
        published_at timestamptz NOT NULL DEFAULT now(),
        unit_count integer NOT NULL,
        PRIMARY KEY (year, month)
      )`);
    await q.query(`
      CREATE TABLE completion_snapshot_row (
        year integer NOT NULL,
        month integer NOT NULL,
        org_id uuid NOT NULL REFERENCES organization(id),
        name text NOT NULL,
        region_code text,
        parent_id uuid,
        root_id uuid NOT NULL,
        root_name text NOT NULL,
        filed boolean NOT NULL,
        activated boolean NOT NULL,
        reserved_amount bigint NOT NULL,
        previous_reserved_amount bigint,
        counted_amount bigint NOT NULL,
        pending_amount bigint NOT NULL,
        PRIMARY KEY (year, month, org_id),
        FOREIGN KEY (year, month) REFERENCES completion_snapshot(year, month)
      )`);
    await q.query(
      `CREATE INDEX completion_snapshot_row_region_idx ON completion_snapshot_row (year, month, region_code text_pattern_ops)`,
    );
    await q.query(`
      CREATE FUNCTION completion_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'completion snapshots are frozen (% refused)', TG_OP USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(
      `CREATE TRIGGER completion_snapshot_row_frozen BEFORE UPDATE OR DELETE ON completion_snapshot_row FOR EACH ROW EXECUTE FUNCTION completion_snapshot_frozen()`,
    );
    await q.query(
      `CREATE TRIGGER completion_snapshot_frozen BEFORE UPDATE OR DELETE ON completion_snapshot FOR EACH ROW EXECUTE FUNCTION completion_snapshot_frozen()`,
    );
    await q.query(`
      CREATE TABLE jurisdiction_payment_terms (
        region_prefix text PRIMARY KEY CHECK (region_prefix ~ '^[0-9]{2}([0-9]{2})?$'),
        term_days integer NOT NULL CHECK (term_days BETWEEN 1 AND 60),
        daily_rate_ppm integer NOT NULL CHECK (daily_rate_ppm BETWEEN 0 AND 10000),
        set_by_user_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE payment_clock (
        order_id uuid NOT NULL REFERENCES orders(id),
        supplier_id uuid NOT NULL REFERENCES organization(id),
        org_id uuid NOT NULL REFERENCES organization(id),
        order_no text NOT NULL,
        accepted_at timestamptz NOT NULL,
        accepted_on date NOT NULL,
        term_days integer NOT NULL CHECK (term_days BETWEEN 1 AND 60),
        daily_rate_ppm integer NOT NULL CHECK (daily_rate_ppm BETWEEN 0 AND 10000),
        due_on date NOT NULL,
        amount bigint NOT NULL CHECK (amount >= 0),
        paid_at timestamptz,
        paid_on date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_id, supplier_id),
        CHECK (due_on = accepted_on + term_days)
      )`);
    await q.query(`CREATE INDEX payment_clock_org_idx ON payment_clock (org_id, due_on)`);
    await q.query(`CREATE INDEX payment_clock_supplier_idx ON payment_clock (supplier_id, due_on)`);
    await q.query(`CREATE INDEX payment_clock_unpaid_idx ON payment_clock (due_on) WHERE paid_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_clock`);
    await q.query(`DROP TABLE jurisdiction_payment_terms`);
    await q.query(`DROP TABLE completion_snapshot_row`);
    await q.query(`DROP TABLE completion_snapshot`);
    await q.query(`DROP FUNCTION completion_snapshot_frozen()`);
    await q.query(`ALTER TABLE reserved_share_filing DROP COLUMN decrease_reason`);
  }
}
