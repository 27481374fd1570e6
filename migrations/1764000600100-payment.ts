import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables } from './shapes';

/**
 * Payments (Stripe PaymentIntents, bank transfers against an invoice), their refunds, the Stripe
 * webhook event log (each event id processed once), suppliers' payout accounts and payout batches.
 */
export class Payment1764000600100 implements MigrationInterface {
  name = 'Payment1764000600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        provider text NOT NULL CHECK (provider IN ('STRIPE','BANK_TRANSFER')),
        method text NOT NULL CHECK (method IN ('CARD','ALIPAY','WECHAT_PAY','BANK_TRANSFER')),
        status text NOT NULL CHECK (status IN ('REQUIRES_PAYMENT','AWAITING_CONFIRMATION','SUCCEEDED','FAILED','CANCELED','REJECTED')),
        amount bigint NOT NULL CHECK (amount > 0),
        currency text NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
        attempt integer NOT NULL CHECK (attempt > 0),
        idempotency_key text NOT NULL UNIQUE,
        provider_ref text UNIQUE,
        client_secret text,
        reference text CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 100),
        paid_at timestamptz,
        outcome text CHECK (outcome IN ('APPLIED','UNMATCHED')),
        flag text CHECK (flag IN ('NEEDS_REFUND','REFUND_MISMATCH')),
        flag_reason text,
        recorded_by_user_id uuid REFERENCES app_user(id),
        confirmed_by_user_id uuid REFERENCES app_user(id),
        confirmed_at timestamptz,
        rejected_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, provider, attempt),
        CHECK ((provider = 'BANK_TRANSFER') = (method = 'BANK_TRANSFER')),
        CHECK (provider <> 'BANK_TRANSFER' OR reference IS NOT NULL),
        CHECK ((status = 'SUCCEEDED') = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX payment_order_idx ON payment (order_id, created_at)`);
    await q.query(`CREATE INDEX payment_flag_idx ON payment (created_at) WHERE flag IS NOT NULL`);
    await q.query(`CREATE INDEX payment_awaiting_idx ON payment (created_at) WHERE status = 'AWAITING_CONFIRMATION'`);
    // A bank reference identifies one transfer; at most one transfer per order awaits confirmation.
    await q.query(
      `CREATE UNIQUE INDEX payment_bank_reference_idx ON payment (reference) WHERE provider = 'BANK_TRANSFER' AND status <> 'REJECTED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX payment_one_awaiting_idx ON payment (order_id) WHERE status = 'AWAITING_CONFIRMATION'`,
    );
    // One payment applied to an order, ever (a second success is UNMATCHED and refunded).
    await q.query(`CREATE UNIQUE INDEX payment_one_applied_idx ON payment (order_id) WHERE outcome = 'APPLIED'`);

    await q.query(`
      CREATE TABLE payment_refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payment_id uuid NOT NULL REFERENCES payment(id),
        order_id uuid NOT NULL REFERENCES orders(id),
        amount bigint NOT NULL CHECK (amount > 0),
        status text NOT NULL CHECK (status IN ('PENDING','SUCCEEDED','FAILED')),
        origin text NOT NULL CHECK (origin IN ('PLATFORM','PROVIDER','UNMATCHED')),
        idempotency_key text NOT NULL UNIQUE,
        provider_ref text UNIQUE,
        lines jsonb,
        reason text,
        failure text,
        requested_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX payment_refund_payment_idx ON payment_refund (payment_id)`);
    await q.query(`CREATE INDEX payment_refund_order_idx ON payment_refund (order_id)`);

    await q.query(`
      CREATE TABLE payment_event (
        id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
        provider text NOT NULL DEFAULT 'STRIPE',
        type text NOT NULL,
        payment_id uuid REFERENCES payment(id),
        outcome text NOT NULL,
        detail text,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payment_event_payment_idx ON payment_event (payment_id) WHERE payment_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE supplier_payout_account (
        supplier_id uuid PRIMARY KEY REFERENCES supplier_profile(organization_id),
        stripe_account_id text CHECK (stripe_account_id ~ '^acct_[A-Za-z0-9]{1,64}$'),
        bank_name text CHECK (length(bank_name) BETWEEN 1 AND 100),
        bank_account_name text CHECK (length(bank_account_name) BETWEEN 1 AND 100),
        bank_account_no text CHECK (bank_account_no ~ '^[0-9]{8,32}$'),
        updated_by_user_id uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (stripe_account_id IS NOT NULL OR bank_account_no IS NOT NULL),
        CHECK ((bank_account_no IS NULL) = (bank_account_name IS NULL) AND (bank_account_no IS NULL) = (bank_name IS NULL))
      )`);

    await q.query(`
      CREATE TABLE payout_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('PROCESSING','COMPLETED','PARTIALLY_FAILED')),
        total_amount bigint NOT NULL CHECK (total_amount >= 0),
        created_by_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE payout (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES payout_batch(id),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        amount bigint NOT NULL CHECK (amount > 0),
        method text NOT NULL CHECK (method IN ('STRIPE_CONNECT','BANK_FILE')),
        status text NOT NULL CHECK (status IN ('PENDING','PAID','EXPORTED','FAILED')),
        destination text NOT NULL,
        bank_name text,
        bank_account_name text,
        reference text NOT NULL UNIQUE,
        provider_ref text UNIQUE,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (batch_id, supplier_id)
      )`);
    await q.query(`CREATE INDEX payout_supplier_idx ON payout (supplier_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, [
      'payout',
      'payout_batch',
      'supplier_payout_account',
      'payment_event',
      'payment_refund',
      'payment',
    ]);
  }
}
