import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatusHistory, dropTables } from './shapes';

/**
 * Catalog domain schema (issue 3): supplier admission, households and linkage, products, variants,
 * lots, certification, channels (三专) and counter reports. Rules that must hold whatever the code
 * does (non-negative stock, positive prices, validity order, one live certification) are CHECKs.
 */
export class Catalog1764000100000 implements MigrationInterface {
  name = 'Catalog1764000100000';

  async up(q: QueryRunner): Promise<void> {
    // ── supplier admission (供应商准入) ──────────────────────────────────────────────
    await q.query(`
      CREATE TABLE supplier_profile (
        organization_id uuid PRIMARY KEY REFERENCES organization(id),
        kind text NOT NULL CHECK (kind IN ('ENTERPRISE','COOPERATIVE','FAMILY_FARM','TRADING_AGENT')),
        county_code text NOT NULL REFERENCES region(code),
        linkage_mechanism text NOT NULL CHECK (length(linkage_mechanism) BETWEEN 1 AND 2000),
        source_county_codes text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'APPLIED' CHECK (status IN ('APPLIED','RECOMMENDED','APPROVED','REJECTED','SUSPENDED','REVOKED')),
        applied_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX supplier_profile_county_idx ON supplier_profile (county_code text_pattern_ops, status)`,
    );
    await createStatusHistory(q, {
      table: 'supplier_admission_event',
      subject: 'supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id)',
      index: 'supplier_admission_event_supplier_idx',
    });

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_org_id uuid REFERENCES organization(id),
        recipient_user_id uuid REFERENCES app_user(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CHECK (recipient_org_id IS NOT NULL OR recipient_user_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX notification_org_idx ON notification (recipient_org_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (recipient_user_id, created_at DESC)`);

    // ── households (农户) and linkage (利益联结) ────────────────────────────────────────
    await q.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_code text NOT NULL REFERENCES region(code),
        head_name text NOT NULL CHECK (length(head_name) BETWEEN 1 AND 50),
        size smallint NOT NULL CHECK (size BETWEEN 1 AND 30),
        status text NOT NULL CHECK (status IN ('ORDINARY','EX_POVERTY','MONITORED')),
        id_number_hmac text UNIQUE,
        user_id uuid UNIQUE REFERENCES app_user(id),
        created_by_user_id uuid REFERENCES app_user(id),
        created_by_org_id uuid REFERENCES organization(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX household_village_idx ON household (village_code text_pattern_ops)`);
    await q.query(`
      CREATE TABLE linkage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        household_id uuid REFERENCES household(id),
        village_code text REFERENCES region(code),
        type text NOT NULL CHECK (type IN ('PURCHASE_CONTRACT','WAGE','DIVIDEND','LAND_RENT')),
        terms text NOT NULL DEFAULT '',
        share_basis_points integer CHECK (share_basis_points BETWEEN 0 AND 10000),
        valid_from date NOT NULL,
        valid_to date,
        created_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((household_id IS NULL) <> (village_code IS NULL)),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX linkage_supplier_idx ON linkage (supplier_id)`);
    await q.query(`CREATE INDEX linkage_household_idx ON linkage (household_id)`);

    // ── products, variants, lots ────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES category(id),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{1,64}$'),
        name text NOT NULL,
        name_en text NOT NULL DEFAULT '',
        sort integer NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        category_id uuid REFERENCES category(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        origin_region_code text NOT NULL REFERENCES region(code),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','UNPUBLISHED')),
        search_tokens text NOT NULL DEFAULT '',
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED,
        pinyin_initials text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX product_search_idx ON product USING gin (search_vector)`);
    await q.query(`CREATE INDEX product_title_trgm_idx ON product USING gin (title gin_trgm_ops)`);
    await q.query(`CREATE INDEX product_pinyin_trgm_idx ON product USING gin (pinyin_initials gin_trgm_ops)`);
    await q.query(`CREATE INDEX product_origin_idx ON product (origin_region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX product_supplier_idx ON product (supplier_id)`);
    await q.query(`CREATE INDEX product_list_idx ON product (status, created_at DESC, id)`);
    await q.query(`
      CREATE TABLE product_image (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        storage_key text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sort integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX product_image_product_idx ON product_image (product_id, sort)`);
    await q.query(`
      CREATE TABLE variant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id),
        sku text NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 64),
        spec text NOT NULL,
        unit text NOT NULL,
        retail_price bigint NOT NULL CHECK (retail_price > 0),
        agency_price bigint NOT NULL CHECK (agency_price > 0),
        market_reference_price bigint NOT NULL CHECK (market_reference_price > 0),
        stock_on_hand integer NOT NULL DEFAULT 0 CHECK (stock_on_hand >= 0),
        stock_reserved integer NOT NULL DEFAULT 0 CHECK (stock_reserved >= 0 AND stock_reserved <= stock_on_hand),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX variant_product_idx ON variant (product_id)`);
    await q.query(`
      CREATE TABLE lot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        variant_id uuid NOT NULL REFERENCES variant(id),
        lot_no text NOT NULL,
        harvested_on date NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        remaining integer NOT NULL CHECK (remaining >= 0 AND remaining <= quantity),
        created_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (variant_id, lot_no)
      )`);
    await q.query(`CREATE INDEX lot_fifo_idx ON lot (variant_id, harvested_on, created_at) WHERE remaining > 0`);
    await q.query(`
      CREATE TABLE lot_contribution (
        lot_id uuid NOT NULL REFERENCES lot(id),
        household_id uuid NOT NULL REFERENCES household(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (lot_id, household_id)
      )`);
    await q.query(`CREATE INDEX lot_contribution_household_idx ON lot_contribution (household_id)`);

    // ── certification (帮扶产品认定) ─────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE certification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','VERIFIED','CERTIFIED','EXPIRED','REVOKED','REJECTED')),
        certificate_no text UNIQUE,
        issuer text,
        batch text,
        valid_from date,
        valid_to date,
        submitted_by_user_id uuid REFERENCES app_user(id),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
        CHECK (status NOT IN ('CERTIFIED','EXPIRED') OR (certificate_no IS NOT NULL AND valid_from IS NOT NULL AND valid_to IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX certification_one_live_idx ON certification (product_id) WHERE status IN ('PENDING','VERIFIED','CERTIFIED')`,
    );
    await q.query(`CREATE INDEX certification_expiry_idx ON certification (valid_to) WHERE status = 'CERTIFIED'`);
    await createStatusHistory(q, {
      table: 'certification_event',
      subject: 'certification_id uuid NOT NULL REFERENCES certification(id)',
      index: 'certification_event_cert_idx',
    });

    // ── channels (三专) and counters ─────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE channel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('HALL','ZONE','COUNTER')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        online boolean NOT NULL DEFAULT false,
        region_code text REFERENCES region(code),
        address text NOT NULL DEFAULT '',
        operator_org_id uuid REFERENCES organization(id),
        assistance_only boolean NOT NULL DEFAULT true,
        device_id text UNIQUE,
        device_secret text,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'COUNTER') = (device_id IS NOT NULL AND device_secret IS NOT NULL)),
        CHECK (NOT online OR kind = 'HALL')
      )`);
    await q.query(`
      CREATE TABLE channel_product (
        channel_id uuid NOT NULL REFERENCES channel(id),
        product_id uuid NOT NULL REFERENCES product(id),
        placed_by_user_id uuid REFERENCES app_user(id),
        placed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, product_id)
      )`);
    await q.query(`CREATE INDEX channel_product_product_idx ON channel_product (product_id)`);
    await q.query(`
      CREATE TABLE counter_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL REFERENCES channel(id),
        report_id text NOT NULL,
        nonce text NOT NULL,
        reported_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        lines jsonb NOT NULL,
        total_amount bigint NOT NULL CHECK (total_amount >= 0),
        order_id uuid,
        UNIQUE (channel_id, report_id),
        UNIQUE (channel_id, nonce)
      )`);
    await q.query(`
      CREATE TABLE counter_rejection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        device_id text NOT NULL,
        channel_id uuid REFERENCES channel(id),
        reason text NOT NULL,
        remote_ip text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, [
      'counter_rejection',
      'counter_report',
      'channel_product',
      'channel',
      'certification_event',
      'certification',
      'lot_contribution',
      'lot',
      'variant',
      'product_image',
      'product',
      'category',
      'linkage',
      'household',
      'notification',
      'supplier_admission_event',
      'supplier_profile',
    ]);
  }
}
