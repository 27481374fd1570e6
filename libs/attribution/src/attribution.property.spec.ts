import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@bangfu/core';
import { allocate } from '@bangfu/money';
import type { TestServer } from '@bangfu/testing';
import { AttributionService } from './attribution.service';
import { refundedShare } from './engine';
import { type PropertyWorld, propertyWorld, ruleArb, ruleParams, type RuleSpec } from './property-fixtures';
import { ReconciliationService } from './reconciliation.service';
import {
  accept,
  type Buyer,
  deliver,
  insertOrder,
  lot,
  product,
  refund,
  rule,
  startAttributionServer,
  sys,
} from './test-helpers';

/**
 * Property-based, against real Postgres: random rules, orders, lots, shipment allocations and
 * partial refunds, attributed the way ordering would trigger it (same transaction, step by step),
 * late (one catch-up from the event consumer), or with the calls out of order.
 */

let server: TestServer;
let ds: DataSource;
let attribution: AttributionService;
let coop: { supplierId: string };
let households: string[];
let hall: string;
let buyers: { agency: Buyer; customer: Buyer };
let world: PropertyWorld;

const DAY = 86_400_000;

interface Scenario {
  rule: RuleSpec;
  laterVersion: boolean;
  buyer: 'agency' | 'customer';
  placedMinute: number;
  countAfterDays: number;
  lines: Array<{
    unitPrice: number;
    quantity: number;
    lots: Array<{ contributors: number[]; quantities: number[]; weight: number }>;
    uncoveredWeight: number;
    explicitNullRow: boolean;
  }>;
  refunds: Array<{ dayOffset: number; fractions: number[] }>;
  fullRefundAtEnd: boolean;
  mode: 'stepwise' | 'late' | 'shuffled';
  shuffleSeed: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  rule: ruleArb,
  laterVersion: fc.boolean(),
  buyer: fc.constantFrom('agency' as const, 'customer' as const),
  placedMinute: fc.integer({ min: 0, max: 500 * 24 * 60 }),
  countAfterDays: fc.integer({ min: 6, max: 40 }),
  lines: fc.array(
    fc.record({
      unitPrice: fc.integer({ min: 1, max: 50_000 }),
      quantity: fc.integer({ min: 1, max: 40 }),
      lots: fc.array(
        fc.record({
          contributors: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }),
          quantities: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
          weight: fc.integer({ min: 0, max: 10 }),
        }),
        { maxLength: 2 },
      ),
      uncoveredWeight: fc.integer({ min: 0, max: 3 }),
      explicitNullRow: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  refunds: fc.array(
    fc.record({
      dayOffset: fc.integer({ min: -5, max: 90 }),
      fractions: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
  fullRefundAtEnd: fc.boolean(),
  mode: fc.constantFrom('stepwise' as const, 'late' as const, 'shuffled' as const),
  shuffleSeed: fc.integer({ min: 0, max: 1000 }),
});

beforeAll(async () => {
  ({ server, ds } = await startAttributionServer());
  attribution = server.app.get(AttributionService);
  world = await propertyWorld(ds);
  ({ coop, households, hall, buyers } = world);
});
afterAll(() => server?.close());

interface RefundPlan {
  at: Date;
  lines: Array<{ lineId: string; amount: number }>;
  id?: string;
}

/** Builds the scenario's facts; returns what the checks need. */
async function build(s: Scenario) {
  const placedAt = new Date(Date.UTC(2025, 5, 1) + s.placedMinute * 60_000);
  const countAt = new Date(placedAt.getTime() + s.countAfterDays * DAY);
  const p = await product(
    ds,
    coop.supplierId,
    s.lines.map((l) => l.unitPrice),
    '梵净山抹茶',
  );
  const r = s.rule;
  const ruleInput = ruleParams(r, world);
  await rule(ds, {
    supplierId: coop.supplierId,
    productId: p.productId,
    kind: r.kind,
    effectiveFrom: new Date(placedAt.getTime() - DAY),
    ...ruleInput,
  });
  // A version taking effect after the order was placed must not apply to it.
  if (s.laterVersion)
    await rule(ds, {
      supplierId: coop.supplierId,
      productId: p.productId,
      kind: 'CONTRACT_PURCHASE',
      effectiveFrom: new Date(placedAt.getTime() + 60_000),
      perUnitPayout: 1,
    });

  const lineSpecs = [];
  for (const [i, l] of s.lines.entries()) {
    const variantId = p.variants[i].id;
    const lotIds: string[] = [];
    for (const spec of l.lots)
      lotIds.push(
        await lot(
          ds,
          variantId,
          spec.contributors.map((h, j) => ({ householdId: households[h], quantity: spec.quantities[j] })),
        ),
      );
    const weights = [...l.lots.map((x) => x.weight), l.uncoveredWeight];
    const split = weights.some((w) => w > 0)
      ? allocate(l.quantity, weights)
      : weights.map((_, j) => (j === weights.length - 1 ? l.quantity : 0));
    const allocations: Array<{ lotId: string | null; quantity: number }> = lotIds.map((lotId, j) => ({
      lotId,
      quantity: split[j],
    }));
    if (l.explicitNullRow) allocations.push({ lotId: null, quantity: split[split.length - 1] });
    lineSpecs.push({
      supplierId: coop.supplierId,
      productId: p.productId,
      variantId,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      allocations,
    });
  }
  const buyer = buyers[s.buyer];
  const order = await insertOrder(ds, buyer, hall, placedAt, lineSpecs);
  const totals = s.lines.map((l) => l.unitPrice * l.quantity);

  // Refund amounts: fractions of what each line still has; optionally everything at the end.
  const left = [...totals];
  const refunds: RefundPlan[] = [];
  const offsets = s.refunds
    .map((x) => (s.buyer === 'customer' ? Math.abs(x.dayOffset) : x.dayOffset))
    .sort((a, b) => a - b);
  s.refunds.forEach((x, k) => {
    const lines = order.lineIds.map((lineId, j) => ({ lineId, amount: Math.floor((left[j] * x.fractions[j]) / 100) }));
    lines.forEach((l, j) => (left[j] -= l.amount));
    if (lines.some((l) => l.amount > 0))
      refunds.push({
        at: new Date(countAt.getTime() + offsets[k] * DAY + (k + 1) * 1000),
        lines: lines.filter((l) => l.amount > 0),
      });
  });
  if (s.fullRefundAtEnd && left.some((x) => x > 0)) {
    refunds.push({
      at: new Date(countAt.getTime() + 95 * DAY),
      lines: order.lineIds.map((lineId, j) => ({ lineId, amount: left[j] })).filter((l) => l.amount > 0),
    });
  }
  return { placedAt, countAt, order, totals, refunds, buyer };
}

async function run(s: Scenario, b: Awaited<ReturnType<typeof build>>) {
  const db = server.app.get(Db);
  const pre = b.refunds.filter((r) => r.at < b.countAt);
  const post = b.refunds.filter((r) => r.at >= b.countAt);
  if (b.buyer.kind === 'AGENCY') await deliver(ds, b.order.orderId, new Date(b.placedAt.getTime() + 2 * 3600_000));
  for (const r of pre) {
    r.id = await refund(ds, b.order.orderId, r.lines, r.at);
    // Ordering calls this on every refund; before the order counts it has nothing to reverse.
    if (s.mode === 'stepwise')
      expect((await attribution.reverseRefund(sys(), b.order.orderId, r.id)).entriesWritten).toBe(0);
  }
  const count = () =>
    b.buyer.kind === 'AGENCY' ? accept(ds, b.order.orderId, b.countAt) : deliver(ds, b.order.orderId, b.countAt);
  if (s.mode === 'stepwise') {
    // As ordering would: in the transaction of each move.
    await count();
    await db.transaction(sys(), (tx) => attribution.attributeOrder(tx, b.order.orderId));
    for (const r of post) {
      r.id = await refund(ds, b.order.orderId, r.lines, r.at);
      await db.transaction(sys(), (tx) => attribution.reverseRefund(tx, b.order.orderId, r.id as string, r.lines));
    }
    return;
  }
  await count();
  for (const r of post) r.id = await refund(ds, b.order.orderId, r.lines, r.at);
  if (s.mode === 'late') {
    await attribution.syncOrder(sys(), b.order.orderId);
    return;
  }
  // Out of order: refunds' calls first (in a shuffled order), the count's call last.
  const ids = b.refunds
    .map((r) => r.id as string)
    .sort((x, y) => ((x.charCodeAt(3) + s.shuffleSeed) % 7) - ((y.charCodeAt(3) + s.shuffleSeed) % 7));
  for (const id of ids) await attribution.reverseRefund(sys(), b.order.orderId, id);
  await attribution.attributeOrder(sys(), b.order.orderId);
}

async function check(s: Scenario, b: Awaited<ReturnType<typeof build>>) {
  const lines: Array<Record<string, any>> = await ds.query(`SELECT * FROM attribution_line WHERE order_id = $1`, [
    b.order.orderId,
  ]);
  expect(lines.length).toBe(b.order.lineIds.length);
  for (const [j, lineId] of b.order.lineIds.entries()) {
    const l = lines.find((x) => x.order_line_id === lineId)!;
    const L = b.totals[j];
    const gross = Number(l.gross_amount);
    const refunds = b.refunds
      .map((r) => ({ at: r.at, id: r.id as string, amount: r.lines.find((x) => x.lineId === lineId)?.amount ?? 0 }))
      .filter((r) => r.amount > 0);
    const refundedTotal = refunds.reduce((a, r) => a + r.amount, 0);
    const preTotal = refunds.filter((r) => r.at < b.countAt).reduce((a, r) => a + r.amount, 0);

    expect(l.rule_version).toBe(1);
    expect(gross).toBeLessThanOrEqual(L);
    if (s.rule.kind === 'CONTRACT_PURCHASE') {
      expect(gross).toBe(Math.min(s.rule.perUnitPayout * s.lines[j].quantity, L));
      expect(l.capped).toBe(s.rule.perUnitPayout * s.lines[j].quantity > L);
    }
    if (s.rule.kind === 'REVENUE_SHARE') {
      const [h, v, c] = allocate(L, [s.rule.h, s.rule.v, s.rule.c, 10_000 - s.rule.h - s.rule.v - s.rule.c]);
      expect(gross).toBe(h + v + c);
    }

    const entries: Array<{ event_key: string; beneficiary_key: string; lot_id: string | null; amount: string }> =
      await ds.query(
        `SELECT event_key, beneficiary_key, lot_id, amount FROM attribution_entry WHERE order_line_id = $1`,
        [lineId],
      );
    const sumOf = (xs: typeof entries) => xs.reduce((a, e) => a + Number(e.amount), 0);
    // The parts always sum exactly: per event, and for the line.
    expect(sumOf(entries.filter((e) => e.event_key === 'COUNT'))).toBe(gross - refundedShare(gross, preTotal, L));
    let before = preTotal;
    for (const r of refunds.filter((x) => x.at >= b.countAt).sort((x, y) => x.at.getTime() - y.at.getTime())) {
      const taken = refundedShare(gross, before + r.amount, L) - refundedShare(gross, before, L);
      expect(sumOf(entries.filter((e) => e.event_key === `REFUND:${r.id}`)) + taken).toBe(0);
      before += r.amount;
    }
    expect(sumOf(entries)).toBe(Number(l.attributed_amount));
    expect(Number(l.attributed_amount)).toBe(gross - refundedShare(gross, refundedTotal, L));
    expect(Number(l.refunded_amount)).toBe(refundedTotal);
    // No beneficiary ever below zero; a full refund restores every one of them to exactly zero.
    const perSlot = new Map<string, number>();
    for (const e of entries)
      perSlot.set(
        `${e.beneficiary_key}|${e.lot_id}`,
        (perSlot.get(`${e.beneficiary_key}|${e.lot_id}`) ?? 0) + Number(e.amount),
      );
    for (const v of perSlot.values()) expect(v).toBeGreaterThanOrEqual(0);
    if (refundedTotal === L) expect([...perSlot.values()].every((v) => v === 0)).toBe(true);
  }
  // Idempotent: one more catch-up writes nothing.
  expect((await attribution.syncOrder(sys(), b.order.orderId)).entriesWritten).toBe(0);
}

describe('attribution over random orders, rules, lots and partial refunds (Postgres)', () => {
  it('parts sum exactly, reversals restore zero, every path writes the same, and reconciliation finds no difference', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const b = await build(s);
        await run(s, b);
        await check(s, b);
      }),
      { numRuns: 40 },
    );
    const report = await server.app.get(ReconciliationService).reconcile(sys(), '2025-01', '2027-12');
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.linesChecked).toBeGreaterThanOrEqual(40);
    expect(report.expectedAmount).toBe(report.storedAmount);
  }, 240_000);

  it('reconciliation of single months agrees too (entries and rollups split by period)', async () => {
    const months = await ds.query(`SELECT DISTINCT period FROM attribution_entry ORDER BY period`);
    expect(months.length).toBeGreaterThan(1);
    for (const { period } of months.slice(0, 6)) {
      const report = await server.app.get(ReconciliationService).reconcile(sys(), period, period);
      expect(report.differences).toEqual([]);
    }
  }, 120_000);
});
