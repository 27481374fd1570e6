/**
 * stats_buyer_month's trigger statements, for migrations after 1764003600000 that redefine the trigger
 * functions (1764004100000). Migration 1764003600000 keeps its own copy: an applied migration's SQL
 * must not change.
 */
// Months (of the transition tables' years) a row has days in and, for an update, the other version has none in.
export const buyerMonthsCte = (a: string, b: string | null) => `
  mk AS (SELECT y, m, stats_month_mask(y, m) AS mask FROM (SELECT DISTINCT year FROM stats_new) yy(y) CROSS JOIN generate_series(1, 12) m),
  x AS (SELECT n.side, n.grp, n.lvl, n.prefix, n.k1, n.k2, n.k3, n.buyer_key, make_date(n.year, mk.m, 1) AS month
          FROM stats_new n ${b ? 'JOIN stats_old o USING (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year)' : ''}
          JOIN mk ON mk.y = n.year AND bit_count(${a} & mk.mask) > 0 ${b ? `AND bit_count(${b} & mk.mask) = 0` : ''})`;
// The buyers of x as 1,024-bit chunks per bitmap row.
export const buyerMonthChunks = `SELECT x.side, x.grp, x.lvl, x.prefix, x.k1, x.k2, x.k3, x.month, b.no / 1024 AS chunk, bit_or(B'1'::bit(1024) >> (b.no % 1024)) AS bits
          FROM x JOIN stats_buyer_no b ON b.buyer_key = x.buyer_key GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
// New months of rows: buyers get a number on first sight (its own statement, so the next one's snapshot
// sees numbers another transaction committed while this one waited on the conflict), then their bits.
export const numberBuyers = (a: string, b: string | null) => `
      WITH ${buyerMonthsCte(a, b)} INSERT INTO stats_buyer_no (buyer_key) SELECT DISTINCT buyer_key FROM x ORDER BY 1 ON CONFLICT DO NOTHING;`;
export const setBuyerMonthBits = (a: string, b: string | null) => `
      WITH ${buyerMonthsCte(a, b)} INSERT INTO stats_buyer_month AS t (side, grp, lvl, prefix, k1, k2, k3, month, chunk, bits)
        SELECT * FROM (${buyerMonthChunks}) c ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ON CONFLICT (side, grp, lvl, prefix, k1, k2, k3, month, chunk) DO UPDATE SET bits = t.bits | EXCLUDED.bits;`;
export const addBuyerMonths = (a: string, b: string | null) => `${numberBuyers(a, b)}${setBuyerMonthBits(a, b)}`;
// Months left without days (an exclusion's recompute) lose the buyer's bit.
export const removeBuyerMonths = `WITH ${buyerMonthsCte('o.days', 'n.days')}
        UPDATE stats_buyer_month t SET bits = t.bits & ~c.bits FROM (${buyerMonthChunks}) c
         WHERE (t.side, t.grp, t.lvl, t.prefix, t.k1, t.k2, t.k3, t.month, t.chunk) = (c.side, c.grp, c.lvl, c.prefix, c.k1, c.k2, c.k3, c.month, c.chunk);`;
