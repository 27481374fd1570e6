import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAppendOnly, dropTables } from './shapes';

/**
 * Farmer income attribution (issue 6): versioned rules, one attribution_line per counted order line,
 * append-only attribution entries per beneficiary (reversals are new negative entries), refunds seen
 * per line, and the rollups the audit queries read (never the entries or order lines).
 * The database guarantees what the code also checks: rules and entries are append-only, and at
 * commit the entries of a line sum exactly to its attributed amount with no beneficiary below zero.
 */
export class Attribution1764000700000 implements MigrationInterface {
  name = 'Attribution1764000700000';

  async up(q: QueryRunner): Promise<void> {
    const period = (col: string) => `${col} text NOT NULL CHECK (${col} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`;
    const bp = (col: string) => `${col} integer NOT NULL DEFAULT 0 CHECK (${col} BETWEEN 0 AND 10000)`;

    await q.query(`
      CREATE TABLE attribution_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        product_id uuid REFERENCES product(id),
        version integer NOT NULL CHECK (version >= 1),
        effective_from timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CONTRACT_PURCHASE','REVENUE_SHARE','WAGE','DIVIDEND')),
        per_unit_payout bigint CHECK (per_unit_payout > 0),
        ${bp('households_bp')},
        ${bp('village_collective_bp')},
        ${bp('cooperative_bp')},
        ${bp('pool_bp')},
        village_code text REFERENCES region(code),
        cooperative_org_id uuid REFERENCES organization(id),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        created_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (households_bp + village_collective_bp + cooperative_bp <= 10000),
        CHECK ((kind = 'CONTRACT_PURCHASE') = (per_unit_payout IS NOT NULL)),
        CHECK (kind = 'REVENUE_SHARE' OR (households_bp = 0 AND village_collective_bp = 0 AND cooperative_bp = 0)),
        CHECK (kind <> 'REVENUE_SHARE' OR households_bp + village_collective_bp + cooperative_bp > 0),
        CHECK ((kind IN ('WAGE','DIVIDEND')) = (pool_bp > 0)),
        CHECK ((village_collective_bp > 0) = (village_code IS NOT NULL)),
        CHECK ((cooperative_bp > 0) = (cooperative_org_id IS NOT NULL))
      )`);
    // One version sequence per scope: a product, or the supplier default (product_id NULL).
    await q.query(`
      CREATE UNIQUE INDEX attribution_rule_version_idx
        ON attribution_rule (supplier_id, COALESCE(product_id, '00000000-0000-0000-0000-000000000000'::uuid), version)`);
    await q.query(
      `CREATE INDEX attribution_rule_product_idx ON attribution_rule (product_id, effective_from DESC) WHERE product_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE attribution_line (
        order_line_id uuid PRIMARY KEY REFERENCES order_line(id),
        order_id uuid NOT NULL REFERENCES orders(id),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        product_id uuid NOT NULL REFERENCES product(id),
        rule_id uuid REFERENCES attribution_rule(id),
        rule_version integer,
        rule_kind text,
        counted_at timestamptz NOT NULL,
        ${period('period')},
        quantity integer NOT NULL CHECK (quantity > 0),
        line_total bigint NOT NULL CHECK (line_total > 0),
        gross_amount bigint NOT NULL CHECK (gross_amount >= 0 AND gross_amount <= line_total),
        uncapped_amount bigint NOT NULL CHECK (uncapped_amount >= gross_amount),
        capped boolean NOT NULL DEFAULT false,
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= line_total),
        attributed_amount bigint NOT NULL CHECK (attributed_amount >= 0 AND attributed_amount <= gross_amount),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (capped = (uncapped_amount > gross_amount)),
        CHECK ((rule_id IS NULL) = (rule_version IS NULL) AND (rule_id IS NULL) = (rule_kind IS NULL))
      )`);
    await q.query(`CREATE INDEX attribution_line_order_idx ON attribution_line (order_id)`);
    await q.query(`CREATE INDEX attribution_line_period_idx ON attribution_line (period)`);

    await q.query(`
      CREATE TABLE attribution_refund (
        order_line_id uuid NOT NULL REFERENCES attribution_line(order_line_id),
        refund_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        amount bigint NOT NULL CHECK (amount > 0),
        before_count boolean NOT NULL,
        reversed_amount bigint NOT NULL DEFAULT 0 CHECK (reversed_amount >= 0),
        occurred_at timestamptz NOT NULL,
        ${period('period')},
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_line_id, refund_id),
        CHECK (NOT before_count OR reversed_amount = 0)
      )`);

    await q.query(`
      CREATE TABLE attribution_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        order_line_id uuid NOT NULL REFERENCES attribution_line(order_line_id),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        product_id uuid NOT NULL REFERENCES product(id),
        event_key text NOT NULL CHECK (event_key = 'COUNT' OR event_key LIKE 'REFUND:%'),
        beneficiary_kind text NOT NULL CHECK (beneficiary_kind IN ('HOUSEHOLD','VILLAGE_COLLECTIVE','COOPERATIVE','UNASSIGNED')),
        beneficiary_key text NOT NULL,
        household_id uuid REFERENCES household(id),
        village_code text REFERENCES region(code),
        organization_id uuid REFERENCES organization(id),
        region_code text NOT NULL,
        lot_id uuid REFERENCES lot(id),
        rule_id uuid REFERENCES attribution_rule(id),
        rule_version integer,
        rule_kind text,
        amount bigint NOT NULL CHECK (amount <> 0),
        ${period('period')},
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((event_key = 'COUNT') = (amount > 0)),
        CHECK ((beneficiary_kind = 'HOUSEHOLD') = (household_id IS NOT NULL)),
        CHECK (beneficiary_kind <> 'VILLAGE_COLLECTIVE' OR village_code IS NOT NULL),
        CHECK (beneficiary_kind NOT IN ('COOPERATIVE','UNASSIGNED') OR organization_id IS NOT NULL)
      )`);
    // Idempotency: one entry per order line, event (count or refund id), beneficiary and lot.
    await q.query(`
      CREATE UNIQUE INDEX attribution_entry_key_idx
        ON attribution_entry (order_line_id, event_key, beneficiary_key, COALESCE(lot_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await q.query(`CREATE INDEX attribution_entry_order_idx ON attribution_entry (order_id)`);
    await q.query(`CREATE INDEX attribution_entry_occurred_idx ON attribution_entry (occurred_at)`);
    await q.query(`CREATE INDEX attribution_entry_period_idx ON attribution_entry (period)`);
    await q.query(
      `CREATE INDEX attribution_entry_household_idx ON attribution_entry (household_id, period) WHERE household_id IS NOT NULL`,
    );

    // Rollups, maintained in the same transaction as the entries.
    await q.query(`
      CREATE TABLE attribution_monthly (
        beneficiary_key text NOT NULL,
        ${period('period')},
        product_id uuid NOT NULL REFERENCES product(id),
        beneficiary_kind text NOT NULL,
        household_id uuid REFERENCES household(id),
        village_code text,
        organization_id uuid,
        supplier_id uuid NOT NULL,
        region_code text NOT NULL,
        amount bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (beneficiary_key, period, product_id)
      )`);
    await q.query(
      `CREATE INDEX attribution_monthly_household_idx ON attribution_monthly (household_id, period) WHERE household_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX attribution_monthly_supplier_idx ON attribution_monthly (supplier_id, period)`);
    await q.query(
      `CREATE INDEX attribution_monthly_region_idx ON attribution_monthly (region_code text_pattern_ops, period)`,
    );

    await q.query(`
      CREATE TABLE attribution_household_month (
        household_id uuid NOT NULL REFERENCES household(id),
        ${period('period')},
        region_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('ORDINARY','EX_POVERTY','MONITORED')),
        amount bigint NOT NULL,
        PRIMARY KEY (household_id, period)
      )`);
    await q.query(
      `CREATE INDEX attribution_household_month_region_idx ON attribution_household_month (region_code text_pattern_ops, period)`,
    );

    await q.query(`
      CREATE TABLE attribution_region_month (
        region_code text NOT NULL,
        ${period('period')},
        household_amount bigint NOT NULL DEFAULT 0,
        village_collective_amount bigint NOT NULL DEFAULT 0,
        cooperative_amount bigint NOT NULL DEFAULT 0,
        unassigned_amount bigint NOT NULL DEFAULT 0,
        -- No CHECK (>= 0): an upsert checks the proposed row (a negative delta) before it finds the conflict.
        households_driven integer NOT NULL DEFAULT 0,
        ex_poverty_households_driven integer NOT NULL DEFAULT 0,
        monitored_households_driven integer NOT NULL DEFAULT 0,
        PRIMARY KEY (region_code, period)
      )`);
    await q.query(
      `CREATE INDEX attribution_region_month_prefix_idx ON attribution_region_month (region_code text_pattern_ops, period)`,
    );

    await q.query(`
      CREATE TABLE attribution_reconciliation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_at timestamptz NOT NULL,
        to_at timestamptz NOT NULL,
        ok boolean NOT NULL,
        difference_count integer NOT NULL CHECK (difference_count >= 0),
        report jsonb NOT NULL,
        actor_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX attribution_reconciliation_created_idx ON attribution_reconciliation (created_at DESC)`,
    );

    // Rules are versions and entries are history: neither is edited or deleted.
    await createAppendOnly(q, 'attribution_append_only', 'add a new rule version or a reversing entry', [
      'attribution_rule',
      'attribution_entry',
    ]);

    // At commit: a line's entries sum to its attributed amount, and no beneficiary of it is below zero.
    await q.query(`
      CREATE FUNCTION attribution_check_line() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        lid uuid := NEW.order_line_id;
        expected bigint;
        total numeric;
        negative integer;
      BEGIN
        SELECT attributed_amount INTO expected FROM attribution_line WHERE order_line_id = lid;
        SELECT coalesce(sum(amount), 0) INTO total FROM attribution_entry WHERE order_line_id = lid;
        SELECT count(*) INTO negative FROM (
          SELECT 1 FROM attribution_entry WHERE order_line_id = lid GROUP BY beneficiary_key, lot_id HAVING sum(amount) < 0) s;
        IF total <> expected OR negative > 0 THEN
          RAISE EXCEPTION 'ATTRIBUTION_UNBALANCED: entries of order line % sum to % (attributed %), % beneficiaries below zero', lid, total, expected, negative
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER attribution_entry_balanced AFTER INSERT ON attribution_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attribution_check_line()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER attribution_line_balanced AFTER INSERT OR UPDATE ON attribution_line
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attribution_check_line()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, [
      'attribution_reconciliation',
      'attribution_region_month',
      'attribution_household_month',
      'attribution_monthly',
      'attribution_entry',
      'attribution_refund',
      'attribution_line',
      'attribution_rule',
    ]);
    await q.query(`DROP FUNCTION attribution_check_line()`);
    await q.query(`DROP FUNCTION attribution_append_only()`);
  }
}
