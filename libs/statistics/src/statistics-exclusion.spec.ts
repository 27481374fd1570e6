import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { TestServer } from '@bangfu/testing';
import { StatsExclusionService } from './exclusion.service';
import {
  accept,
  agency,
  at,
  type Buyer,
  channel,
  customer,
  deliver,
  insertOrder,
  lineOf,
  product,
  rebuild,
  reconcile,
  refund,
  salesStatsQuery,
  startStatsServer,
  supplier,
  sync,
  sys,
} from './test-helpers';

/**
 * Issue 13: a confirmed finding excludes its orders from statistics. Oversight calls
 * StatsExclusionService.excludeOrders in the review's transaction (oversight imports statistics, so this lib's
 * specs call the service the way oversight does; anomaly-review.spec.ts drives it through the review).
 */
let server: TestServer;
let ds: DataSource;
let admin: string;
const o: Record<string, { orderId: string; lineIds: string[] }> = {};
const FINDING = '00000000-0000-4000-8000-000000000013';

const FIGURES = 'grossAmount refundAmount netAmount unitCount orderCount buyerCount excludedAmount';
const STATS = salesStatsQuery(`total { ${FIGURES} } rows { key figures { ${FIGURES} } }`);
const total = async (r = '', g = 'REGION', s = 'ORIGIN') =>
  (await server.gqlOk(STATS, { r, f: '2026-01', t: '2026-06', g, s }, admin)).salesStats;
const nonZeroCube = () =>
  ds.query(
    `SELECT side, grp, gran, period::text, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12 FROM stats_cube
      WHERE (gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      ORDER BY side, grp, gran, period, region_code, k1, k2, k3`,
  );
const nonEmptyBuyers = () =>
  ds.query(
    `SELECT *, days::text AS days FROM stats_buyer WHERE bit_count(days) > 0 ORDER BY side, grp, lvl, prefix, k1, k2, k3, buyer_key`,
  );
const reconcileOk = async () => {
  const r = await reconcile(server, '2026-01', '2026-06');
  expect(r.differences).toEqual([]);
  return r;
};
const exclude = (ids: string[]) =>
  server.app
    .get(StatsExclusionService)
    .excludeOrders(sys(), ids, { source: 'ANOMALY_FINDING', sourceRef: FINDING, reason: 'ORDER_BURST: 摊派' });

beforeAll(async () => {
  ({ server, ds, admin } = await startStatsServer());
  const coop = await supplier(ds, '520621000000');
  const p = await product(ds, coop, '520621000000');
  const p2 = await product(ds, coop, '520621000000');
  const line = (unitPrice: number, quantity: number, v = p) => lineOf(v, coop, '520621000000', { unitPrice, quantity });
  const unit: Buyer = await agency(ds, '440106000000');
  const other: Buyer = await agency(ds, '440106000000');
  const person: Buyer = await customer(ds);
  const hall = await channel(ds, 'HALL');
  // kept: the unit's honest order on the same day as the burst (the unit stays a buyer that day).
  o.kept = await insertOrder(ds, unit, hall, at('2026-02-03T09:00:00'), [line(1000, 1)]);
  // burst: two lines of the unit, ¥20 refunded before 验收 (same day) — the finding's order.
  o.burst = await insertOrder(ds, unit, hall, at('2026-02-03T09:05:00'), [line(5000, 2), line(3000, 1, p2)]);
  // other: another unit's order, refunded in March after it counted (its buyer disappears with it).
  o.other = await insertOrder(ds, other, hall, at('2026-02-04T09:00:00'), [line(4000, 1)]);
  // late: a retail order excluded before it counts.
  o.late = await insertOrder(ds, person, hall, at('2026-02-05T09:00:00'), [line(700, 1)]);
  for (const k of ['kept', 'burst', 'other']) await deliver(ds, o[k].orderId, at('2026-02-08T09:00:00'));
  await refund(ds, o.burst.orderId, [{ lineId: o.burst.lineIds[0], amount: 2000 }], at('2026-02-09T09:00:00'));
  for (const k of ['kept', 'burst', 'other']) await accept(ds, o[k].orderId, at('2026-02-10T09:00:00'));
  await refund(ds, o.other.orderId, [{ lineId: o.other.lineIds[0], amount: 1500 }], at('2026-03-02T09:00:00'));
  for (const k of ['kept', 'burst', 'other', 'late']) await sync(server, o[k].orderId);
});
afterAll(() => server?.close());

