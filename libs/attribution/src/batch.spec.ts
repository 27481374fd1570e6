import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, type RequestContext } from '@bangfu/core';
import { allocate } from '@bangfu/money';
import type { TestServer } from '@bangfu/testing';
import { AttributionService } from './attribution.service';
import { ReconciliationService } from './reconciliation.service';
import { type PropertyWorld, propertyWorld, ruleArb, ruleParams } from './property-fixtures';
import { runAttributionReconcile } from './reconcile-command';
import {
  accept,
  deliver,
  insertOrder,
  lot,
  product,
  refund,
  rule,
  SpecOrderFacts,
  startAttributionServer,
  sys,
} from './test-helpers';

/**
 * The batch path (`attributeOrders`) against the per-order path (`syncOrder` on each order) over
 * random batches of orders sharing products, lots and months (so rollup rows are hit by several
 * orders of one batch): the per-order path runs first in a transaction that is rolled back, the batch
 * then commits from the same state, and every entry, line, refund and rollup row must be identical.
 */

let server: TestServer;
let ds: DataSource;
let db: Db;
let attribution: AttributionService;
let world: PropertyWorld;

const DAY = 86_400_000;

interface OrderSpec {
  buyer: 'agency' | 'customer';
  day: number;
  lines: Array<{ product: number; variant: number; quantity: number; weights: [number, number, number] }>;
  state: 'new' | 'not-counted' | 'attributed-then-refunded';
  refundBefore: number;
  refundAfter: number;
}

const orderArb: fc.Arbitrary<OrderSpec> = fc.record({
  buyer: fc.constantFrom('agency' as const, 'customer' as const),
  day: fc.integer({ min: 0, max: 50 }),
  // An order has one line per variant (ordering's unique key).
  lines: fc.uniqueArray(
    fc.record({
      product: fc.integer({ min: 0, max: 1 }),
      variant: fc.integer({ min: 0, max: 1 }),
      quantity: fc.integer({ min: 1, max: 30 }),
      weights: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 })),
    }),
    { minLength: 1, maxLength: 3, selector: (l) => `${l.product}:${l.variant}` },
  ),
  state: fc.constantFrom('new' as const, 'new' as const, 'not-counted' as const, 'attributed-then-refunded' as const),
  refundBefore: fc.integer({ min: 0, max: 60 }),
  refundAfter: fc.integer({ min: 0, max: 100 }),
});

const batchArb = fc.record({
  rules: fc.tuple(ruleArb, ruleArb),
  prices: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 4, maxLength: 4 }),
  lots: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
  start: fc.integer({ min: 0, max: 400 }),
  orders: fc.array(orderArb, { minLength: 2, maxLength: 8 }),
});
type BatchSpec = typeof batchArb extends fc.Arbitrary<infer T> ? T : never;

beforeAll(async () => {
  ({ server, ds } = await startAttributionServer());
  attribution = server.app.get(AttributionService);
  db = server.app.get(Db);
  world = await propertyWorld(ds);
});
afterAll(() => server?.close());

