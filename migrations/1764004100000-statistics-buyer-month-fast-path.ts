import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addBuyerMonths, removeBuyerMonths, setBuyerMonthBits } from './statistics-buyer-months-sql';

/**
 * Issue 12 item 10 (rollup upkeep ≤ 20 % of the counting transaction): stats_buyer_month's statement
 * triggers cost the counting writer's one write statement five trigger statements per order, also when
 * they have nothing to do. The writer's stats_buyer upsert (INSERT … ON CONFLICT DO UPDATE … WHERE the
 * days change) fires both the INSERT and the UPDATE statement triggers every time, and for a buyer who
 * already bought that day (an agency's second order of the day, a repeat customer) both transition tables
 * are empty. Now:
 * - both functions return at once when their transition table is empty;
 * - the update path no longer numbers buyers: an updated stats_buyer row was inserted before, and its
 *   insert (the trigger, the rebuild or migration 1764003600000) numbered its buyer — a number committed
 *   by another transaction is visible to the next statement (READ COMMITTED), and reconciliation's
 *   BUYER_MONTH_MISMATCH would report a bit missing for want of a number.
 * The statements themselves are unchanged.
 */
export class StatisticsBuyerMonthFastPath1764004100000 implements MigrationInterface {
  name = 'StatisticsBuyerMonthFastPath1764004100000';

  async up(q: QueryRunner): Promise<void> {
    await defineTriggerFunctions(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await defineTriggerFunctions(q, false);
  }
}

/** The two trigger functions, with the fast path (up) or as migration 1764003600000 made them (down). */
async function defineTriggerFunctions(q: QueryRunner, fastPath: boolean): Promise<void> {
  const exitIfEmpty = fastPath ? 'IF NOT EXISTS (SELECT FROM stats_new) THEN RETURN NULL; END IF;' : '';
  await q.query(`
    CREATE OR REPLACE FUNCTION stats_buyer_month_ins() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${exitIfEmpty}
      ${addBuyerMonths('n.days', null)}
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION stats_buyer_month_upd() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${exitIfEmpty}
      ${fastPath ? setBuyerMonthBits('n.days', 'o.days') : addBuyerMonths('n.days', 'o.days')}
      ${removeBuyerMonths}
      RETURN NULL;
    END $$`);
}
