import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { TestServer } from '@bangfu/testing';
import {
  agency,
  channel,
  countedOrder,
  customer,
  rebuild,
  reconcile,
  salesStatsQuery,
  startStatsServer,
  supplierLine,
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

const STATS = salesStatsQuery('total { buyerCount } rows { key figures { buyerCount } }');
const stats = async (r: string, f: string, t: string, g: string, s = 'ORIGIN') => {
  const st = (await server.gqlOk(STATS, { r, f, t, g, s }, admin)).salesStats;
  return { total: st.total.buyerCount, rows: st.rows.map((x: any) => [x.key, x.figures.buyerCount]) };
};
const bitmaps = () =>
  ds.query(
    `SELECT side, grp, lvl, prefix, k1, k2, k3, month::text, chunk, bits::text FROM stats_buyer_month WHERE bit_count(bits) > 0
      ORDER BY side, grp, lvl, prefix, k1, k2, k3, month, chunk`,
  );
const reconcileMonths = () => reconcile(server, '2026-01', '2026-04');

beforeAll(async () => {
  ({ server, ds, admin } = await startStatsServer());
  const [t, z] = [await supplierLine(ds, '520621000000'), await supplierLine(ds, '520302000000')];
  const [p, q] = [await customer(ds), await customer(ds)];
  const unit = await agency(ds, '440106000000');
  const [hall, zone] = [await channel(ds, 'HALL'), await channel(ds, 'ZONE')];
  // p: February (Tongren) and March (Zunyi, another channel); q: March (Tongren); the unit: February (both cities).
  await countedOrder(server, ds, p, hall, [t], { placed: '2026-02-08T10:00:00', delivered: '2026-02-10T10:00:00' });
  await countedOrder(server, ds, p, zone, [z], { placed: '2026-03-03T10:00:00', delivered: '2026-03-05T10:00:00' });
  await countedOrder(server, ds, q, hall, [t], { placed: '2026-03-18T10:00:00', delivered: '2026-03-20T10:00:00' });
  await countedOrder(server, ds, unit, hall, [t, z], {
    placed: '2026-02-09T10:00:00',
    delivered: '2026-02-11T10:00:00',
    accepted: '2026-02-12T10:00:00',
  });
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
    expect((await reconcileMonths()).differences).toEqual([]);

    const stored = await bitmaps();
    expect(stored.length).toBeGreaterThan(0);
    await rebuild(server);
    expect(await bitmaps()).toEqual(stored);

    // March's province bitmap emptied: the whole-month read shows it, reconciliation finds it, a rebuild repairs it.
    await ds.query(
      `UPDATE stats_buyer_month SET bits = B'0'::bit(1024) WHERE side = 'O' AND grp = 'A' AND lvl = 2 AND prefix = '52' AND month = '2026-03-01'`,
    );
    expect((await stats('52', '2026-03', '2026-03', 'MONTH')).total).toBe(0);
    const dirty = await reconcileMonths();
    expect(new Set(dirty.differences.map((d) => d.kind))).toEqual(new Set(['BUYER_MONTH_MISMATCH']));
    expect(dirty.differences.every((d) => d.key.startsWith('O|A|2|52||||2026-03-01|'))).toBe(true);
    await rebuild(server);
    expect(await bitmaps()).toEqual(stored);
    expect((await stats('52', '2026-03', '2026-03', 'MONTH')).total).toBe(2);
  });
});
