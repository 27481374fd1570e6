import type { EntityManager } from 'typeorm';

/**
 * Rebuilds stats_cube, stats_buyer and stats_buyer_month from stats_line and stats_refund (the facts frozen
 * when lines counted), in the caller's transaction (the temporary tables drop at commit): the same cells,
 * order marks, buyer days and whole-month buyer bitmaps the writer records (counting.ts and the triggers of
 * migration 1764003600000), computed in bulk. Migration 1764001600000 runs a copy of the earlier statements to move
 * existing databases off sales_rollup; `npm run stats:reconcile -- --rebuild` runs these, and the benchmark
 * loads its generated lines with them (bench/stats.mjs reads this array from the source: plain literals only).
 *
 * Built for 10M lines: the three tables' primary keys are dropped and put back after the inserts (one sort
 * each instead of an index insertion per row), stats_buyer_month's insert trigger is switched off for the
 * transaction and the bitmaps are built once, set-based, from the buyer rows (the trigger numbered the
 * buyers and expanded every row into its months twice, then ORed the bits through ON CONFLICT), and the
 * temporary table's keys are "C"-collated (sorts compare bytes). Exactly what the trigger would have left:
 * the specs compare a rebuild with the writer's rows and reconciliation checks bitmaps against stats_buyer.
 */
