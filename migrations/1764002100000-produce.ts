import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatusHistory, dropTables } from './shapes';

/**
 * Issue 14: farmers list produce (农户供货), linked suppliers commit to buy (收购承诺), receive it into
 * a harvest lot (收购入库) and pay for it; farmers confirm each month's income. Owned by libs/produce.
 *
 * Quantities are whole units of the offer's unit (斤, kg, 箱 …), like lots and stock: 500 斤 is 500.
 * `produce_offer.committed_quantity` is what open (PROPOSED) and ACCEPTED commitments hold; it is
 * raised by one conditional UPDATE, and the CHECK is the last line of defence against over-commitment.
 */
export class Produce1764002100000 implements MigrationInterface {
  name = 'Produce1764002100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE produce_offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        village_code text NOT NULL REFERENCES region(code),
        crop_name text NOT NULL CHECK (length(crop_name) BETWEEN 1 AND 50),
        category_id uuid REFERENCES category(id),
        variety text NOT NULL DEFAULT '',
        quantity integer NOT NULL CHECK (quantity > 0),
        committed_quantity integer NOT NULL DEFAULT 0,
        unit text NOT NULL,
        available_from date NOT NULL,
        available_until date NOT NULL,
        asking_price bigint NOT NULL CHECK (asking_price > 0),
        note text NOT NULL DEFAULT '',
        image_keys text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','PARTLY_COMMITTED','COMMITTED','WITHDRAWN')),
        assisted boolean NOT NULL DEFAULT false,
        assisted_by_org_id uuid REFERENCES organization(id),
        created_by_user_id uuid REFERENCES app_user(id),
        withdrawn_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (available_until >= available_from),
        CHECK (committed_quantity >= 0 AND committed_quantity <= quantity),
        CHECK (assisted = (assisted_by_org_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX produce_offer_household_idx ON produce_offer (household_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX produce_offer_village_idx ON produce_offer (village_code text_pattern_ops, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE produce_commitment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES produce_offer(id),
        supplier_id uuid NOT NULL REFERENCES organization(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price bigint NOT NULL CHECK (unit_price > 0),
        pickup_date date NOT NULL,
        note text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','ACCEPTED','DECLINED','CANCELLED','RECEIVED')),
        decline_reason text,
        created_by_user_id uuid REFERENCES app_user(id),
        decided_by_user_id uuid REFERENCES app_user(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX produce_commitment_offer_idx ON produce_commitment (offer_id)`);
    await q.query(`CREATE INDEX produce_commitment_supplier_idx ON produce_commitment (supplier_id, created_at DESC)`);
    await createStatusHistory(q, {
      table: 'produce_commitment_history',
      subject: 'commitment_id uuid NOT NULL REFERENCES produce_commitment(id)',
      index: 'produce_commitment_history_idx',
    });
    await q.query(`
      CREATE TABLE produce_receipt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL UNIQUE REFERENCES produce_commitment(id),
        offer_id uuid NOT NULL REFERENCES produce_offer(id),
        household_id uuid NOT NULL REFERENCES household(id),
        village_code text NOT NULL,
        supplier_id uuid NOT NULL REFERENCES organization(id),
        lot_id uuid NOT NULL REFERENCES lot(id),
        lot_no text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        committed_quantity integer NOT NULL CHECK (committed_quantity >= quantity),
        lot_quantity integer NOT NULL CHECK (lot_quantity > 0),
        unit_price bigint NOT NULL CHECK (unit_price > 0),
        amount bigint NOT NULL CHECK (amount = quantity::bigint * unit_price),
        household_confirmation text,
        household_confirmed_at timestamptz,
        received_by_user_id uuid REFERENCES app_user(id),
        received_at timestamptz NOT NULL DEFAULT now(),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$')
      )`);
    await q.query(`CREATE INDEX produce_receipt_household_idx ON produce_receipt (household_id, period)`);
    await q.query(
      `CREATE INDEX produce_receipt_village_idx ON produce_receipt (village_code text_pattern_ops, period)`,
    );
    await q.query(`CREATE INDEX produce_receipt_supplier_idx ON produce_receipt (supplier_id, period)`);
    await q.query(`
      CREATE TABLE produce_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_id uuid NOT NULL UNIQUE REFERENCES produce_receipt(id),
        amount bigint NOT NULL CHECK (amount > 0),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','PAID')),
        method text CHECK (method IN ('BANK_TRANSFER','CASH','WECHAT_PAY','ALIPAY','OTHER')),
        reference text,
        paid_on date,
        recorded_by_user_id uuid REFERENCES app_user(id),
        recorded_at timestamptz,
        CHECK (status = 'PENDING' OR (method IS NOT NULL AND reference IS NOT NULL AND paid_on IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE income_confirmation (
        household_id uuid NOT NULL REFERENCES household(id),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
        village_code text NOT NULL,
        purchase_paid_total bigint NOT NULL,
        purchase_pending_total bigint NOT NULL,
        attributed_total bigint NOT NULL,
        confirmed_by_user_id uuid REFERENCES app_user(id),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (household_id, period)
      )`);
    await q.query(
      `CREATE INDEX income_confirmation_village_idx ON income_confirmation (village_code text_pattern_ops, period)`,
    );
    await q.query(`
      CREATE TABLE income_dispute (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        village_code text NOT NULL,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
        kind text NOT NULL CHECK (kind IN ('PURCHASE_PAYMENT','ATTRIBUTED_INCOME')),
        receipt_id uuid REFERENCES produce_receipt(id),
        product_id uuid,
        supplier_id uuid REFERENCES organization(id),
        amount bigint NOT NULL,
        note text NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
        resolution text,
        resolved_by_user_id uuid REFERENCES app_user(id),
        resolved_at timestamptz,
        created_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PURCHASE_PAYMENT') = (receipt_id IS NOT NULL)),
        CHECK ((kind = 'ATTRIBUTED_INCOME') = (product_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX income_dispute_village_idx ON income_dispute (village_code text_pattern_ops, period)`);
    await q.query(`CREATE INDEX income_dispute_household_idx ON income_dispute (household_id, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, [
      'income_dispute',
      'income_confirmation',
      'produce_payment',
      'produce_receipt',
      'produce_commitment_history',
      'produce_commitment',
      'produce_offer',
    ]);
  }
}
