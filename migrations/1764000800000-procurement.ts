import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatusHistory, dropTables } from './shapes';

/**
 * Agency procurement (issue 5): reserved-share filings (预留份额) with their amendment history,
 * jurisdiction minimums, filing deadlines and exemptions; purchase requests with limits, policy,
 * PO numbers and split-basket flags; order bindings to units, the movement journal and the
 * completion rollup (reserved_share_progress) maintained from ordering's domain events.
 * Invariants the code must never break (reserved amount = budget × ratio rounded, one filing per
 * unit and year, one unit covered once per year, approved ⇔ PO number) are constraints.
 */
export class Procurement1764000800000 implements MigrationInterface {
  name = 'Procurement1764000800000';

  async up(q: QueryRunner): Promise<void> {
    // ── reserved share: rules ────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE jurisdiction_minimum (
        region_prefix text PRIMARY KEY CHECK (region_prefix ~ '^[0-9]{2}([0-9]{2})?$'),
        ratio_bps integer NOT NULL CHECK (ratio_bps BETWEEN 0 AND 10000),
        set_by_user_id uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reserved_share_deadline (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        deadline date NOT NULL,
        set_by_user_id uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reserved_share_exemption (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organization(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        ratio_bps integer NOT NULL CHECK (ratio_bps BETWEEN 0 AND 10000),
        minimum_bps integer NOT NULL CHECK (minimum_bps BETWEEN 0 AND 10000),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','APPROVED','REJECTED')),
        requested_by_user_id uuid NOT NULL REFERENCES app_user(id),
        decided_by_user_id uuid REFERENCES app_user(id),
        decision_comment text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ratio_bps < minimum_bps),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    // One live exemption (asked or granted) per unit and year.
    await q.query(
      `CREATE UNIQUE INDEX reserved_share_exemption_live_idx ON reserved_share_exemption (org_id, year) WHERE status IN ('PENDING','APPROVED')`,
    );

    // ── reserved share: filings ──────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE reserved_share_filing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organization(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        canteen_mode text NOT NULL CHECK (canteen_mode IN ('OWN','SHARED','OUTSOURCED','NONE')),
        canteen_budget bigint NOT NULL CHECK (canteen_budget >= 0),
        ratio_bps integer NOT NULL CHECK (ratio_bps BETWEEN 0 AND 10000),
        minimum_bps integer NOT NULL CHECK (minimum_bps BETWEEN 0 AND 10000),
        reserved_amount bigint NOT NULL CHECK (reserved_amount >= 0),
        exemption_id uuid REFERENCES reserved_share_exemption(id),
        caterer_name text,
        caterer_user_id uuid REFERENCES app_user(id),
        note text,
        deadline date NOT NULL,
        late boolean NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        filed_by_user_id uuid NOT NULL REFERENCES app_user(id),
        filed_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, year),
        -- budget × ratio / 10000, rounded half up to the fen (exact: numeric, no float)
        CHECK (reserved_amount = floor((canteen_budget::numeric * ratio_bps + 5000) / 10000)),
        CHECK (canteen_mode <> 'NONE' OR ratio_bps = 0),
        CHECK (ratio_bps >= minimum_bps OR canteen_mode = 'NONE' OR exemption_id IS NOT NULL),
        CHECK (canteen_mode = 'OUTSOURCED' OR (caterer_name IS NULL AND caterer_user_id IS NULL))
      )`);
    // The units a filing speaks for (the filer itself, plus the units sharing its canteen): a unit
    // is covered by at most one filing a year, so "filing twice" and "already covered" are one rule.
    await q.query(`
      CREATE TABLE reserved_share_coverage (
        filing_id uuid NOT NULL REFERENCES reserved_share_filing(id),
        org_id uuid NOT NULL REFERENCES organization(id),
        year integer NOT NULL,
        PRIMARY KEY (org_id, year)
      )`);
    await q.query(`CREATE INDEX reserved_share_coverage_filing_idx ON reserved_share_coverage (filing_id)`);
    await q.query(`
      CREATE TABLE reserved_share_amendment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        filing_id uuid NOT NULL REFERENCES reserved_share_filing(id),
        version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('FILED','AMENDED')),
        actor_user_id uuid REFERENCES app_user(id),
        reason text,
        before jsonb,
        after jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (filing_id, version),
        CHECK ((kind = 'FILED') = (before IS NULL))
      )`);

    // ── purchase requests ────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE procurement_policy (
        org_id uuid PRIMARY KEY REFERENCES organization(id),
        skip_approval_below_limit boolean NOT NULL DEFAULT false,
        split_window_minutes integer NOT NULL DEFAULT 1440 CHECK (split_window_minutes BETWEEN 1 AND 43200),
        updated_by_user_id uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE procurement_limit (
        org_id uuid NOT NULL REFERENCES organization(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('SPENDING','APPROVAL')),
        amount bigint NOT NULL CHECK (amount >= 0),
        set_by_user_id uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, user_id, kind)
      )`);
    await q.query(`CREATE SEQUENCE purchase_request_no_seq`);
    await q.query(`
      CREATE TABLE purchase_request (
        id uuid PRIMARY KEY,
        request_no text NOT NULL UNIQUE
          DEFAULT ('PR' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('purchase_request_no_seq')::text, 6, '0')),
        org_id uuid NOT NULL REFERENCES organization(id),
        purchaser_user_id uuid NOT NULL REFERENCES app_user(id),
        channel_id uuid NOT NULL REFERENCES channel(id),
        order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
        status text NOT NULL CHECK (status IN ('PENDING_APPROVAL','APPROVED','REJECTED','WITHDRAWN')),
        terms text NOT NULL CHECK (terms IN ('PREPAY','ON_DELIVERY')),
        justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 2000),
        trade_union boolean NOT NULL DEFAULT false,
        total_amount bigint NOT NULL CHECK (total_amount > 0),
        spending_limit bigint NOT NULL CHECK (spending_limit >= 0),
        auto_approved boolean NOT NULL DEFAULT false,
        split_suspected boolean NOT NULL DEFAULT false,
        po_number text UNIQUE,
        client_key text CHECK (length(client_key) BETWEEN 1 AND 128),
        decided_by_user_id uuid REFERENCES app_user(id),
        decision_comment text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (purchaser_user_id, client_key),
        CHECK ((status = 'APPROVED') = (po_number IS NOT NULL)),
        CHECK (NOT auto_approved OR (status <> 'PENDING_APPROVAL' AND NOT split_suspected)),
        CHECK (decided_by_user_id IS NULL OR decided_by_user_id <> purchaser_user_id OR status <> 'APPROVED')
      )`);
    await q.query(`CREATE INDEX purchase_request_org_idx ON purchase_request (org_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX purchase_request_purchaser_idx ON purchase_request (purchaser_user_id, org_id, created_at DESC)`,
    );
    await createStatusHistory(q, {
      table: 'purchase_request_event',
      subject: 'request_id uuid NOT NULL REFERENCES purchase_request(id)',
      index: 'purchase_request_event_request_idx',
      note: 'comment',
      data: true,
    });
    await q.query(`
      CREATE TABLE po_number_sequence (
        org_id uuid NOT NULL REFERENCES organization(id),
        day date NOT NULL,
        last_seq integer NOT NULL CHECK (last_seq >= 1),
        PRIMARY KEY (org_id, day)
      )`);
    await q.query(`
      CREATE TABLE procurement_anomaly_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SPLIT_BASKET')),
        org_id uuid NOT NULL REFERENCES organization(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        request_id uuid NOT NULL REFERENCES purchase_request(id),
        related_request_ids uuid[] NOT NULL,
        total_amount bigint NOT NULL,
        limit_amount bigint NOT NULL,
        window_minutes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX procurement_anomaly_flag_org_idx ON procurement_anomaly_flag (org_id, created_at DESC)`,
    );

    // ── completion ───────────────────────────────────────────────────────────────
    // Which unit an agency order counts toward (ordering's buyer_org_id unless re-bound), whether it
    // is a trade-union purchase, and the pending amount currently held in the rollup for it.
    await q.query(`
      CREATE TABLE order_binding (
        order_id uuid PRIMARY KEY REFERENCES orders(id),
        org_id uuid NOT NULL REFERENCES organization(id),
        trade_union boolean NOT NULL DEFAULT false,
        purchase_request_id uuid UNIQUE REFERENCES purchase_request(id),
        pending_amount bigint NOT NULL DEFAULT 0 CHECK (pending_amount >= 0),
        pending_year integer,
        pending_month integer CHECK (pending_month BETWEEN 1 AND 12),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((pending_amount = 0) = (pending_year IS NULL))
      )`);
    await q.query(`CREATE INDEX order_binding_org_idx ON order_binding (org_id)`);
    // The journal behind the rollup: every counted fact once (unique key), with the period it belongs to.
    await q.query(`
      CREATE TABLE reserved_share_movement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        org_id uuid NOT NULL REFERENCES organization(id),
        year integer NOT NULL,
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        kind text NOT NULL CHECK (kind IN ('ACCEPTED','REFUND','REBIND_OUT','REBIND_IN')),
        ref text NOT NULL,
        counted_delta bigint NOT NULL,
        uncertified_delta bigint NOT NULL,
        trade_union_delta bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (order_id, kind, ref, org_id, year, month)
      )`);
    await q.query(`CREATE INDEX reserved_share_movement_org_idx ON reserved_share_movement (org_id, year, month)`);
    await q.query(`
      CREATE TABLE reserved_share_progress (
        org_id uuid NOT NULL REFERENCES organization(id),
        year integer NOT NULL,
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        counted_amount bigint NOT NULL DEFAULT 0,
        pending_amount bigint NOT NULL DEFAULT 0 CHECK (pending_amount >= 0),
        uncertified_amount bigint NOT NULL DEFAULT 0,
        trade_union_amount bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, year, month)
      )`);
    await q.query(`CREATE INDEX reserved_share_progress_year_idx ON reserved_share_progress (year, org_id)`);
    await q.query(`
      CREATE TABLE order_rebinding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        from_org_id uuid NOT NULL REFERENCES organization(id),
        to_org_id uuid NOT NULL REFERENCES organization(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        status text NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED','APPLIED')),
        requested_by_user_id uuid NOT NULL REFERENCES app_user(id),
        decided_by_user_id uuid REFERENCES app_user(id),
        decision_comment text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_org_id <> to_org_id),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX order_rebinding_pending_idx ON order_rebinding (order_id) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, [
      'order_rebinding',
      'reserved_share_progress',
      'reserved_share_movement',
      'order_binding',
      'procurement_anomaly_flag',
      'po_number_sequence',
      'purchase_request_event',
      'purchase_request',
      'procurement_limit',
      'procurement_policy',
      'reserved_share_amendment',
      'reserved_share_coverage',
      'reserved_share_filing',
      'reserved_share_exemption',
      'reserved_share_deadline',
      'jurisdiction_minimum',
    ]);
    await q.query(`DROP SEQUENCE purchase_request_no_seq`);
  }
}