export const STATS_REBUILD_STATEMENTS = [
  `TRUNCATE stats_cube, stats_buyer`,
  // The primary keys, read from the catalog (whatever the migrations made them), dropped here and added back last.
  `CREATE TEMP TABLE stats_rebuild_keys ON COMMIT DROP AS
     SELECT conrelid::regclass AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'p' AND conrelid IN ('stats_cube'::regclass, 'stats_buyer'::regclass, 'stats_buyer_month'::regclass)`,
  `DO $$ DECLARE k record; BEGIN
     FOR k IN SELECT * FROM stats_rebuild_keys LOOP EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, k.conname); END LOOP;
   END $$`,
  // TRUNCATE emptied stats_buyer_month (its truncate trigger); the bitmaps are built below in one statement.
  `ALTER TABLE stats_buyer DISABLE TRIGGER stats_buyer_month_ins`,
  // Every counted line (lines of orders excluded from statistics — stats_correction — are left out, their
  // refunds too through the join below) on both sides and in every grouping.
  `CREATE TEMP TABLE stats_rebuild_ls (order_line_id uuid, order_id uuid, day date, buyer_key text COLLATE "C", certified boolean, quantity integer,
       line_total bigint, side text COLLATE "C", region text COLLATE "C", grp text COLLATE "C", k1 text COLLATE "C", k2 text COLLATE "C", k3 text COLLATE "C")
     ON COMMIT DROP`,
  `INSERT INTO stats_rebuild_ls
     SELECT l.order_line_id, l.order_id, l.day, l.buyer_key, l.certified, l.quantity, l.line_total, v.side, v.region, g.grp, g.k1, g.k2, g.k3
       FROM stats_line l
       CROSS JOIN LATERAL (VALUES ('O', l.origin_code), ('B', l.buyer_region_code)) v(side, region)
       CROSS JOIN LATERAL (VALUES ('A', '', '', ''), ('C', l.channel_id::text, l.channel_kind, l.buyer_kind), ('S', l.supplier_id::text, l.supplier_kind, ''),
                                  ('K', l.supplier_kind, '', ''), ('G', l.category_key, '', '')) g(grp, k1, k2, k3)
      WHERE NOT l.excluded`,
  // Temporary tables are not analysed by autovacuum: the planner's row counts for the aggregates below.
  `ANALYZE stats_rebuild_ls`,
  // Daily cells from the lines and refunds, then the monthly cells as sums of the daily ones. Order marks by
  // one window: the line with the smallest (region code, line id) among its order's lines with the same
  // prefix and key carries the order (two lag() calls; the prefixes are compared outside the window).
  `INSERT INTO stats_cube (side, grp, gran, period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12)
   SELECT side, grp, 'D', day, region, k1, k2, k3, sum(gross), sum(refund), sum(cert), sum(units), sum(lines), sum(o0), sum(o2), sum(o4), sum(o6), sum(o9), sum(o12)
     FROM (SELECT side, grp, day, region, k1, k2, k3, gross, 0 AS refund, cert, units, 1 AS lines, (prev_line IS NULL)::int AS o0,
                  (left(prev, 2) IS DISTINCT FROM left(region, 2))::int AS o2, (left(prev, 4) IS DISTINCT FROM left(region, 4))::int AS o4,
                  (left(prev, 6) IS DISTINCT FROM left(region, 6))::int AS o6, (left(prev, 9) IS DISTINCT FROM left(region, 9))::int AS o9,
                  (prev IS DISTINCT FROM region)::int AS o12
             FROM (SELECT side, grp, day, region, k1, k2, k3, line_total AS gross, CASE WHEN certified THEN line_total ELSE 0 END AS cert, quantity AS units,
                          lag(order_line_id) OVER w AS prev_line, lag(region) OVER w AS prev
                     FROM stats_rebuild_ls
                   WINDOW w AS (PARTITION BY order_id, side, grp, k1, k3 ORDER BY region, order_line_id)) p
           UNION ALL
           SELECT x.side, x.grp, r.day, x.region, x.k1, x.k2, x.k3, 0, r.amount, CASE WHEN x.certified THEN -r.amount ELSE 0 END, 0, 0, 0, 0, 0, 0, 0, 0
             FROM stats_refund r JOIN stats_rebuild_ls x ON x.order_line_id = r.order_line_id) c
    GROUP BY side, grp, day, region, k1, k2, k3`,
  // The month's first day by date arithmetic (date_trunc would go through timestamptz and the time zone).
  `INSERT INTO stats_cube (side, grp, gran, period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12)
   SELECT side, grp, 'M', period - (extract(day FROM period)::int - 1), region_code, k1, k2, k3, sum(gross_amount), sum(refund_amount), sum(cert_net), sum(unit_count),
          sum(line_count), sum(o0), sum(o2), sum(o4), sum(o6), sum(o9), sum(o12)
     FROM stats_cube WHERE gran = 'D'
    GROUP BY side, grp, period - (extract(day FROM period)::int - 1), region_code, k1, k2, k3`,
  // One row per buyer × prefix × key × year, the days as bits of the year (stats_day_bit, migration 1764003100000),
  // and the months it has days in (bit m - 1), for the bitmaps. bit_or is idempotent: no DISTINCT first.
  `CREATE TEMP TABLE stats_rebuild_b ON COMMIT DROP AS
   SELECT side, grp, lv.lvl, left(region, lv.lvl) AS prefix, k1, k2, k3, buyer_key, extract(year FROM day)::smallint AS year, bit_or(stats_day_bit(day)) AS days,
          bit_or(1 << (extract(month FROM day)::int - 1)) AS months
     FROM stats_rebuild_ls b CROSS JOIN (VALUES (0), (2), (4)) lv(lvl)
    WHERE buyer_key IS NOT NULL AND grp <> 'K' AND (lv.lvl <= 2 OR (b.grp = 'A' AND b.region <> ''))
    GROUP BY side, grp, lv.lvl, left(region, lv.lvl), k1, k2, k3, buyer_key, extract(year FROM day)`,
  `ANALYZE stats_rebuild_b`,
  `INSERT INTO stats_buyer (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year, days)
   SELECT side, grp, lvl, prefix, k1, k2, k3, buyer_key, year, days FROM stats_rebuild_b`,
  // What the insert trigger does, once for all rows: buyers get a number on first sight, then the bitmaps
  // (chunk = number / 1024, bit = number % 1024) of every month a row has days in.
  `INSERT INTO stats_buyer_no (buyer_key) SELECT DISTINCT buyer_key FROM stats_rebuild_b ORDER BY 1 ON CONFLICT DO NOTHING`,
  `INSERT INTO stats_buyer_month (side, grp, lvl, prefix, k1, k2, k3, month, chunk, bits)
   SELECT b.side, b.grp, b.lvl, b.prefix, b.k1, b.k2, b.k3, make_date(b.year, m, 1), n.no / 1024, bit_or(B'1'::bit(1024) >> (n.no % 1024))
     FROM stats_rebuild_b b JOIN stats_buyer_no n ON n.buyer_key = b.buyer_key CROSS JOIN generate_series(1, 12) m
    WHERE b.months & (1 << (m - 1)) <> 0
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  `ALTER TABLE stats_buyer ENABLE TRIGGER stats_buyer_month_ins`,
  `DO $$ DECLARE k record; BEGIN
     FOR k IN SELECT * FROM stats_rebuild_keys LOOP EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.tbl, k.conname, k.def); END LOOP;
   END $$`,
];

export async function rebuildStatsRollups(m: Pick<EntityManager, 'query'>): Promise<void> {
  for (const sql of STATS_REBUILD_STATEMENTS) await m.query(sql);
}
