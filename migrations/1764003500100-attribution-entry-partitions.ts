import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildTable } from './partitioning';

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * The commit-time balance check of a line (migration 1764000700000). `since` bounds the entries read
 * by the line's count time: every entry of a line occurred at or after it (the count's entries at it,
 * a refund's never before it — the engine clamps them), so PostgreSQL skips the partitions of earlier
 * months instead of probing every month's index per entry written. An entry dated before its line's
 * count would be left out of the sum and fail the check: the check errs towards refusing.
 */
const checkLine = (since: string) => `
  CREATE OR REPLACE FUNCTION attribution_check_line() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    lid uuid := NEW.order_line_id;
    expected bigint;
    since timestamptz;
    total numeric;
    negative integer;
  BEGIN
    SELECT attributed_amount, counted_at INTO expected, since FROM attribution_line WHERE order_line_id = lid;
    SELECT coalesce(sum(amount), 0) INTO total FROM attribution_entry WHERE order_line_id = lid${since};
    SELECT count(*) INTO negative FROM (
      SELECT 1 FROM attribution_entry WHERE order_line_id = lid${since} GROUP BY beneficiary_key, lot_id HAVING sum(amount) < 0) s;
    IF total <> expected OR negative > 0 THEN
      RAISE EXCEPTION 'ATTRIBUTION_UNBALANCED: entries of order line % sum to % (attributed %), % beneficiaries below zero', lid, total, expected, negative
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Issue 16 item 6: attribution_entry (~3 bn rows a year nationally, docs/SCALING.md) is partitioned by
 * Asia/Shanghai month of `occurred_at`, which is also its `period`: a month's reconciliation and
 * rollup rebuild read one partition, and old months can be detached. `occurred_at` comes from the
 * event (the line's count time, the refund's time), never from the clock, so adding it to the
 * idempotency key keeps the key's meaning: a redelivered event computes the same row, same month.
 * The primary key becomes (id, occurred_at). No foreign key references attribution_entry.
 * The balance check reads only the months since the line counted (`checkLine`).
 */
export class AttributionEntryPartitions1764003500100 implements MigrationInterface {
  name = 'AttributionEntryPartitions1764003500100';

  async up(q: QueryRunner): Promise<void> {
    await rebuildTable(q, {
      table: 'attribution_entry',
      partitionBy: 'occurred_at',
      keys: [
        `ALTER TABLE attribution_entry ADD PRIMARY KEY (id, occurred_at)`,
        `CREATE UNIQUE INDEX attribution_entry_key_idx
           ON attribution_entry (order_line_id, event_key, beneficiary_key, COALESCE(lot_id, ${NIL}), occurred_at)`,
      ],
    });
    await q.query(checkLine(' AND occurred_at >= since'));
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuildTable(q, {
      table: 'attribution_entry',
      keys: [
        `ALTER TABLE attribution_entry ADD PRIMARY KEY (id)`,
        `CREATE UNIQUE INDEX attribution_entry_key_idx
           ON attribution_entry (order_line_id, event_key, beneficiary_key, COALESCE(lot_id, ${NIL}))`,
      ],
    });
    await q.query(checkLine(''));
  }
}