/** Products, lots and orders of one batch in ordering's tables; some orders already attributed by the per-order path. */
async function build(b: BatchSpec): Promise<{ ids: string[]; notCounted: string[] }> {
  const start = new Date(Date.UTC(2025, 0, 1) + b.start * DAY);
  const products: Array<Awaited<ReturnType<typeof product>> & { lots: string[][] }> = [];
  for (const [i, r] of b.rules.entries()) {
    const p = await product(ds, world.coop.supplierId, [b.prices[2 * i], b.prices[2 * i + 1]], '梵净山抹茶');
    await rule(ds, {
      supplierId: world.coop.supplierId,
      productId: p.productId,
      kind: r.kind,
      effectiveFrom: new Date(start.getTime() - DAY),
      ...ruleParams(r, world),
    });
    const lots: string[][] = [];
    for (const [j, v] of p.variants.entries()) {
      lots.push([]);
      for (const k of [0, 1])
        lots[j].push(
          await lot(
            ds,
            v.id,
            b.lots[4 * i + 2 * j + k].map((h, n) => ({ householdId: world.households[h], quantity: 10 + 7 * n })),
          ),
        );
    }
    products.push({ ...p, lots });
  }
  const ids: string[] = [];
  const notCounted: string[] = [];
  for (const o of b.orders) {
    const placedAt = new Date(start.getTime() + o.day * DAY);
    const countAt = new Date(placedAt.getTime() + 5 * DAY);
    const specs = o.lines.map((l) => {
      const p = products[l.product];
      const split = l.weights.some((w) => w > 0) ? allocate(l.quantity, l.weights) : [0, 0, l.quantity];
      return {
        supplierId: world.coop.supplierId,
        productId: p.productId,
        variantId: p.variants[l.variant].id,
        unitPrice: p.variants[l.variant].price,
        quantity: l.quantity,
        allocations: [
          { lotId: p.lots[l.variant][0], quantity: split[0] },
          { lotId: p.lots[l.variant][1], quantity: split[1] },
          { lotId: null, quantity: split[2] },
        ].filter((a) => a.quantity > 0),
      };
    });
    const buyer = world.buyers[o.buyer];
    const order = await insertOrder(ds, buyer, world.hall, placedAt, specs);
    ids.push(order.orderId);
    const part = (pct: number) =>
      order.lineIds
        .map((lineId, j) => ({ lineId, amount: Math.floor((specs[j].unitPrice * specs[j].quantity * pct) / 300) }))
        .filter((x) => x.amount > 0);
    // Agency orders can be refunded before they count (accepted), retail ones only after delivery.
    if (o.buyer === 'agency') {
      await deliver(ds, order.orderId, new Date(placedAt.getTime() + DAY));
      if (part(o.refundBefore).length)
        await refund(ds, order.orderId, part(o.refundBefore), new Date(placedAt.getTime() + 2 * DAY));
    }
    if (o.state === 'not-counted') {
      notCounted.push(order.orderId);
      continue;
    }
    await (o.buyer === 'agency' ? accept : deliver)(ds, order.orderId, countAt);
    if (o.state === 'attributed-then-refunded') await attribution.syncOrder(sys(), order.orderId);
    if (part(o.refundAfter).length)
      await refund(ds, order.orderId, part(o.refundAfter), new Date(countAt.getTime() + (10 + o.day) * DAY));
  }
  return { ids, notCounted };
}

/** Everything attribution stores for these orders, and the whole rollup tables, without ids or clock times. */
async function stored(ctx: RequestContext, ids: string[]) {
  const q = (sql: string) => db.manager(ctx).query(sql, [ids]) as Promise<unknown[]>;
  return {
    entries: await q(
      `SELECT order_id, order_line_id, supplier_id, product_id, event_key, beneficiary_kind, beneficiary_key, household_id, village_code,
              organization_id, region_code, lot_id, rule_id, rule_version, rule_kind, amount, period, occurred_at
         FROM attribution_entry WHERE order_id = ANY($1::uuid[]) ORDER BY order_line_id, event_key, beneficiary_key, lot_id`,
    ),
    lines: await q(
      `SELECT order_line_id, order_id, supplier_id, product_id, rule_id, rule_version, rule_kind, counted_at, period, quantity,
              line_total, gross_amount, uncapped_amount, capped, refunded_amount, attributed_amount
         FROM attribution_line WHERE order_id = ANY($1::uuid[]) ORDER BY order_line_id`,
    ),
    refunds: await q(
      `SELECT order_line_id, refund_id, order_id, amount, before_count, reversed_amount, occurred_at, period
         FROM attribution_refund WHERE order_id = ANY($1::uuid[]) ORDER BY order_line_id, refund_id`,
    ),
    monthly: await q(
      `SELECT beneficiary_key, period, product_id, beneficiary_kind, household_id, village_code, organization_id, supplier_id, region_code, amount
         FROM attribution_monthly WHERE $1::uuid[] IS NOT NULL ORDER BY 1, 2, 3`,
    ),
    households: await q(
      `SELECT household_id, period, region_code, status, amount FROM attribution_household_month WHERE $1::uuid[] IS NOT NULL ORDER BY 1, 2`,
    ),
    regions: await q(
      `SELECT region_code, period, household_amount, village_collective_amount, cooperative_amount, unassigned_amount, households_driven,
              ex_poverty_households_driven, monitored_households_driven
         FROM attribution_region_month WHERE $1::uuid[] IS NOT NULL ORDER BY 1, 2`,
    ),
  };
}

class RolledBack extends Error {
  constructor(readonly state: Awaited<ReturnType<typeof stored>>) {
    super('rolled back');
  }
}

/** What the per-order path writes for `ids` (one `syncOrder` each, in order), in a transaction rolled back. */
async function perOrder(ids: string[]) {
  try {
    await db.transaction(sys(), async (tx) => {
      for (const id of ids) await attribution.syncOrder(tx, id);
      throw new RolledBack(await stored(tx, ids));
    });
  } catch (e) {
    if (e instanceof RolledBack) return e.state;
    throw e;
  }
  throw new Error('unreachable');
}

