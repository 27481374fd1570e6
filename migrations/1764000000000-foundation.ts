import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, organisations, users and memberships. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE region (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
        name text NOT NULL CHECK (length(name) > 0),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        parent_code text REFERENCES region(code),
        ex_poverty_county boolean NOT NULL DEFAULT false,
        key_assistance_county boolean NOT NULL DEFAULT false,
        flags_updated_at timestamptz,
        flags_updated_by uuid,
        CHECK ((level = 1) = (parent_code IS NULL)),
        CHECK ((NOT ex_poverty_county AND NOT key_assistance_county) OR level = 3)
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_code, code)`);
    await q.query(`CREATE INDEX region_flags_idx ON region (code) WHERE ex_poverty_county OR key_assistance_county`);

    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('AGENCY','SUPPLIER','COORDINATION_OFFICE','PLATFORM')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        credit_code char(18) UNIQUE,
        parent_id uuid REFERENCES organization(id),
        region_code text REFERENCES region(code),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR kind = 'AGENCY'),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX organization_parent_idx ON organization (parent_id)`);
    await q.query(`CREATE INDEX organization_region_idx ON organization (region_code text_pattern_ops)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext UNIQUE,
        phone text UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        password_hash text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        locale text NOT NULL DEFAULT 'zh-CN',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        CHECK (email IS NOT NULL OR phone IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organization(id),
        role text NOT NULL CHECK (role IN ('PURCHASER','APPROVER','AGENCY_ADMIN','SUPPLIER_ADMIN','SUPPLIER_STAFF','FARMER','COORDINATOR','AUDITOR','PLATFORM_ADMIN','CUSTOMER')),
        region_prefix text CHECK (region_prefix ~ '^[0-9]{2,12}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'CUSTOMER') = (organization_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX membership_unique_idx ON membership (user_id, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), role)`,
    );
    await q.query(`CREATE INDEX membership_org_idx ON membership (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membership`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organization`);
    await q.query(`DROP TABLE region`);
  }
}
