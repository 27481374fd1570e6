import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '@bangfu/money';
import {
  AttributionKind,
  BeneficiaryKind,
  grossAttribution,
  type LineFacts,
  type Part,
  planLine,
  refundedShare,
  refundStep,
  ruleInForce,
  type RuleFacts,
  slotKey,
  subtractParts,
  unitsOf,
  type WorldFacts,
} from './engine';
import { parseRange, periodOf } from './periods';

const HOUSEHOLDS = ['h-1', 'h-2', 'h-3', 'h-4', 'h-5'];
const LOTS = ['lot-a', 'lot-b', 'lot-c'];
const SUPPLIER = 's-1';
const sum = (parts: readonly Part[]) => parts.reduce((a, p) => a + p.amount, 0);

function world(contributions: Record<string, Array<{ householdId: string; quantity: number }>>): WorldFacts {
  return {
    lots: new Map(Object.entries(contributions)),
    households: new Map(
      HOUSEHOLDS.map((id, i) => [
        id,
        { id, villageCode: `52062110100${i}`, status: i % 2 ? 'EX_POVERTY' : 'ORDINARY' },
      ]),
    ),
    suppliers: new Map([
      [
        SUPPLIER,
        {
          id: SUPPLIER,
          countyCode: '520621000000',
          linkages: [
            {
              id: 'l-1',
              householdId: 'h-1',
              villageCode: null,
              type: 'WAGE',
              shareBp: 3000,
              validFrom: '2020-01-01',
              validTo: null,
            },
            {
              id: 'l-2',
              householdId: 'h-2',
              villageCode: null,
              type: 'WAGE',
              shareBp: 4500,
              validFrom: '2020-01-01',
              validTo: null,
            },
            {
              id: 'l-3',
              householdId: null,
              villageCode: '520621101001',
              type: 'WAGE',
              shareBp: 2000,
              validFrom: '2020-01-01',
              validTo: null,
            },
            {
              id: 'l-4',
              householdId: 'h-3',
              villageCode: null,
              type: 'DIVIDEND',
              shareBp: 10000,
              validFrom: '2020-01-01',
              validTo: '2020-12-31',
            },
          ],
        },
      ],
    ]),
  };
}

const baseRule = (kind: AttributionKind, extra: Partial<RuleFacts> = {}): RuleFacts => ({
  id: `r-${kind}`,
  supplierId: SUPPLIER,
  productId: 'p-1',
  version: 1,
  effectiveFrom: new Date('2025-01-01T00:00:00Z'),
  kind,
  perUnitPayout: null,
  householdsBp: 0,
  villageCollectiveBp: 0,
  cooperativeBp: 0,
  poolBp: 0,
  villageCode: null,
  cooperativeOrgId: null,
  ...extra,
});

/** Random rules of every kind, including payouts above the unit price (capped). */
const ruleArb: fc.Arbitrary<RuleFacts> = fc.oneof(
  fc
    .integer({ min: 1, max: 50_000 })
    .map((perUnitPayout) => baseRule(AttributionKind.CONTRACT_PURCHASE, { perUnitPayout })),
  fc
    .tuple(
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 10_000 }),
    )
    .filter(([h, v, c]) => h + v + c > 0 && h + v + c <= 10_000)
    .map(([h, v, c]) =>
      baseRule(AttributionKind.REVENUE_SHARE, {
        householdsBp: h,
        villageCollectiveBp: v,
        cooperativeBp: c,
        villageCode: v ? '520621101002' : null,
        cooperativeOrgId: c ? SUPPLIER : null,
      }),
    ),
  fc.integer({ min: 1, max: 10_000 }).map((poolBp) => baseRule(AttributionKind.WAGE, { poolBp })),
  fc.integer({ min: 1, max: 10_000 }).map((poolBp) => baseRule(AttributionKind.DIVIDEND, { poolBp })),
);

const contributionsArb = fc.record(
  Object.fromEntries(
    LOTS.map((lot) => [
      lot,
      fc.array(fc.record({ householdId: fc.constantFrom(...HOUSEHOLDS), quantity: fc.integer({ min: 1, max: 500 }) }), {
        maxLength: 4,
      }),
    ]),
  ),
) as fc.Arbitrary<Record<string, Array<{ householdId: string; quantity: number }>>>;

const lineArb: fc.Arbitrary<LineFacts> = fc
  .record({
    quantity: fc.integer({ min: 1, max: 10_000 }),
    unitPrice: fc.integer({ min: 1, max: 2_000_000 }),
    shares: fc.array(fc.tuple(fc.constantFrom<string | null>(...LOTS, null), fc.integer({ min: 0, max: 100 })), {
      maxLength: 4,
    }),
  })
  .map(({ quantity, unitPrice, shares }) => {
    // Spread the shipped quantity over lots in the drawn proportions; the rest is uncovered.
    const weights = shares.map(([, w]) => w);
    const total = weights.reduce((a, b) => a + b, 0);
    const parts = total > 0 ? allocate(Math.floor(quantity * 0.9), weights) : [];
    return {
      id: 'line-1',
      orderId: 'order-1',
      supplierId: SUPPLIER,
      productId: 'p-1',
      quantity,
      lineTotal: quantity * unitPrice,
      allocations: shares.map(([lotId], i) => ({ lotId, quantity: parts[i] })),
    };
  });

