import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STATS_BUYER_KEY } from './shapes';

/**
 * Issue 12 item 10 (benchmark): distinct buyers at scale. stats_buyer kept one row per buyer × prefix ×
 * key with a `datemultirange` of its days; a province-year `buyerCount` read every such row from the heap
 * and detoasted its days (~150–300 ms at 500k lines, growing with the lines). Now one row per buyer × prefix
 * × key × **year** with the days as a fixed `bit(366)` (bit n = day n of the year, counted from 1 January),
 * carried in the primary key (`INCLUDE (days)`), so a count is an index-only scan testing `days & mask`.
 * stats_cube gets fillfactor 80: its cells are only ever updated in place (columns outside the key), so
 * free room on the page keeps those updates HOT (no new index entry); it applies to pages written from now
 * on (the bench's and `stats:reconcile --rebuild`'s reload, new cells).
 */
export class StatisticsBuyerYears1764003100000 implements MigrationInterface {
  name = 'StatisticsBuyerYears1764003100000';

  async up(q: QueryRunner): Promise<void> {
    // The bit of a day in its year's bit(366): B'1' padded to 366 bits, shifted right by the day of the year.
    await q.query(`
      CREATE FUNCTION stats_day_bit(d date) RETURNS bit(366) LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN B'1'::bit(366) >> (d - make_date(extract(year FROM d)::int, 1, 1))`);
    await q.query(`
      CREATE TABLE stats_buyer_y (
        ${STATS_BUYER_KEY},
        year smallint NOT NULL,
        days bit(366) NOT NULL,
        CONSTRAINT stats_buyer_y_pkey PRIMARY KEY (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year) INCLUDE (days)
      )`);
    await q.query(`
      INSERT INTO stats_buyer_y (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year, days)
      SELECT side, grp, lvl, prefix, k1, k2, k3, buyer_key, extract(year FROM d)::smallint, bit_or(stats_day_bit(d::date))
        FROM stats_buyer b CROSS JOIN LATERAL unnest(b.days) r CROSS JOIN LATERAL generate_series(lower(r), upper(r) - 1, interval '1 day') d
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
    await q.query(`DROP TABLE stats_buyer`);
    await q.query(`ALTER TABLE stats_buyer_y RENAME TO stats_buyer`);
    await q.query(`ALTER INDEX stats_buyer_y_pkey RENAME TO stats_buyer_pkey`);
    await q.query(`ALTER TABLE stats_cube SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stats_cube RESET (fillfactor)`);
    await q.query(`
      CREATE TABLE stats_buyer_r (
        ${STATS_BUYER_KEY},
        days datemultirange NOT NULL,
        CONSTRAINT stats_buyer_r_pkey PRIMARY KEY (side, grp, lvl, prefix, k1, k2, k3, buyer_key)
      )`);
    await q.query(`
      INSERT INTO stats_buyer_r (side, grp, lvl, prefix, k1, k2, k3, buyer_key, days)
      SELECT side, grp, lvl, prefix, k1, k2, k3, buyer_key,
             coalesce(range_agg(daterange(d, d, '[]')) FILTER (WHERE d IS NOT NULL), '{}'::datemultirange)
        FROM stats_buyer b
        LEFT JOIN LATERAL (SELECT make_date(b.year, 1, 1) + i AS d FROM generate_series(0, 365) i WHERE get_bit(b.days, i) = 1) x ON true
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
    await q.query(`DROP TABLE stats_buyer`);
    await q.query(`ALTER TABLE stats_buyer_r RENAME TO stats_buyer`);
    await q.query(`ALTER INDEX stats_buyer_r_pkey RENAME TO stats_buyer_pkey`);
    await q.query(`DROP FUNCTION stats_day_bit(date)`);
  }
}
