import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAppendOnly } from './shapes';

/**
 * Double-entry ledger. The database itself guarantees the two invariants the code also checks, so
 * a bug or a hand-written SQL statement cannot break them:
 *  - every posting has at least two entries and its entries sum to zero (deferred constraint
 *    triggers, checked at COMMIT, so a posting can be inserted entry by entry in one transaction);
 *  - postings and entries are append-only (UPDATE, DELETE and TRUNCATE raise); a mistake is
 *    corrected by a reversing posting, never by editing history.
 */
export class Ledger1764000600000 implements MigrationInterface {
  name = 'Ledger1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z_]+(:[0-9a-f-]{36})?$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('ASSET','LIABILITY','EQUITY','REVENUE','EXPENSE')),
        owner_kind text NOT NULL CHECK (owner_kind IN ('PLATFORM','SUPPLIER','BUYER','CHANNEL')),
        owner_id uuid,
        currency text NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((owner_kind = 'PLATFORM') = (owner_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ledger_account_owner_idx ON ledger_account (owner_kind, owner_id)`);

    await q.query(`
      CREATE TABLE ledger_posting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('BUYER_PAYMENT','UNMATCHED_RECEIPT','SUPPLIER_PAYABLE','PLATFORM_FEE','REFUND',
          'UNMATCHED_REFUND','PAYOUT','PAYOUT_REVERSAL','COUNTER_SETTLEMENT','COUNTER_REMITTANCE')),
        order_id uuid,
        reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
        idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        actor_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_posting_order_idx ON ledger_posting (order_id) WHERE order_id IS NOT NULL`);
    await q.query(`CREATE INDEX ledger_posting_created_idx ON ledger_posting (created_at)`);

    await q.query(`
      CREATE TABLE ledger_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        posting_id uuid NOT NULL REFERENCES ledger_posting(id),
        account_id uuid NOT NULL REFERENCES ledger_account(id),
        amount bigint NOT NULL CHECK (amount <> 0),
        currency text NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
        supplier_order_id uuid,
        supplier_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entry_posting_idx ON ledger_entry (posting_id)`);
    await q.query(`CREATE INDEX ledger_entry_account_idx ON ledger_entry (account_id, created_at, id)`);

    // Balanced at commit: deferred so the entries of one posting may be inserted one by one.
    await q.query(`
      CREATE FUNCTION ledger_check_posting_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pid uuid;
        total numeric;
        n integer;
        currencies integer;
      BEGIN
        IF TG_TABLE_NAME = 'ledger_posting' THEN pid := NEW.id; ELSE pid := NEW.posting_id; END IF;
        SELECT coalesce(sum(amount), 0), count(*), count(DISTINCT currency) INTO total, n, currencies
          FROM ledger_entry WHERE posting_id = pid;
        IF n < 2 THEN
          RAISE EXCEPTION 'LEDGER_UNBALANCED: posting % has % entries; a posting needs at least two', pid, n
            USING ERRCODE = 'check_violation';
        END IF;
        IF total <> 0 OR currencies <> 1 THEN
          RAISE EXCEPTION 'LEDGER_UNBALANCED: entries of posting % sum to % (must be 0 in one currency)', pid, total
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_posting_balanced()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_posting_balanced AFTER INSERT ON ledger_posting
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_posting_balanced()`);

    // Append-only.
    await createAppendOnly(q, 'ledger_append_only', 'post a reversing posting instead', [
      'ledger_posting',
      'ledger_entry',
    ]);
    // Accounts may be renamed, never deleted or re-typed (entries would change meaning).
    await q.query(`
      CREATE FUNCTION ledger_account_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.code <> OLD.code OR NEW.kind <> OLD.kind OR NEW.owner_kind <> OLD.owner_kind
           OR NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.currency <> OLD.currency THEN
          RAISE EXCEPTION 'LEDGER_APPEND_ONLY: ledger accounts can only be renamed' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER ledger_account_no_change BEFORE UPDATE OR DELETE ON ledger_account FOR EACH ROW EXECUTE FUNCTION ledger_account_guard()`,
    );
    await q.query(
      `CREATE TRIGGER ledger_account_no_truncate BEFORE TRUNCATE ON ledger_account FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_entry`);
    await q.query(`DROP TABLE ledger_posting`);
    await q.query(`DROP TABLE ledger_account`);
    await q.query(`DROP FUNCTION ledger_check_posting_balanced()`);
    await q.query(`DROP FUNCTION ledger_append_only()`);
    await q.query(`DROP FUNCTION ledger_account_guard()`);
  }
}
