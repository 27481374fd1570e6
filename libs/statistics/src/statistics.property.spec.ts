import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '@bangfu/testing';
import {
  accept,
  agency,
  type Buyer,
  channel,
  customer,
  deliver,
  insertOrder,
  product,
  reconcile,
  refund,
  startStatsServer,
  supplier,
  sync,
} from './test-helpers';

/**
 * Property-based, against real Postgres: random orders (agency, retail, counter), random certification
 * changes between orders (the line keeps the snapshot of its order day), refunds before and after the
 * line counts, synced step by step (as ordering's outbox does), late, or twice. Afterwards the
 * reconciliation finds no difference and salesStats agrees with a plain model of "What counts".
 */

let server: TestServer;
let ds: DataSource;
let admin: string;
const DAY = 86_400_000;
const month = (t: Date) => new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

interface World {
  products: Array<{ productId: string; variantId: string; supplierId: string; origin: string }>;
  buyers: { gz: Buyer; tr: Buyer; person: Buyer; walkIn: Buyer };
  channels: { hall: string; zone: string; counter: string };
}
let world: World;
/** The model: per month, what the statistics must say. */
const model = new Map<string, { gross: number; refund: number; certifiedNet: number; units: number }>();
const bump = (m: string, d: Partial<{ gross: number; refund: number; certifiedNet: number; units: number }>) => {
  const cur = model.get(m) ?? { gross: 0, refund: 0, certifiedNet: 0, units: 0 };
  for (const [k, v] of Object.entries(d)) cur[k as keyof typeof cur] += v as number;
  model.set(m, cur);
};

