import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Db, Role } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import { StatsReconciliationService } from './reconciliation.service';
import { rebuildStatsRollups } from './rebuild';
import {
  accept,
  agency,
  at,
  channel,
  customer,
  deliver,
  insertOrder,
  lineOf,
  product,
  startStatsServer,
  supplier,
  sync,
  sys,
  tokenFor,
} from './test-helpers';

/**
 * Distinct buyers over whole months come from stats_buyer_month (per prefix, key and month, the buyers'
 * numbers as bitmaps, kept from stats_buyer by triggers); periods with partial months from stats_buyer's
 * days. Both must give the same counts, the bitmaps must be what stats_buyer implies (reconciliation),
 * and the rebuild must give the same bitmaps.
 */
let server: TestServer;
let ds: DataSource;
let admin: string;

const STATS = `query($r: String!, $f: String!, $t: String!, $g: SalesGroupBy!, $s: StatsSide) {
  salesStats(regionCode: $r, from: $f, to: $t, groupBy: $g, side: $s) {
    total { buyerCount } rows { key figures { buyerCount } } } }`;
const stats = async (r: string, f: string, t: string, g: string, s = 'ORIGIN') => {
  const st = (await server.gqlOk(STATS, { r, f, t, g, s }, admin)).salesStats;
  return { total: st.total.buyerCount, rows: st.rows.map((x: any) => [x.key, x.figures.buyerCount]) };
};
const bitmaps = () =>
  ds.query(
    `SELECT side, grp, lvl, prefix, k1, k2, k3, month::text, chunk, bits::text FROM stats_buyer_month WHERE bit_count(bits) > 0
      ORDER BY side, grp, lvl, prefix, k1, k2, k3, month, chunk`,
  );
const reconcile = () => server.app.get(StatsReconciliationService).reconcile(sys(), '2026-01', '2026-04');

beforeAll(async () => {
  ({ server, ds } = await startStatsServer());
  admin = await tokenFor(server, ds, Role.PLATFORM_ADMIN);
  const tongren = await supplier(ds, '520621000000');
  const zunyi = await supplier(ds, '520302000000');
  const line = async (coop: string, origin: string) => lineOf(await product(ds, coop, origin), coop, origin);
  const [t, z] = [await line(tongren, '520621000000'), await line(zunyi, '520302000000')];
  const [p, q] = [await customer(ds), await customer(ds)];
  const unit = await agency(ds, '440106000000');
  const [hall, zone] = [await channel(ds, 'HALL'), await channel(ds, 'ZONE')];
  // p: February (Tongren) and March (Zunyi, another channel); q: March (Tongren); the unit: February (both cities).
  const orders = [
    await insertOrder(ds, p, hall, at('2026-02-08T10:00:00'), [t]),
    await insertOrder(ds, p, zone, at('2026-03-03T10:00:00'), [z]),
    await insertOrder(ds, q, hall, at('2026-03-18T10:00:00'), [t]),
  ];
  await deliver(ds, orders[0].orderId, at('2026-02-10T10:00:00'));
  await deliver(ds, orders[1].orderId, at('2026-03-05T10:00:00'));
  await deliver(ds, orders[2].orderId, at('2026-03-20T10:00:00'));
  const u = await insertOrder(ds, unit, hall, at('2026-02-09T10:00:00'), [t, z]);
  await deliver(ds, u.orderId, at('2026-02-11T10:00:00'));
  await accept(ds, u.orderId, at('2026-02-12T10:00:00'));
  for (const o of [...orders, u]) await sync(server, o.orderId);
});
afterAll(() => server?.close());

describe('buyers of whole months (stats_buyer_month)', () => {
  it('count as the days do, match stats_buyer, survive a rebuild, and tampering shows', async () => {
    const cases: Array<[string, string, string]> = [
      ['52', 'REGION', 'ORIGIN'],
      ['52', 'MONTH', 'ORIGIN'],
      ['52', 'BUYER_KIND', 'ORIGIN'],
      ['52', 'CHANNEL_KIND', 'ORIGIN'],
      ['', 'SUPPLIER', 'ORIGIN'],
      ['', 'REGION', 'BUYER'],
    ];
    const whole: Record<string, unknown> = {};
    for (const [r, g, s] of cases) {
      // Whole months (bitmaps) and the same days with a partial month at the edge (stats_buyer's days).
      whole[`${r} ${g} ${s}`] = await stats(r, '2026-02', '2026-03', g, s);
      expect(whole[`${r} ${g} ${s}`], `${r} ${g} ${s}`).toEqual(await stats(r, '2026-01-31', '2026-03-31', g, s));
    }
    expect(whole['52 REGION ORIGIN']).toEqual({
      total: 3,
      rows: [
        ['520300000000', 2],
        ['520600000000', 3],
      ],
    });
    expect(whole['52 MONTH ORIGIN']).toEqual({
      total: 3,
      rows: [
        ['2026-02', 2],
        ['2026-03', 2],
      ],
    });
    expect(whole['52 BUYER_KIND ORIGIN']).toEqual({
      total: 3,
      rows: [
        ['RETAIL', 2],
        ['AGENCY', 1],
      ],
    });
    expect((await reconcile()).differences).toEqual([]);

    const stored = await bitmaps();
    expect(stored.length).toBeGreaterThan(0);
    await server.app.get(Db).transaction(sys(), (tx) => rebuildStatsRollups(server.app.get(Db).manager(tx)));
    expect(await bitmaps()).toEqual(stored);

    // March's province bitmap emptied: the whole-month read shows it, reconciliation finds it, a rebuild repairs it.
    await ds.query(
      `UPDATE stats_buyer_month SET bits = B'0'::bit(1024) WHERE side = 'O' AND grp = 'A' AND lvl = 2 AND prefix = '52' AND month = '2026-03-01'`,
    );
    expect((await stats('52', '2026-03', '2026-03', 'MONTH')).total).toBe(0);
    const dirty = await reconcile();
    expect(new Set(dirty.differences.map((d) => d.kind))).toEqual(new Set(['BUYER_MONTH_MISMATCH']));
    expect(dirty.differences.every((d) => d.key.startsWith('O|A|2|52||||2026-03-01|'))).toBe(true);
    await server.app.get(Db).transaction(sys(), (tx) => rebuildStatsRollups(server.app.get(Db).manager(tx)));
    expect(await bitmaps()).toEqual(stored);
    expect((await stats('52', '2026-03', '2026-03', 'MONTH')).total).toBe(2);
  });
});
