import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildTable } from './partitioning';

/**
 * The commit-time balance check of a posting (migration 1764000600000). `since` bounds the entries
 * read by the posting's time: a posting and its entries are written in one transaction (both take
 * now()), so PostgreSQL reads the posting's month instead of probing every month's index per entry.
 * An entry dated before its posting would be left out and fail the check: it errs towards refusing.
 */
const checkPosting = (since: string) => `
  CREATE OR REPLACE FUNCTION ledger_check_posting_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    pid uuid;
    since timestamptz;
    total numeric;
    n integer;
    currencies integer;
  BEGIN
    IF TG_TABLE_NAME = 'ledger_posting' THEN pid := NEW.id; ELSE pid := NEW.posting_id; END IF;
    SELECT created_at INTO since FROM ledger_posting WHERE id = pid;
    SELECT coalesce(sum(amount), 0), count(*), count(DISTINCT currency) INTO total, n, currencies
      FROM ledger_entry WHERE posting_id = pid${since};
    IF n < 2 THEN
      RAISE EXCEPTION 'LEDGER_UNBALANCED: posting % has % entries; a posting needs at least two', pid, n
        USING ERRCODE = 'check_violation';
    END IF;
    IF total <> 0 OR currencies <> 1 THEN
      RAISE EXCEPTION 'LEDGER_UNBALANCED: entries of posting % sum to % (must be 0 in one currency)', pid, total
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Issue 16 item 6: ledger_entry (~600 m rows a year nationally) is partitioned by Asia/Shanghai month
 * of `created_at`; the primary key becomes (id, created_at) (the identity keeps numbering). No foreign
 * key references ledger_entry; its own keys to ledger_posting and ledger_account stay.
 * ledger_posting stays one table: its `idempotency_key` must be unique across all time (a retried
 * payout months later must find its posting), and a partitioned table can only enforce uniqueness
 * together with the partition column. Postings are a third of the entries' rows. The balance check
 * reads only the months since the posting was written (`checkPosting`).
 */
export class LedgerEntryPartitions1764003500200 implements MigrationInterface {
  name = 'LedgerEntryPartitions1764003500200';

  async up(q: QueryRunner): Promise<void> {
    await rebuildTable(q, {
      table: 'ledger_entry',
      partitionBy: 'created_at',
      keys: [`ALTER TABLE ledger_entry ADD PRIMARY KEY (id, created_at)`],
    });
    await q.query(checkPosting(' AND created_at >= since'));
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuildTable(q, { table: 'ledger_entry', keys: [`ALTER TABLE ledger_entry ADD PRIMARY KEY (id)`] });
    await q.query(checkPosting(''));
  }
}
