import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 10 (benchmark): distinct buyers over whole months without reading one index entry per
 * buyer. A REGION call counted buyers × cities entries of stats_buyer (≈100k at 2M lines, 247 ms; it grows
 * to buyers × cities). Buyers get dense numbers (stats_buyer_no), and stats_buyer_month keeps, per
 * side × grouping × level × prefix × key × **month**, the set of buyer numbers that bought there as bitmaps
 * of 1,024 buyers (`chunk` = number / 1024, bit = number % 1024). A period of whole months is then the
 * OR of its months' bitmaps per chunk and a bit_count: a few hundred short rows for a province-year.
 *
 * The bitmaps are a function of stats_buyer alone (a buyer is in a month's bitmap iff its row of that
 * year has a day in that month), so statement triggers on stats_buyer keep them — every writer of
 * stats_buyer (the counting writer, the exclusion's recompute, the rebuild) is covered, set-based through
 * the transition tables. An update touches a bitmap only when a buyer's first day in a month appears or
 * its last one goes, so concurrent counting transactions rarely meet on a bitmap row.
 */
export class StatisticsBuyerMonths1764003600000 implements MigrationInterface {
  name = 'StatisticsBuyerMonths1764003600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_buyer_no (
        buyer_key text PRIMARY KEY,
        no integer GENERATED ALWAYS AS IDENTITY UNIQUE
      )`);
    await q.query(`
      CREATE TABLE stats_buyer_month (
        side text NOT NULL,
        grp text NOT NULL,
        lvl smallint NOT NULL,
        prefix text COLLATE "C" NOT NULL,
        k1 text NOT NULL,
        k2 text NOT NULL,
        k3 text NOT NULL,
        month date NOT NULL,
        chunk integer NOT NULL,
        bits bit(1024) NOT NULL,
        PRIMARY KEY (side, grp, lvl, prefix, k1, k2, k3, month, chunk)
      )`);
    // The days of month m of year y as stats_buyer's bit(366) (bit n = day n of the year).
    await q.query(`
      CREATE FUNCTION stats_month_mask(y int, m int) RETURNS bit(366) LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (~B'0'::bit(366) >> (make_date(y, m, 1) - make_date(y, 1, 1)))
           & ~(~B'0'::bit(366) >> ((make_date(y, m, 1) + interval '1 month')::date - make_date(y, 1, 1)))`);
    // Months (of the transition tables' years) a row has days in and, for an update, the other version has none in.
    const months = (a: string, b: string | null) => `
      mk AS (SELECT y, m, stats_month_mask(y, m) AS mask FROM (SELECT DISTINCT year FROM stats_new) yy(y) CROSS JOIN generate_series(1, 12) m),
      x AS (SELECT n.side, n.grp, n.lvl, n.prefix, n.k1, n.k2, n.k3, n.buyer_key, make_date(n.year, mk.m, 1) AS month
              FROM stats_new n ${b ? 'JOIN stats_old o USING (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year)' : ''}
              JOIN mk ON mk.y = n.year AND bit_count(${a} & mk.mask) > 0 ${b ? `AND bit_count(${b} & mk.mask) = 0` : ''})`;
    // The buyers of x as 1,024-bit chunks per bitmap row.
    const chunks = `SELECT x.side, x.grp, x.lvl, x.prefix, x.k1, x.k2, x.k3, x.month, b.no / 1024 AS chunk, bit_or(B'1'::bit(1024) >> (b.no % 1024)) AS bits
              FROM x JOIN stats_buyer_no b ON b.buyer_key = x.buyer_key GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
    // New months of rows: buyers get a number on first sight (its own statement, so the next one's snapshot
    // sees numbers another transaction committed while this one waited on the conflict), then their bits.
    const add = (a: string, b: string | null) => `
          WITH ${months(a, b)} INSERT INTO stats_buyer_no (buyer_key) SELECT DISTINCT buyer_key FROM x ORDER BY 1 ON CONFLICT DO NOTHING;
          WITH ${months(a, b)} INSERT INTO stats_buyer_month AS t (side, grp, lvl, prefix, k1, k2, k3, month, chunk, bits)
            SELECT * FROM (${chunks}) c ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
          ON CONFLICT (side, grp, lvl, prefix, k1, k2, k3, month, chunk) DO UPDATE SET bits = t.bits | EXCLUDED.bits;`;
    await q.query(`
      CREATE FUNCTION stats_buyer_month_ins() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add('n.days', null)}
        RETURN NULL;
      END $$`);
    // An update: months that gained their first day are added; months left without days (an exclusion's
    // recompute) lose the buyer's bit.
    await q.query(`
      CREATE FUNCTION stats_buyer_month_upd() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add('n.days', 'o.days')}
        WITH ${months('o.days', 'n.days')}
        UPDATE stats_buyer_month t SET bits = t.bits & ~c.bits FROM (${chunks}) c
         WHERE (t.side, t.grp, t.lvl, t.prefix, t.k1, t.k2, t.k3, t.month, t.chunk) = (c.side, c.grp, c.lvl, c.prefix, c.k1, c.k2, c.k3, c.month, c.chunk);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER stats_buyer_month_ins AFTER INSERT ON stats_buyer REFERENCING NEW TABLE AS stats_new
        FOR EACH STATEMENT EXECUTE FUNCTION stats_buyer_month_ins()`);
    await q.query(`
      CREATE TRIGGER stats_buyer_month_upd AFTER UPDATE ON stats_buyer REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new
        FOR EACH STATEMENT EXECUTE FUNCTION stats_buyer_month_upd()`);
    await q.query(`
      CREATE FUNCTION stats_buyer_month_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE stats_buyer_month;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER stats_buyer_month_trunc AFTER TRUNCATE ON stats_buyer
        FOR EACH STATEMENT EXECUTE FUNCTION stats_buyer_month_truncate()`);
    // Existing rows: what the insert trigger would have done for them.
    await q.query(`CREATE TEMP TABLE stats_new ON COMMIT DROP AS SELECT * FROM stats_buyer`);
    for (const stmt of add('n.days', null)
      .split(';')
      .filter((x) => x.trim()))
      await q.query(stmt);
    await q.query(`DROP TABLE stats_new`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stats_buyer_month_trunc ON stats_buyer`);
    await q.query(`DROP TRIGGER stats_buyer_month_upd ON stats_buyer`);
    await q.query(`DROP TRIGGER stats_buyer_month_ins ON stats_buyer`);
    await q.query(`DROP FUNCTION stats_buyer_month_truncate()`);
    await q.query(`DROP FUNCTION stats_buyer_month_upd()`);
    await q.query(`DROP FUNCTION stats_buyer_month_ins()`);
    await q.query(`DROP FUNCTION stats_month_mask(int, int)`);
    await q.query(`DROP TABLE stats_buyer_month`);
    await q.query(`DROP TABLE stats_buyer_no`);
  }
}
