import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { TestServer } from '@bangfu/testing';
import {
  agency,
  channel,
  countedOrder,
  customer,
  reconcile,
  salesStatsQuery,
  startStatsServer,
  supplierLine,
} from './test-helpers';

/**
 * Distinct buyers over a period that crosses a year: stats_buyer keeps one row per buyer, prefix, key and
 * year (days as bits of the year), so a buyer who bought in both years has two rows and must count once.
 */
let server: TestServer;
let ds: DataSource;
let admin: string;

const STATS = salesStatsQuery('total { orderCount buyerCount } rows { key figures { orderCount buyerCount } }');
const stats = async (r: string, f: string, t: string, g = 'REGION', s = 'ORIGIN') =>
  (await server.gqlOk(STATS, { r, f, t, g, s }, admin)).salesStats;

beforeAll(async () => {
  ({ server, ds, admin } = await startStatsServer());
  const line = await supplierLine(ds, '520621000000');
  const person = await customer(ds);
  const unit = await agency(ds, '440106000000');
  const hall = await channel(ds, 'HALL');
  // The customer counts on 31 December 2025 and on 1 January 2026; the unit on 2 January 2026.
  await countedOrder(server, ds, person, hall, [line], {
    placed: '2025-12-29T10:00:00',
    delivered: '2025-12-31T10:00:00',
  });
  await countedOrder(server, ds, person, hall, [line], {
    placed: '2025-12-30T10:00:00',
    delivered: '2026-01-01T10:00:00',
  });
  await countedOrder(server, ds, unit, hall, [line], {
    placed: '2025-12-30T11:00:00',
    delivered: '2026-01-01T11:00:00',
    accepted: '2026-01-02T09:00:00',
  });
});
afterAll(() => server?.close());

describe('buyers over a period across a year', () => {
  it('counts a buyer of both years once, in every scope and grouping, and per day range', async () => {
    for (const [r, g, s] of [
      ['', 'REGION', 'ORIGIN'],
      ['52', 'REGION', 'ORIGIN'],
      ['52', 'CHANNEL', 'ORIGIN'],
      ['5206', 'SUPPLIER', 'ORIGIN'],
      ['', 'BUYER_KIND', 'BUYER'],
    ]) {
      const st = await stats(r, '2025-12', '2026-01', g, s);
      expect(st.total, `${r} ${g} ${s}`).toEqual({ orderCount: 3, buyerCount: 2 });
    }
    const months = await stats('52', '2025-12', '2026-01', 'MONTH');
    expect(months.rows.map((x: any) => [x.key, x.figures.buyerCount])).toEqual([
      ['2025-12', 1],
      ['2026-01', 2],
    ]);
    const channel = await stats('52', '2025-12', '2026-01', 'CHANNEL');
    expect(channel.rows.map((x: any) => x.figures.buyerCount)).toEqual([2]);
    // Partial days at the edges of the years: the bits of each year's mask.
    expect((await stats('52', '2025-12-31', '2026-01-01')).total.buyerCount).toBe(1);
    expect((await stats('52', '2026-01-02', '2026-01-31')).total.buyerCount).toBe(1);
    expect((await stats('52', '2025-01-01', '2025-12-30')).total.buyerCount).toBe(0);
    expect((await reconcile(server, '2025-12', '2026-01')).differences).toEqual([]);
  });
});