describe('excluding orders from statistics (a correction, never a deletion)', () => {
  it('reverses what the orders counted, keeps the facts, and reconciliation and rebuild agree', async () => {
    const before = await total();
    expect(before.total).toMatchObject({
      grossAmount: 1000 + 13000 + 4000,
      refundAmount: 2000 + 1500,
      orderCount: 3,
      buyerCount: 2,
      excludedAmount: 0,
    });

    const written = await exclude([o.burst.orderId, o.other.orderId, o.late.orderId]);
    expect(written.map((c) => [c.orderId, c.grossAmount, c.refundAmount, c.unitCount, c.lineCount]).sort()).toEqual(
      [
        [o.burst.orderId, 13000, 2000, 3, 2],
        [o.other.orderId, 4000, 1500, 1, 1],
        [o.late.orderId, 0, 0, 0, 0],
      ].sort(),
    );

    const after = await total();
    expect(after.total).toMatchObject({
      grossAmount: 1000,
      refundAmount: 0,
      netAmount: 1000,
      unitCount: 1,
      orderCount: 1,
      buyerCount: 1,
      excludedAmount: 11000 + 2500,
    });
    // Every grouping on both sides still sums to its total, for the whole country and a county (buyers from stats_line there).
    for (const [r, g, s] of [
      ['', 'SUPPLIER', 'ORIGIN'],
      ['', 'BUYER_KIND', 'BUYER'],
      ['520621000000', 'MONTH', 'ORIGIN'],
      ['440106000000', 'CHANNEL', 'BUYER'],
    ]) {
      const st = await total(r, g, s);
      expect(st.total).toMatchObject({ grossAmount: 1000, netAmount: 1000, orderCount: 1, buyerCount: 1 });
      expect(st.rows.reduce((a: number, x: any) => a + x.figures.netAmount, 0)).toBe(1000);
    }

    // Nothing deleted: the lines and refunds stay (marked excluded), one correction per order, append-only.
    expect(
      (
        await ds.query(`SELECT count(*)::int AS n FROM stats_line WHERE order_id = $1 AND excluded`, [o.burst.orderId])
      )[0].n,
    ).toBe(2);
    expect(
      (
        await ds.query(`SELECT count(*)::int AS n FROM stats_refund WHERE order_id = ANY($1::uuid[])`, [
          [o.burst.orderId, o.other.orderId],
        ])
      )[0].n,
    ).toBe(2);
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM stats_correction WHERE source_ref = $1`, [FINDING]))[0].n,
    ).toBe(3);
    await expect(ds.query(`DELETE FROM stats_correction WHERE order_id = $1`, [o.burst.orderId])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      ds.query(`UPDATE stats_correction SET gross_amount = 0 WHERE order_id = $1`, [o.burst.orderId]),
    ).rejects.toThrow(/append-only/);

    await reconcileOk();
    const cube = await nonZeroCube();
    const buyers = await nonEmptyBuyers();
    await rebuild(server);
    expect(await nonZeroCube()).toEqual(cube);
    expect(await nonEmptyBuyers()).toEqual(buyers);
  });

  it('later counting events do not count an excluded order again, and excluding twice does nothing', async () => {
    const before = await total();
    const cube = await nonZeroCube();
    // Re-sync, a refund after the exclusion, and the retail order excluded before it counted now delivered.
    for (const k of ['burst', 'other']) await sync(server, o[k].orderId);
    await refund(ds, o.burst.orderId, [{ lineId: o.burst.lineIds[1], amount: 500 }], at('2026-04-01T09:00:00'));
    await sync(server, o.burst.orderId);
    await deliver(ds, o.late.orderId, at('2026-04-02T09:00:00'));
    expect(await sync(server, o.late.orderId)).toMatchObject({ counted: true, linesCounted: 1 });
    expect(await nonZeroCube()).toEqual(cube);

    const after = await total();
    expect({ ...after.total, excludedAmount: 0 }).toEqual({ ...before.total, excludedAmount: 0 });
    expect(after.total.excludedAmount).toBe(before.total.excludedAmount - 500 + 700);
    expect(await ds.query(`SELECT excluded FROM stats_line WHERE order_id = $1`, [o.late.orderId])).toEqual([
      { excluded: true },
    ]);

    expect(await exclude([o.burst.orderId])).toEqual([]);
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM stats_correction WHERE order_id = $1`, [o.burst.orderId]))[0].n,
    ).toBe(1);
    await reconcileOk();
  });
});