const orderArb = fc.record({
  buyer: fc.constantFrom('gz' as const, 'tr' as const, 'person' as const, 'walkIn' as const),
  placedDay: fc.integer({ min: 0, max: 150 }),
  countAfterDays: fc.integer({ min: 0, max: 40 }),
  counts: fc.integer({ min: 0, max: 9 }),
  lines: fc.array(
    fc.record({
      product: fc.integer({ min: 0, max: 3 }),
      unitPrice: fc.integer({ min: 1, max: 50_000 }),
      quantity: fc.integer({ min: 1, max: 20 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  refunds: fc.array(
    fc.record({
      dayOffset: fc.integer({ min: -3, max: 60 }),
      line: fc.nat(),
      fraction: fc.integer({ min: 1, max: 100 }),
    }),
    { maxLength: 3 },
  ),
});
const scenarioArb = fc.record({
  /** Per product, the days its certification is valid from/to: a certification change between orders. */
  certifiedWindows: fc.array(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 })), {
    minLength: 4,
    maxLength: 4,
  }),
  orders: fc.array(orderArb, { minLength: 1, maxLength: 4 }),
  mode: fc.constantFrom('stepwise' as const, 'late' as const, 'twice' as const),
});

beforeAll(async () => {
  ({ server, ds, admin } = await startStatsServer());
  const coop = await supplier(ds, '520621000000');
  const farm = await supplier(ds, '610724000000');
  const products = [];
  for (const [supplierId, origin] of [
    [coop, '520621000000'],
    [coop, '520622000000'],
    [farm, '610724000000'],
    [farm, '610724000000'],
  ]) {
    products.push({ ...(await product(ds, supplierId, origin)), supplierId, origin });
  }
  world = {
    products,
    buyers: {
      gz: await agency(ds, '440106000000'),
      tr: await agency(ds, '520602000000'),
      person: await customer(ds),
      walkIn: await customer(ds),
    },
    channels: {
      hall: await channel(ds, 'HALL'),
      zone: await channel(ds, 'ZONE', '440106000000'),
      counter: await channel(ds, 'COUNTER', '440106000000'),
    },
  };
});
afterAll(() => server?.close());

describe('statistics, property-based', () => {
  it('reconciliation finds no difference and salesStats agrees with the model', async () => {
    const start = Date.UTC(2025, 0, 1, 1);
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        for (const o of s.orders) {
          const placedAt = new Date(start + o.placedDay * DAY);
          const buyer = world.buyers[o.buyer];
          const channelId =
            o.buyer === 'walkIn'
              ? world.channels.counter
              : o.buyer === 'gz'
                ? world.channels.zone
                : world.channels.hall;
          const lines = o.lines.map((l) => {
            const p = world.products[l.product];
            const [a, b] = s.certifiedWindows[l.product];
            // The line snapshots the certification of its order day.
            const certified = o.placedDay >= Math.min(a, b) && o.placedDay <= Math.max(a, b);
            return { ...p, originRegionCode: p.origin, unitPrice: l.unitPrice, quantity: l.quantity, certified };
          });
          // One line per product, as ordering enforces.
          const unique = lines.filter((l, i) => lines.findIndex((x) => x.variantId === l.variantId) === i);
          const { orderId, lineIds } = await insertOrder(ds, buyer, channelId, placedAt, unique);
          const counts = o.counts > 1; // most orders count, some never do
          const deliveredAt = new Date(placedAt.getTime() + 2 * DAY);
          const countAt = new Date(deliveredAt.getTime() + o.countAfterDays * DAY + 3600_000);
          const events: Array<{ at: Date; run: () => Promise<void> }> = [];
          events.push({ at: deliveredAt, run: () => deliver(ds, orderId, deliveredAt) });
          if (counts && buyer.kind === 'AGENCY') events.push({ at: countAt, run: () => accept(ds, orderId, countAt) });
          const countedAt = buyer.kind === 'AGENCY' ? (counts ? countAt : null) : deliveredAt;
          const refunded = unique.map(() => 0);
          for (const r of o.refunds) {
            const i = r.line % unique.length;
            const room = unique[i].unitPrice * unique[i].quantity - refunded[i];
            const amount = Math.floor((room * r.fraction) / 100);
            if (amount <= 0) continue;
            refunded[i] += amount;
            const at = new Date(
              deliveredAt.getTime() + Math.max(0, r.dayOffset) * DAY + 7_200_000 + events.length * 1000,
            );
            events.push({
              at,
              run: async () => void (await refund(ds, orderId, [{ lineId: lineIds[i], amount }], at)),
            });
            if (countedAt)
              bump(at < countedAt ? month(countedAt) : month(at), {
                refund: amount,
                certifiedNet: unique[i].certified ? -amount : 0,
              });
          }
          if (countedAt) {
            for (const l of unique)
              bump(month(countedAt), {
                gross: l.unitPrice * l.quantity,
                units: l.quantity,
                certifiedNet: l.certified ? l.unitPrice * l.quantity : 0,
              });
          }
          events.sort((a, b) => a.at.getTime() - b.at.getTime());
          for (const e of events) {
            await e.run();
            if (s.mode !== 'late') await sync(server, orderId);
          }
          await sync(server, orderId);
          if (s.mode === 'twice') await sync(server, orderId);
        }
        const report = await reconcile(server, '2025-01', '2025-12');
        expect(report.differences).toEqual([]);
        const stats = (
          await server.gqlOk(
            `query { salesStats(regionCode: "", from: "2025-01", to: "2025-12", groupBy: MONTH) { total { grossAmount refundAmount certifiedNetAmount unitCount }
             rows { key figures { grossAmount refundAmount netAmount certifiedNetAmount unitCount } } } }`,
            {},
            admin,
          )
        ).salesStats;
        const want = [...model].filter(([, v]) => v.gross || v.refund).sort(([a], [b]) => (a < b ? -1 : 1));
        expect(
          stats.rows.map((r: any) => [
            r.key,
            r.figures.grossAmount,
            r.figures.refundAmount,
            r.figures.certifiedNetAmount,
            r.figures.unitCount,
          ]),
        ).toEqual(want.map(([k, v]) => [k, v.gross, v.refund, v.certifiedNet, v.units]));
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
