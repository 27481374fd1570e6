import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After-sales (libs/aftersales): one rating per delivered supplier order, complaints with photos and
 * the coordinator's decision, and the warnings the rules raise. `region_code` on a complaint is the
 * supplier's county when it was opened, so coordinators' region scope is one indexed prefix match.
 */
export class Aftersales1764002000000 implements MigrationInterface {
  name = 'Aftersales1764002000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supplier_rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_order_id uuid NOT NULL UNIQUE REFERENCES supplier_order(id),
        order_id uuid NOT NULL REFERENCES orders(id),
        supplier_id uuid NOT NULL REFERENCES organization(id),
        buyer_user_id uuid NOT NULL REFERENCES app_user(id),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX supplier_rating_supplier_idx ON supplier_rating (supplier_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        supplier_order_id uuid NOT NULL REFERENCES supplier_order(id),
        supplier_id uuid NOT NULL REFERENCES organization(id),
        buyer_user_id uuid NOT NULL REFERENCES app_user(id),
        buyer_org_id uuid REFERENCES organization(id),
        region_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('QUALITY','QUANTITY','PRICE','FALSE_ORIGIN','DELIVERY')),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ANSWERED','UPHOLDING','UPHELD','REJECTED')),
        supplier_answer text,
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        remedy text CHECK (remedy IN ('REFUND','RETURN')),
        refund_amount bigint CHECK (refund_amount > 0),
        refund_id uuid,
        decision_reason text,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX complaint_supplier_idx ON complaint (supplier_id, created_at DESC)`);
    await q.query(`CREATE INDEX complaint_region_idx ON complaint (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX complaint_order_idx ON complaint (order_id)`);
    await q.query(`CREATE INDEX complaint_buyer_idx ON complaint (buyer_user_id)`);
    await q.query(`
      CREATE TABLE complaint_photo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint(id),
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        uploaded_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX complaint_photo_complaint_idx ON complaint_photo (complaint_id, created_at)`);
    await q.query(`
      CREATE TABLE supplier_warning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES organization(id),
        rule_code text NOT NULL,
        level text NOT NULL CHECK (level IN ('WARNING','PROPOSAL')),
        reason text NOT NULL,
        figures jsonb NOT NULL DEFAULT '{}',
        proposal_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX supplier_warning_supplier_idx ON supplier_warning (supplier_id, rule_code, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supplier_warning`);
    await q.query(`DROP TABLE complaint_photo`);
    await q.query(`DROP TABLE complaint`);
    await q.query(`DROP TABLE supplier_rating`);
  }
}
