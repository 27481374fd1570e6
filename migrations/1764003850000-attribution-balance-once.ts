import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The commit-time balance check of an attribution line (migrations 1764000700000, 1764003500100)
 * fired once per entry written and once per line written, each time summing every entry of the line
 * twice (total, then beneficiaries below zero): about 30 statements on the partitioned entry table
 * per line counted, a third of the database's time in the attribution bench (issue 16).
 *
 * Same rule, checked once per line: when this transaction wrote the line itself (its row's xmin is
 * our transaction id), the line's own deferred trigger checks it at commit, so an entry's trigger has
 * nothing to add and returns after one primary-key probe. An entry written for a line this transaction
 * did not write (or wrote in a subtransaction) is checked as before. The two sums become one pass.
 * The only way around it is `SET CONSTRAINTS attribution_line_balanced IMMEDIATE` followed by entries
 * for a line already written in the transaction — not something the application does.
 */
const checkLine = (skipWhenLineWritten: boolean) => `
  CREATE OR REPLACE FUNCTION attribution_check_line() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    lid uuid := NEW.order_line_id;
    expected bigint;
    since timestamptz;
    written xid;
    total numeric;
    negative integer;
  BEGIN
    SELECT attributed_amount, counted_at, xmin INTO expected, since, written FROM attribution_line WHERE order_line_id = lid;
    ${
      skipWhenLineWritten
        ? `-- An entry (row triggers on the partitions name the partition): the line's trigger covers it.
    IF TG_TABLE_NAME <> 'attribution_line' AND written = pg_current_xact_id()::xid THEN
      RETURN NULL;
    END IF;
    SELECT coalesce(sum(s), 0), count(*) FILTER (WHERE s < 0) INTO total, negative FROM (
      SELECT sum(amount) AS s FROM attribution_entry WHERE order_line_id = lid AND occurred_at >= since GROUP BY beneficiary_key, lot_id) g;`
        : `SELECT coalesce(sum(amount), 0) INTO total FROM attribution_entry WHERE order_line_id = lid AND occurred_at >= since;
    SELECT count(*) INTO negative FROM (
      SELECT 1 FROM attribution_entry WHERE order_line_id = lid AND occurred_at >= since GROUP BY beneficiary_key, lot_id HAVING sum(amount) < 0) s;`
    }
    IF total <> expected OR negative > 0 THEN
      RAISE EXCEPTION 'ATTRIBUTION_UNBALANCED: entries of order line % sum to % (attributed %), % beneficiaries below zero', lid, total, expected, negative
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
  END $$`;

export class AttributionBalanceOnce1764003850000 implements MigrationInterface {
  name = 'AttributionBalanceOnce1764003850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(checkLine(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(checkLine(false));
  }
}
