import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 10 (benchmark): the statistics writer's advisory lock on an order and its read of what is
 * stored for the order become one round trip inside the counting transaction. A PL/pgSQL function: its
 * statements take their own snapshots (READ COMMITTED), so the read after PERFORM sees everything committed
 * by whoever held the lock before — a single SQL statement would read with the snapshot taken before it
 * waited for the lock. Same lock key as before (hashtextextended of the order id's text, 1764001500), which
 * the exclusion service also takes.
 */
export class StatisticsLockedRead1764003100100 implements MigrationInterface {
  name = 'StatisticsLockedRead1764003100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION stats_lock_and_read(p_order text) RETURNS TABLE (t text, j jsonb) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_order, 1764001500));
        RETURN QUERY
          SELECT 'L'::text, to_jsonb(s) FROM stats_line s WHERE s.order_id = p_order::uuid
          UNION ALL
          SELECT 'R'::text, jsonb_build_object('order_line_id', r.order_line_id, 'refund_id', r.refund_id) FROM stats_refund r WHERE r.order_id = p_order::uuid
          UNION ALL
          SELECT 'X'::text, NULL::jsonb FROM stats_correction c WHERE c.order_id = p_order::uuid;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION stats_lock_and_read(text)`);
  }
}