/** Two retail orders of 3 units each (CONTRACT_PURCHASE, 100 fen a unit), placed on day `start` after 2025-01-01. */
function twoOrders(start: number): BatchSpec {
  const line = { product: 0, variant: 0, quantity: 3, weights: [1, 1, 0] as [number, number, number] };
  const order = {
    buyer: 'customer' as const,
    day: 1,
    lines: [line],
    refundBefore: 0,
    refundAfter: 0,
    state: 'new' as const,
  };
  return {
    rules: [
      { kind: 'CONTRACT_PURCHASE', perUnitPayout: 100 },
      { kind: 'WAGE', poolBp: 1000 },
    ],
    prices: [1000, 1000, 1000, 1000],
    lots: [[0, 1], [2], [], [], [], [], [], []],
    start,
    orders: [order, order],
  };
}

describe('attributeOrders: the batch path (Postgres)', () => {
  it('writes exactly the entries, lines, refunds and rollups the per-order path writes, and reconciles', async () => {
    let batches = 0;
    let lines = 0;
    await fc.assert(
      fc.asyncProperty(batchArb, fc.integer({ min: 0, max: 1000 }), async (b, seed) => {
        const { ids, notCounted } = await build(b);
        const expected = await perOrder(ids);
        // Any order, duplicates and an unknown id: the batch sorts, dedupes and skips.
        const unknown = '00000000-0000-4000-8000-000000000000';
        const asked = [...ids, ids[seed % ids.length], unknown].sort(
          (x, y) => ((x.charCodeAt(5) + seed) % 11) - ((y.charCodeAt(5) + seed) % 11),
        );
        const result = await attribution.attributeOrders(sys(), asked);
        const actual = await stored(sys(), ids);
        expect(actual).toEqual(expected);
        expect(result.orders).toBe(ids.length + 1);
        expect(result.unknown).toEqual([unknown]);
        expect([...result.notCounted].sort()).toEqual([...notCounted].sort());
        // Idempotent: the same batch again writes nothing.
        expect((await attribution.attributeOrders(sys(), ids)).entriesWritten).toBe(0);
        batches++;
        lines += result.linesAttributed;
      }),
      { numRuns: 30 },
    );
    expect(batches).toBe(30);
    expect(lines).toBeGreaterThan(30);
    const report = await server.app.get(ReconciliationService).reconcile(sys(), '2024-12', '2027-12');
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
  }, 300_000);

  it('the balance check still refuses a batch whose entries do not add up to their line', async () => {
    const { ids } = await build(twoOrders(10));
    // Entries are written after lines, in the same transaction: a trigger that lowers one entry
    // (a stand-in for a bug in the batch's arithmetic) must make the whole batch fail at commit.
    await ds.query(`CREATE FUNCTION batch_spec_tamper() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.event_key = 'COUNT' AND NEW.amount > 1 THEN NEW.amount := NEW.amount - 1; END IF; RETURN NEW; END $$`);
    await ds.query(
      `CREATE TRIGGER batch_spec_tamper BEFORE INSERT ON attribution_entry FOR EACH ROW EXECUTE FUNCTION batch_spec_tamper()`,
    );
    try {
      await expect(attribution.attributeOrders(sys(), ids)).rejects.toThrow(/ATTRIBUTION_UNBALANCED/);
    } finally {
      await ds.query(`DROP TRIGGER batch_spec_tamper ON attribution_entry`);
      await ds.query(`DROP FUNCTION batch_spec_tamper()`);
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM attribution_line WHERE order_id = ANY($1::uuid[])`, [
      ids,
    ]);
    expect(n).toBe(0);
  }, 60_000);

  it('`attribution:reconcile --repair` attributes what the consumer missed, in batches, then reconciles clean', async () => {
    // Orders that counted in 2027-03 with no attribution (as if the consumer had been down).
    const { ids } = await build({ ...twoOrders(800), orders: [...twoOrders(800).orders, ...twoOrders(800).orders] });
    const reader = (d: Db) => new SpecOrderFacts(d);
    const out: string[] = [];
    const window = ['--from', '2027-03', '--to', '2027-03'];
    expect(await runAttributionReconcile(ds, window, reader, (l) => out.push(l))).toBe(1);
    expect(out.join('\n')).toMatch(/MISSING_LINE/);
    out.length = 0;
    expect(await runAttributionReconcile(ds, [...window, '--repair', '--batch', '3'], reader, (l) => out.push(l))).toBe(
      0,
    );
    expect(out.join('\n')).toMatch(
      /attribution repair: 4 orders in 2 batch\(es\), 4 brought up to date, 4 lines and \d+ entries written/,
    );
    expect(out.join('\n')).toMatch(/no difference/);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM attribution_line WHERE order_id = ANY($1::uuid[])`, [
      ids,
    ]);
    expect(n).toBe(4);
  }, 60_000);
});