/** Refunds: amounts that never exceed the line total in sum. */
const refundsArb = (lineTotal: number) =>
  fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 5 }).map((ws) => {
    let left = lineTotal;
    return ws
      .map((w) => {
        const amount = Math.min(left, Math.max(1, Math.floor((lineTotal * w) / 25_000)));
        left -= amount;
        return amount;
      })
      .filter((a) => a > 0);
  });

describe('grossAttribution', () => {
  it('parts are non-negative integers that sum exactly to the attributed amount, never above the line total', () => {
    fc.assert(
      fc.property(ruleArb, lineArb, contributionsArb, (rule, line, contributions) => {
        const g = grossAttribution(rule, line, world(contributions), '2026-03-01');
        expect(sum(g.parts)).toBe(g.gross);
        expect(g.gross).toBeLessThanOrEqual(line.lineTotal);
        for (const p of g.parts) expect(Number.isSafeInteger(p.amount) && p.amount > 0).toBe(true);
        expect(new Set(g.parts.map(slotKey)).size).toBe(g.parts.length);
        if (rule.kind === AttributionKind.CONTRACT_PURCHASE) {
          expect(g.uncapped).toBe((rule.perUnitPayout as number) * line.quantity);
          expect(g.gross).toBe(Math.min(g.uncapped, line.lineTotal));
        }
        if (rule.kind === AttributionKind.REVENUE_SHARE) {
          const [h, v, c] = allocate(line.lineTotal, [
            rule.householdsBp,
            rule.villageCollectiveBp,
            rule.cooperativeBp,
            10_000 - rule.householdsBp - rule.villageCollectiveBp - rule.cooperativeBp,
          ]);
          expect(g.gross).toBe(h + v + c);
          expect(sum(g.parts.filter((p) => p.kind === BeneficiaryKind.VILLAGE_COLLECTIVE))).toBe(v);
          expect(sum(g.parts.filter((p) => p.kind === BeneficiaryKind.COOPERATIVE))).toBe(c);
          expect(
            sum(g.parts.filter((p) => p.kind === BeneficiaryKind.HOUSEHOLD || p.kind === BeneficiaryKind.UNASSIGNED)),
          ).toBe(h);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('households of a lot get its share in proportion to what they contributed; uncovered units go to UNASSIGNED', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        lineArb,
        contributionsArb,
        (perUnitPayout, line, contributions) => {
          const w = world(contributions);
          const rule = baseRule(AttributionKind.CONTRACT_PURCHASE, { perUnitPayout });
          const g = grossAttribution(rule, line, w, '2026-03-01');
          const units = unitsOf(line);
          const perLot = allocate(
            g.gross,
            units.map((u) => u.quantity),
          );
          units.forEach((u, i) => {
            const ofLot = g.parts.filter((p) => p.lotId === u.lotId);
            expect(sum(ofLot)).toBe(perLot[i]);
            const contributed = u.lotId ? (contributions[u.lotId] ?? []) : [];
            if (contributed.length === 0) expect(ofLot.every((p) => p.kind === BeneficiaryKind.UNASSIGNED)).toBe(true);
            else expect(ofLot.every((p) => p.kind === BeneficiaryKind.HOUSEHOLD)).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('WAGE pools by the linkages’ shares (households and village collective); expired linkages take nothing', () => {
    const w = world({});
    const line: LineFacts = {
      id: 'l',
      orderId: 'o',
      supplierId: SUPPLIER,
      productId: 'p-1',
      quantity: 3,
      lineTotal: 100_001,
      allocations: [],
    };
    const g = grossAttribution(baseRule(AttributionKind.WAGE, { poolBp: 2000 }), line, w, '2026-03-01');
    const [pool] = allocate(100_001, [2000, 8000]);
    const split = allocate(pool, [3000, 4500, 2000, 500]);
    expect(g.parts.map((p) => [p.key, p.amount])).toEqual([
      ['HOUSEHOLD:h-1', split[0]],
      ['HOUSEHOLD:h-2', split[1]],
      ['VILLAGE_COLLECTIVE:520621101001', split[2]],
    ]);
    // The only DIVIDEND linkage ended in 2020: the pool waits in the supplier's unassigned bucket.
    const d = grossAttribution(baseRule(AttributionKind.DIVIDEND, { poolBp: 1000 }), line, w, '2026-03-01');
    expect(d.parts).toEqual([
      expect.objectContaining({ kind: BeneficiaryKind.UNASSIGNED, amount: allocate(100_001, [1000, 9000])[0] }),
    ]);
  });
});

describe('refunds', () => {
  it('refundedShare is the two-way largest remainder split, exact for large amounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (gross, lineTotal, pct) => {
          const refunded = Math.floor((lineTotal * pct) / 100);
          expect(refundedShare(gross, refunded, lineTotal)).toBe(
            refunded === 0 || gross === 0 ? 0 : allocate(gross, [refunded, lineTotal - refunded])[0],
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('each step takes back exactly its proportional amount, never below zero; a full refund restores zero', () => {
    fc.assert(
      fc.property(
        ruleArb,
        lineArb.chain((line) => fc.tuple(fc.constant(line), refundsArb(line.lineTotal), fc.boolean())),
        contributionsArb,
        (rule, [line, refunds, full], contributions) => {
          const g = grossAttribution(rule, line, world(contributions), '2026-03-01');
          const amounts = [...refunds];
          const refundedSoFar = amounts.reduce((a, b) => a + b, 0);
          if (full && refundedSoFar < line.lineTotal) amounts.push(line.lineTotal - refundedSoFar);
          let remaining = g.parts;
          let refunded = 0;
          for (const amount of amounts) {
            const taken = refundStep(remaining, g.gross, line.lineTotal, refunded, refunded + amount);
            expect(sum(taken)).toBe(
              refundedShare(g.gross, refunded + amount, line.lineTotal) -
                refundedShare(g.gross, refunded, line.lineTotal),
            );
            remaining = subtractParts(remaining, taken);
            refunded += amount;
            for (const p of remaining) expect(p.amount).toBeGreaterThanOrEqual(0);
            expect(sum(remaining)).toBe(g.gross - refundedShare(g.gross, refunded, line.lineTotal));
          }
          if (refunded === line.lineTotal) expect(remaining.every((p) => p.amount === 0)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('planLine: what remains depends on the refunded total only, whether refunds came before or after the line counted', () => {
    const counted = new Date('2026-03-15T04:00:00Z');
    fc.assert(
      fc.property(
        ruleArb,
        lineArb.chain((line) => fc.tuple(fc.constant(line), refundsArb(line.lineTotal))),
        contributionsArb,
        fc.array(fc.integer({ min: -90, max: 90 }), { minLength: 5, maxLength: 5 }),
        (rule, [line, amounts], contributions, days) => {
          const w = world(contributions);
          const refunds = amounts.map((amount, i) => ({
            refundId: `re-${i}`,
            amount,
            occurredAt: new Date(counted.getTime() + days[i] * 86_400_000 + i),
          }));
          const plan = planLine(line, rule, w, counted, refunds);
          const total = amounts.reduce((a, b) => a + b, 0);
          expect(plan.attributed).toBe(plan.gross - refundedShare(plan.gross, total, line.lineTotal));
          const count = plan.events.find((e) => e.eventKey === 'COUNT')!;
          const after = plan.events.filter((e) => e.eventKey !== 'COUNT');
          expect(sum(count.parts) + after.reduce((a, e) => a + sum(e.parts), 0)).toBe(plan.attributed);
          expect(count.period).toBe(periodOf(counted));
          for (const e of after) {
            expect(e.parts.every((p) => p.amount < 0)).toBe(true);
            expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(counted.getTime());
          }
          expect(
            plan.refunds.filter((r) => r.beforeCount).every((r) => r.occurredAt < counted && r.reversed === 0),
          ).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rule versions and periods', () => {
  it('a line uses the product’s version in force when it was placed, else the supplier default', () => {
    const v1 = {
      ...baseRule(AttributionKind.CONTRACT_PURCHASE, { perUnitPayout: 100 }),
      id: 'v1',
      effectiveFrom: new Date('2026-01-01T00:00:00+08:00'),
    };
    const v2 = { ...v1, id: 'v2', version: 2, effectiveFrom: new Date('2026-03-01T00:00:00+08:00') };
    const def = {
      ...baseRule(AttributionKind.REVENUE_SHARE, { householdsBp: 100 }),
      id: 'd1',
      productId: null,
      effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
    };
    const rules = [v1, v2, def];
    expect(ruleInForce(rules, SUPPLIER, 'p-1', new Date('2025-12-31T23:59:59+08:00'))?.id).toBe('d1');
    expect(ruleInForce(rules, SUPPLIER, 'p-1', new Date('2026-02-28T23:59:59+08:00'))?.id).toBe('v1');
    expect(ruleInForce(rules, SUPPLIER, 'p-1', new Date('2026-03-01T00:00:00+08:00'))?.id).toBe('v2');
    expect(ruleInForce(rules, SUPPLIER, 'p-other', new Date('2026-03-05T00:00:00+08:00'))?.id).toBe('d1');
    expect(ruleInForce(rules, 's-other', 'p-1', new Date('2026-03-05T00:00:00+08:00'))).toBeNull();
  });

  it('periods are Asia/Shanghai months', () => {
    expect(periodOf(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01');
    expect(periodOf(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02');
    expect(parseRange('2026-01', '2026-02')).toMatchObject({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-02-28T16:00:00Z'),
      fromPeriod: '2026-01',
      toPeriod: '2026-02',
    });
    expect(parseRange('2026-12-01', '2026-12-31')).toMatchObject({ fromPeriod: '2026-12', toPeriod: '2026-12' });
    expect(() => parseRange('2026-13', '2026-14')).toThrow(/month/);
    expect(() => parseRange('2026-02', '2026-01')).toThrow(/after/);
  });
});
