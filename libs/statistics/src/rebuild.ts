import type { EntityManager } from 'typeorm';

/**
 * Rebuilds stats_cube and stats_buyer from stats_line and stats_refund (the facts frozen when lines
 * counted), in the caller's transaction (the temporary table drops at commit): the same cells, order
 * marks and buyer days the writer records (counting.ts), computed in bulk. stats_buyer_month follows
 * through stats_buyer's triggers (migration 1764003600000): emptied by the TRUNCATE, refilled set-based
 * from the INSERT's transition table. Migration 1764001600000 runs
 * a copy of these statements to move existing databases off sales_rollup; `npm run stats:reconcile --
 * --rebuild` runs them again, and the benchmark loads its generated lines with them.
 */
export const STATS_REBUILD_STATEMENTS = [
  `TRUNCATE stats_cube, stats_buyer`,
  // Every counted line (lines of orders excluded from statistics — stats_correction — are left out, their
  // refunds too through the join below) on both sides and in every grouping, its order marks by one window: the line with
  // the smallest (region code, line id) among its order's lines with the same prefix and key carries the order.
  `CREATE TEMP TABLE stats_rebuild_ls ON COMMIT DROP AS
     SELECT l.order_line_id, l.order_id, l.day, l.buyer_key, l.certified, l.quantity, l.line_total, v.side, v.region, g.grp, g.k1, g.k2, g.k3
       FROM stats_line l
       CROSS JOIN LATERAL (VALUES ('O', l.origin_code), ('B', l.buyer_region_code)) v(side, region)
       CROSS JOIN LATERAL (VALUES ('A', '', '', ''), ('C', l.channel_id::text, l.channel_kind, l.buyer_kind), ('S', l.supplier_id::text, l.supplier_kind, ''),
                                  ('K', l.supplier_kind, '', ''), ('G', l.category_key, '', '')) g(grp, k1, k2, k3)
      WHERE NOT l.excluded`,
  // Daily cells from the lines and refunds, then the monthly cells as sums of the daily ones: the same sums,
  // without aggregating every line twice.
  `INSERT INTO stats_cube (side, grp, gran, period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12)
   SELECT side, grp, 'D', day, region, k1, k2, k3, sum(gross), sum(refund), sum(cert), sum(units), sum(lines), sum(o0), sum(o2), sum(o4), sum(o6), sum(o9), sum(o12)
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
    GROUP BY side, grp, day, region, k1, k2, k3`,
  `INSERT INTO stats_cube (side, grp, gran, period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12)
   SELECT side, grp, 'M', date_trunc('month', period)::date, region_code, k1, k2, k3, sum(gross_amount), sum(refund_amount), sum(cert_net), sum(unit_count), sum(line_count),
          sum(o0), sum(o2), sum(o4), sum(o6), sum(o9), sum(o12)
     FROM stats_cube WHERE gran = 'D'
    GROUP BY side, grp, date_trunc('month', period), region_code, k1, k2, k3`,
  // One row per buyer × prefix × key × year, the days as bits of the year (stats_day_bit, migration 1764003100000).
  `INSERT INTO stats_buyer (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year, days)
   SELECT side, grp, lv.lvl, left(region, lv.lvl), k1, k2, k3, buyer_key, extract(year FROM day)::smallint, bit_or(stats_day_bit(day))
     FROM (SELECT DISTINCT side, grp, region, k1, k2, k3, buyer_key, day FROM stats_rebuild_ls WHERE buyer_key IS NOT NULL AND grp <> 'K') b
     CROSS JOIN (VALUES (0), (2), (4)) lv(lvl)
    WHERE (lv.lvl <= 2 OR (b.grp = 'A' AND b.region <> ''))
    GROUP BY side, grp, lv.lvl, left(region, lv.lvl), k1, k2, k3, buyer_key, extract(year FROM day)`,
];

export async function rebuildStatsRollups(m: Pick<EntityManager, 'query'>): Promise<void> {
  for (const sql of STATS_REBUILD_STATEMENTS) await m.query(sql);
}
