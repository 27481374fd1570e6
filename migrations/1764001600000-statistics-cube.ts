import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STATS_BUYER_KEY } from './shapes';

/**
 * Statistics that aggregate (issue 12, item 10): sales_rollup kept a cell per day × every dimension,
 * which at real densities is one cell per line. Replaced by
 *  - stats_cube: per side (ORIGIN/BUYER) × grouping (none, channel, supplier, supplier kind, category)
 *    × month or day × full region code, the money, units and additive order marks per prefix length;
 *  - stats_buyer: per side × grouping × prefix (lengths 0/2/4) × buyer, the days the buyer bought there.
 * Both are filled here from stats_line / stats_refund with a frozen copy of libs/statistics/src/rebuild.ts.
 * stats_refund gains the indexes the writer and the reconciliation look it up by.
 */
export class StatisticsCube1764001600000 implements MigrationInterface {
  name = 'StatisticsCube1764001600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_cube (
        side text NOT NULL CHECK (side IN ('O','B')),
        grp text NOT NULL CHECK (grp IN ('A','C','S','K','G')),
        gran text NOT NULL CHECK (gran IN ('M','D')),
        period date NOT NULL,
        region_code text COLLATE "C" NOT NULL,
        k1 text NOT NULL,
        k2 text NOT NULL,
        k3 text NOT NULL,
        gross_amount bigint NOT NULL DEFAULT 0,
        refund_amount bigint NOT NULL DEFAULT 0,
        cert_net bigint NOT NULL DEFAULT 0,
        unit_count bigint NOT NULL DEFAULT 0,
        line_count integer NOT NULL DEFAULT 0,
        o0 integer NOT NULL DEFAULT 0,
        o2 integer NOT NULL DEFAULT 0,
        o4 integer NOT NULL DEFAULT 0,
        o6 integer NOT NULL DEFAULT 0,
        o9 integer NOT NULL DEFAULT 0,
        o12 integer NOT NULL DEFAULT 0,
        PRIMARY KEY (side, grp, gran, period, region_code, k1, k2, k3)
      )`);
    await q.query(`
      CREATE TABLE stats_buyer (
        ${STATS_BUYER_KEY},
        days datemultirange NOT NULL,
        PRIMARY KEY (side, grp, lvl, prefix, k1, k2, k3, buyer_key)
      )`);
    await q.query(`CREATE INDEX stats_refund_order_idx ON stats_refund (order_id)`);
    await q.query(`CREATE INDEX stats_refund_day_idx ON stats_refund (day)`);
    await q.query(`CREATE INDEX stats_line_day_idx ON stats_line (day)`);
    for (const sql of [
      `TRUNCATE stats_cube, stats_buyer`,
      // Every counted line on both sides and in every grouping, its order marks by one window: the line with
      // the smallest (region code, line id) among its order's lines with the same prefix and key carries the order.
      `CREATE TEMP TABLE stats_rebuild_ls ON COMMIT DROP AS
       SELECT l.order_line_id, l.order_id, l.day, l.buyer_key, l.certified, l.quantity, l.line_total, v.side, v.region, g.grp, g.k1, g.k2, g.k3
         FROM stats_line l
         CROSS JOIN LATERAL (VALUES ('O', l.origin_code), ('B', l.buyer_region_code)) v(side, region)
         CROSS JOIN LATERAL (VALUES ('A', '', '', ''), ('C', l.channel_id::text, l.channel_kind, l.buyer_kind), ('S', l.supplier_id::text, l.supplier_kind, ''),
                                    ('K', l.supplier_kind, '', ''), ('G', l.category_key, '', '')) g(grp, k1, k2, k3)`,
      `INSERT INTO stats_cube (side, grp, gran, period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12)
     SELECT side, grp, p.gran, p.period, region, k1, k2, k3, sum(gross), sum(refund), sum(cert), sum(units), sum(lines), sum(o0), sum(o2), sum(o4), sum(o6), sum(o9), sum(o12)
       FROM (SELECT side, grp, day, region, k1, k2, k3, line_total AS gross, 0 AS refund, CASE WHEN certified THEN line_total ELSE 0 END AS cert, quantity AS units, 1 AS lines,
                    (lag(order_line_id) OVER w IS NULL)::int AS o0,
                    (lag(left(region, 2)) OVER w IS DISTINCT FROM left(region, 2))::int AS o2,
                    (lag(left(region, 4)) OVER w IS DISTINCT FROM left(region, 4))::int AS o4,
                    (lag(left(region, 6)) OVER w IS DISTINCT FROM left(region, 6))::int AS o6,
                    (lag(left(region, 9)) OVER w IS DISTINCT FROM left(region, 9))::int AS o9,
                    (lag(region) OVER w IS DISTINCT FROM region)::int AS o12
               FROM stats_rebuild_ls
             WINDOW w AS (PARTITION BY order_id, side, grp, k1, k3 ORDER BY region COLLATE "C", order_line_id)
             UNION ALL
             SELECT x.side, x.grp, r.day, x.region, x.k1, x.k2, x.k3, 0, r.amount, CASE WHEN x.certified THEN -r.amount ELSE 0 END, 0, 0, 0, 0, 0, 0, 0, 0
               FROM stats_refund r JOIN stats_rebuild_ls x ON x.order_line_id = r.order_line_id) c
       CROSS JOIN LATERAL (VALUES ('M', date_trunc('month', c.day)::date), ('D', c.day)) p(gran, period)
      GROUP BY side, grp, p.gran, p.period, region, k1, k2, k3`,
      `INSERT INTO stats_buyer (side, grp, lvl, prefix, k1, k2, k3, buyer_key, days)
     SELECT side, grp, lv.lvl, left(region, lv.lvl), k1, k2, k3, buyer_key, range_agg(daterange(day, day, '[]'))
       FROM (SELECT DISTINCT side, grp, region, k1, k2, k3, buyer_key, day FROM stats_rebuild_ls WHERE buyer_key IS NOT NULL AND grp <> 'K') b
       CROSS JOIN (VALUES (0), (2), (4)) lv(lvl)
      WHERE (lv.lvl <= 2 OR (b.grp = 'A' AND b.region <> ''))
      GROUP BY side, grp, lv.lvl, left(region, lv.lvl), k1, k2, k3, buyer_key`,
    ]) {
      await q.query(sql);
    }
    await q.query(`DROP TABLE sales_rollup`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_rollup (
        day date NOT NULL, origin_code text NOT NULL, buyer_region_code text NOT NULL, channel_id uuid NOT NULL, channel_kind text NOT NULL,
        supplier_id uuid NOT NULL, supplier_kind text NOT NULL, category_key text NOT NULL, buyer_kind text NOT NULL, certified boolean NOT NULL,
        gross_amount bigint NOT NULL DEFAULT 0, refund_amount bigint NOT NULL DEFAULT 0, unit_count bigint NOT NULL DEFAULT 0, line_count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, origin_code, buyer_region_code, channel_id, supplier_id, category_key, buyer_kind, certified, channel_kind, supplier_kind)
      )`);
    await q.query(`CREATE INDEX sales_rollup_origin_idx ON sales_rollup (origin_code text_pattern_ops, day)`);
    await q.query(`CREATE INDEX sales_rollup_buyer_idx ON sales_rollup (buyer_region_code text_pattern_ops, day)`);
    await q.query(`
      INSERT INTO sales_rollup (day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind, category_key, buyer_kind, certified,
                                gross_amount, refund_amount, unit_count, line_count)
      SELECT day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind, category_key, buyer_kind, certified,
             sum(gross), sum(refund), sum(units), sum(lines)
        FROM (SELECT s.*, line_total AS gross, 0 AS refund, quantity AS units, 1 AS lines FROM stats_line s
              UNION ALL
              SELECT s.order_line_id, s.order_id, s.counted_at, r.day, s.origin_code, s.buyer_region_code, s.channel_id, s.channel_kind, s.supplier_id, s.supplier_kind,
                     s.category_key, s.buyer_kind, s.buyer_key, s.certified, s.quantity, s.line_total, s.refunded_amount, 0, r.amount, 0, 0
                FROM stats_refund r JOIN stats_line s USING (order_line_id)) x
       GROUP BY day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind, category_key, buyer_kind, certified`);
    for (const i of ['stats_line_day_idx', 'stats_refund_day_idx', 'stats_refund_order_idx'])
      await q.query(`DROP INDEX ${i}`);
    await q.query(`DROP TABLE stats_buyer`);
    await q.query(`DROP TABLE stats_cube`);
  }
}
