import { registerEnumType } from '@nestjs/graphql';
import { allocate, type Fen } from '@bangfu/money';
import { periodOf, shanghaiDate } from './periods';

/**
 * The attribution arithmetic as pure functions of facts (order lines, shipment allocations, lot
 * contributions, rules, linkages). The service applies them when a line counts and when a refund
 * arrives; reconciliation applies them again from scratch and compares. Every split is largest
 * remainder (`allocate`), so parts always sum exactly to the whole.
 */

export enum AttributionKind {
  /** 订单收购: a fixed payout per unit to the households whose lots shipped. */
  CONTRACT_PURCHASE = 'CONTRACT_PURCHASE',
  /** Percentages of the line's net revenue to households, the village collective and the cooperative. */
  REVENUE_SHARE = 'REVENUE_SHARE',
  /** 务工: a share of net revenue pooled for the period and distributed by the WAGE linkages' shares. */
  WAGE = 'WAGE',
  /** 入股分红: as WAGE, by the DIVIDEND linkages' shares. */
  DIVIDEND = 'DIVIDEND',
}

export enum BeneficiaryKind {
  HOUSEHOLD = 'HOUSEHOLD',
  VILLAGE_COLLECTIVE = 'VILLAGE_COLLECTIVE',
  COOPERATIVE = 'COOPERATIVE',
  /** Shipped units no lot covers (or a lot without contributions): income not yet traced to households. */
  UNASSIGNED = 'UNASSIGNED',
}

registerEnumType(AttributionKind, {
  name: 'AttributionKind',
  description: 'CONTRACT_PURCHASE (订单收购), REVENUE_SHARE, WAGE (务工), DIVIDEND (入股分红)',
});
registerEnumType(BeneficiaryKind, {
  name: 'BeneficiaryKind',
  description: 'Who received attributed income; UNASSIGNED: units not covered by a lot',
});

export const BASIS_POINTS = 10_000;
export const COUNT_EVENT = 'COUNT';
export const refundEventKey = (refundId: string) => `REFUND:${refundId}`;

export interface RuleFacts {
  id: string;
  supplierId: string;
  /** null: the supplier's default rule. */
  productId: string | null;
  version: number;
  effectiveFrom: Date;
  kind: AttributionKind;
  perUnitPayout: Fen | null;
  householdsBp: number;
  villageCollectiveBp: number;
  cooperativeBp: number;
  poolBp: number;
  villageCode: string | null;
  cooperativeOrgId: string | null;
}

export interface LinkageFacts {
  id: string;
  householdId: string | null;
  villageCode: string | null;
  type: string;
  shareBp: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface SupplierFacts {
  id: string;
  countyCode: string;
  linkages: LinkageFacts[];
}

export interface HouseholdFacts {
  id: string;
  villageCode: string;
  status: string;
}

export interface LineFacts {
  id: string;
  orderId: string;
  supplierId: string;
  productId: string;
  quantity: number;
  lineTotal: Fen;
  /** Shipped units per lot (lotId null: not covered by a lot). */
  allocations: Array<{ lotId: string | null; quantity: number }>;
}

/** Lookups the arithmetic needs besides the line itself. */
export interface WorldFacts {
  /** Contributions per lot: household and quantity. */
  lots: Map<string, Array<{ householdId: string; quantity: number }>>;
  households: Map<string, HouseholdFacts>;
  suppliers: Map<string, SupplierFacts>;
}

export interface Beneficiary {
  kind: BeneficiaryKind;
  /** Stable identity across entries and rollups, e.g. HOUSEHOLD:<uuid>. */
  key: string;
  householdId: string | null;
  villageCode: string | null;
  organizationId: string | null;
  /** Region the income counts in: the household's or collective's village, the supplier's county otherwise. */
  regionCode: string;
}

/** An amount for one beneficiary from one lot (a "slot" of a line's attribution). */
export interface Part extends Beneficiary {
  lotId: string | null;
  amount: Fen;
}

export const slotKey = (p: Pick<Part, 'key' | 'lotId'>) => `${p.key}|${p.lotId ?? '-'}`;

export function householdBeneficiary(h: HouseholdFacts): Beneficiary {
  return {
    kind: BeneficiaryKind.HOUSEHOLD,
    key: `HOUSEHOLD:${h.id}`,
    householdId: h.id,
    villageCode: h.villageCode,
    organizationId: null,
    regionCode: h.villageCode,
  };
}

export function villageBeneficiary(villageCode: string): Beneficiary {
  return {
    kind: BeneficiaryKind.VILLAGE_COLLECTIVE,
    key: `VILLAGE_COLLECTIVE:${villageCode}`,
    householdId: null,
    villageCode,
    organizationId: null,
    regionCode: villageCode,
  };
}

export function cooperativeBeneficiary(organizationId: string, countyCode: string): Beneficiary {
  return {
    kind: BeneficiaryKind.COOPERATIVE,
    key: `COOPERATIVE:${organizationId}`,
    householdId: null,
    villageCode: null,
    organizationId,
    regionCode: countyCode,
  };
}

export function unassignedBeneficiary(supplier: Pick<SupplierFacts, 'id' | 'countyCode'>): Beneficiary {
  return {
    kind: BeneficiaryKind.UNASSIGNED,
    key: `UNASSIGNED:${supplier.id}`,
    householdId: null,
    villageCode: null,
    organizationId: supplier.id,
    regionCode: supplier.countyCode,
  };
}

/** The rule version in force for a product at an instant: the product's own rule, else the supplier default. */
export function ruleInForce<R extends Pick<RuleFacts, 'supplierId' | 'productId' | 'effectiveFrom' | 'version'>>(
  rules: readonly R[],
  supplierId: string,
  productId: string,
  at: Date,
): R | null {
  const pick = (candidates: R[]) =>
    candidates
      .filter((r) => r.effectiveFrom.getTime() <= at.getTime())
      .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.version - a.version)[0] ?? null;
  const own = rules.filter((r) => r.supplierId === supplierId && r.productId === productId);
  return pick(own) ?? pick(rules.filter((r) => r.supplierId === supplierId && r.productId === null));
}

/** Shipped units grouped per lot, lots in id order and uncovered units (lot null) last. */
export function unitsOf(
  line: Pick<LineFacts, 'quantity' | 'allocations'>,
): Array<{ lotId: string | null; quantity: number }> {
  const byLot = new Map<string | null, number>();
  for (const a of line.allocations) if (a.quantity > 0) byLot.set(a.lotId, (byLot.get(a.lotId) ?? 0) + a.quantity);
  const covered = [...byLot.values()].reduce((a, b) => a + b, 0);
  if (covered < line.quantity) byLot.set(null, (byLot.get(null) ?? 0) + line.quantity - covered);
  return [...byLot.entries()]
    .map(([lotId, quantity]) => ({ lotId, quantity }))
    .sort((a, b) =>
      a.lotId === b.lotId ? 0 : a.lotId === null ? 1 : b.lotId === null ? -1 : a.lotId < b.lotId ? -1 : 1,
    );
}

/** Splits an amount over the shipped units, then each lot's part over its contributing households. */
export function toHouseholds(amount: Fen, line: LineFacts, supplier: SupplierFacts, world: WorldFacts): Part[] {
  if (amount === 0) return [];
  const units = unitsOf(line);
  const perLot = allocate(
    amount,
    units.map((u) => u.quantity),
  );
  const parts: Part[] = [];
  units.forEach((u, i) => {
    if (perLot[i] === 0) return;
    const contributions = u.lotId
      ? [...(world.lots.get(u.lotId) ?? [])].sort((a, b) => (a.householdId < b.householdId ? -1 : 1))
      : [];
    if (contributions.length === 0) {
      parts.push({ ...unassignedBeneficiary(supplier), lotId: u.lotId, amount: perLot[i] });
      return;
    }
    const perHousehold = allocate(
      perLot[i],
      contributions.map((c) => c.quantity),
    );
    contributions.forEach((c, j) => {
      const h = world.households.get(c.householdId);
      if (!h) throw new Error(`household ${c.householdId} of lot ${u.lotId} was not loaded`);
      parts.push({ ...householdBeneficiary(h), lotId: u.lotId, amount: perHousehold[j] });
    });
  });
  return parts;
}

/** Sums parts of the same beneficiary and lot, drops zeros, and orders them stably. */
export function mergeParts(parts: Part[]): Part[] {
  const merged = new Map<string, Part>();
  for (const p of parts) {
    const k = slotKey(p);
    const seen = merged.get(k);
    if (seen) seen.amount += p.amount;
    else merged.set(k, { ...p });
  }
  return [...merged.values()]
    .filter((p) => p.amount !== 0)
    .sort((a, b) => (slotKey(a) < slotKey(b) ? -1 : slotKey(a) > slotKey(b) ? 1 : 0));
}

export interface GrossAttribution {
  /** What the line attributes before any refund (never more than the line total). */
  gross: Fen;
  /** What the rule asked for; above `gross` when capped at the line's revenue. */
  uncapped: Fen;
  parts: Part[];
}

const linkageActive = (l: LinkageFacts, day: string) => l.validFrom <= day && (l.validTo === null || l.validTo >= day);

/** A line's attribution before refunds, per its rule. `countedDay` (YYYY-MM-DD) picks the linkages in force. */
export function grossAttribution(
  rule: RuleFacts | null,
  line: LineFacts,
  world: WorldFacts,
  countedDay: string,
): GrossAttribution {
  if (!rule) return { gross: 0, uncapped: 0, parts: [] };
  const supplier = world.suppliers.get(line.supplierId);
  if (!supplier) throw new Error(`supplier ${line.supplierId} was not loaded`);
  const L = line.lineTotal;
  switch (rule.kind) {
    case AttributionKind.CONTRACT_PURCHASE: {
      const uncapped = (rule.perUnitPayout ?? 0) * line.quantity;
      if (!Number.isSafeInteger(uncapped)) throw new Error('per-unit payout overflows');
      const gross = Math.min(uncapped, L);
      return { gross, uncapped, parts: mergeParts(toHouseholds(gross, line, supplier, world)) };
    }
    case AttributionKind.REVENUE_SHARE: {
      const kept = BASIS_POINTS - rule.householdsBp - rule.villageCollectiveBp - rule.cooperativeBp;
      const [h, v, c] = allocate(L, [
        rule.householdsBp,
        rule.villageCollectiveBp,
        rule.cooperativeBp,
        Math.max(0, kept),
      ]);
      const parts = toHouseholds(h, line, supplier, world);
      if (v > 0 && rule.villageCode) parts.push({ ...villageBeneficiary(rule.villageCode), lotId: null, amount: v });
      if (c > 0 && rule.cooperativeOrgId)
        parts.push({ ...cooperativeBeneficiary(rule.cooperativeOrgId, supplier.countyCode), lotId: null, amount: c });
      const merged = mergeParts(parts);
      const gross = merged.reduce((a, p) => a + p.amount, 0);
      return { gross, uncapped: gross, parts: merged };
    }
    case AttributionKind.WAGE:
    case AttributionKind.DIVIDEND: {
      const [pool] = allocate(L, [rule.poolBp, BASIS_POINTS - rule.poolBp]);
      const linkages = supplier.linkages
        .filter((l) => l.type === rule.kind && (l.shareBp ?? 0) > 0 && linkageActive(l, countedDay))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      let parts: Part[];
      if (pool === 0) parts = [];
      else if (linkages.length === 0) parts = [{ ...unassignedBeneficiary(supplier), lotId: null, amount: pool }];
      else {
        const shares = linkages.map((l) => l.shareBp as number);
        const total = shares.reduce((a, b) => a + b, 0);
        // Shares below 100% leave the rest of the pool with the supplier; above 100% they are normalised.
        const split = allocate(pool, [...shares, Math.max(0, BASIS_POINTS - total)]);
        parts = linkages.map((l, i) => {
          let who: Beneficiary;
          if (l.householdId) {
            const h = world.households.get(l.householdId);
            if (!h) throw new Error(`household ${l.householdId} of linkage ${l.id} was not loaded`);
            who = householdBeneficiary(h);
          } else {
            who = villageBeneficiary(l.villageCode as string);
          }
          return { ...who, lotId: null, amount: split[i] };
        });
      }
      const merged = mergeParts(parts);
      const gross = merged.reduce((a, p) => a + p.amount, 0);
      return { gross, uncapped: gross, parts: merged };
    }
    default:
      throw new Error(`unknown attribution kind ${String(rule.kind)}`);
  }
}

/** The part of `gross` that `refunded` of `lineTotal` takes back: gross × refunded / lineTotal, half rounded up, exact. */
export function refundedShare(gross: Fen, refunded: Fen, lineTotal: Fen): Fen {
  if (refunded <= 0 || gross === 0) return 0;
  if (refunded >= lineTotal) return gross;
  const num = BigInt(gross) * BigInt(refunded);
  const den = BigInt(lineTotal);
  const q = num / den;
  return Number(2n * (num % den) >= den ? q + 1n : q);
}

/**
 * What a refund moving a line's refunded total from `before` to `after` takes back from each
 * remaining part (positive amounts). The line-level amount is proportional and cumulative, so a
 * full refund takes back exactly what remains; it is split over the remaining parts by largest
 * remainder, which never takes a part below zero.
 */
export function refundStep(remaining: readonly Part[], gross: Fen, lineTotal: Fen, before: Fen, after: Fen): Part[] {
  const take = refundedShare(gross, after, lineTotal) - refundedShare(gross, before, lineTotal);
  if (take <= 0) return [];
  const live = remaining.filter((p) => p.amount > 0);
  if (live.length === 0) throw new Error('nothing left to reverse');
  const split = allocate(
    take,
    live.map((p) => p.amount),
  );
  return live.map((p, i) => ({ ...p, amount: split[i] })).filter((p) => p.amount > 0);
}

/** Subtracts taken parts from remaining ones (by slot). */
export function subtractParts(remaining: readonly Part[], taken: readonly Part[]): Part[] {
  const out = remaining.map((p) => ({ ...p }));
  for (const t of taken) {
    const p = out.find((r) => slotKey(r) === slotKey(t));
    if (!p) throw new Error(`no remaining part ${slotKey(t)}`);
    p.amount -= t.amount;
  }
  return out;
}

export interface RefundFacts {
  refundId: string;
  occurredAt: Date;
  /** This line's part of the refund. */
  amount: Fen;
}

export interface PlannedEvent {
  eventKey: string;
  refundId: string | null;
  occurredAt: Date;
  period: string;
  /** Signed: positive when the line counts, negative for reversals. */
  parts: Part[];
}

export interface PlannedRefund {
  refundId: string;
  amount: Fen;
  beforeCount: boolean;
  reversed: Fen;
  occurredAt: Date;
  period: string;
}

export interface PlannedLine {
  line: LineFacts;
  rule: RuleFacts | null;
  countedAt: Date;
  period: string;
  gross: Fen;
  uncapped: Fen;
  capped: boolean;
  /** Refunded of the line so far. */
  refunded: Fen;
  /** Net attributed after every refund. */
  attributed: Fen;
  events: PlannedEvent[];
  refunds: PlannedRefund[];
  /** What remains per slot after every refund. */
  remaining: Part[];
}

const byTimeThenId = (a: RefundFacts, b: RefundFacts) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.refundId < b.refundId ? -1 : a.refundId > b.refundId ? 1 : 0);

/**
 * A counted line from scratch: refunds before it counted reduce what it attributes (the COUNT
 * event carries the net), refunds after it counted are reversing events in their own period.
 */
export function planLine(
  line: LineFacts,
  rule: RuleFacts | null,
  world: WorldFacts,
  countedAt: Date,
  refunds: readonly RefundFacts[],
): PlannedLine {
  const g = grossAttribution(rule, line, world, shanghaiDate(countedAt));
  let remaining = g.parts;
  let refunded = 0;
  const plannedRefunds: PlannedRefund[] = [];
  const events: PlannedEvent[] = [];
  const sorted = refunds.filter((r) => r.amount > 0).sort(byTimeThenId);
  const before = sorted.filter((r) => r.occurredAt.getTime() < countedAt.getTime());
  const after = sorted.filter((r) => r.occurredAt.getTime() >= countedAt.getTime());
  for (const r of before) {
    const taken = refundStep(remaining, g.gross, line.lineTotal, refunded, refunded + r.amount);
    remaining = subtractParts(remaining, taken);
    refunded += r.amount;
    plannedRefunds.push({
      refundId: r.refundId,
      amount: r.amount,
      beforeCount: true,
      reversed: 0,
      occurredAt: r.occurredAt,
      period: periodOf(r.occurredAt),
    });
  }
  events.push({
    eventKey: COUNT_EVENT,
    refundId: null,
    occurredAt: countedAt,
    period: periodOf(countedAt),
    parts: remaining.filter((p) => p.amount > 0),
  });
  for (const r of after) {
    const taken = refundStep(remaining, g.gross, line.lineTotal, refunded, refunded + r.amount);
    remaining = subtractParts(remaining, taken);
    refunded += r.amount;
    const reversed = taken.reduce((a, p) => a + p.amount, 0);
    plannedRefunds.push({
      refundId: r.refundId,
      amount: r.amount,
      beforeCount: false,
      reversed,
      occurredAt: r.occurredAt,
      period: periodOf(r.occurredAt),
    });
    events.push({
      eventKey: refundEventKey(r.refundId),
      refundId: r.refundId,
      occurredAt: r.occurredAt,
      period: periodOf(r.occurredAt),
      parts: taken.map((p) => ({ ...p, amount: -p.amount })),
    });
  }
  return {
    line,
    rule,
    countedAt,
    period: periodOf(countedAt),
    gross: g.gross,
    uncapped: g.uncapped,
    capped: g.uncapped > g.gross,
    refunded,
    attributed: remaining.reduce((a, p) => a + p.amount, 0),
    events,
    refunds: plannedRefunds,
    remaining,
  };
}

export interface OrderFacts {
  id: string;
  /** When the order was placed: picks the rule version. */
  placedAt: Date;
  /** When its lines counted (agency: accepted; retail: paid and delivered); null: not (yet) counted. */
  countedAt: Date | null;
  lines: LineFacts[];
  refunds: Array<{ refundId: string; occurredAt: Date; lines: Array<{ lineId: string; amount: Fen }> }>;
}

export function lineRefunds(order: OrderFacts, lineId: string): RefundFacts[] {
  return order.refunds.flatMap((r) =>
    r.lines
      .filter((l) => l.lineId === lineId && l.amount > 0)
      .map((l) => ({ refundId: r.refundId, occurredAt: r.occurredAt, amount: l.amount })),
  );
}

/** Every counted line of an order, planned from scratch (empty when the order does not count). */
export function planOrder(order: OrderFacts, rules: readonly RuleFacts[], world: WorldFacts): PlannedLine[] {
  const countedAt = order.countedAt;
  if (!countedAt) return [];
  return order.lines.map((line) =>
    planLine(
      line,
      ruleInForce(rules, line.supplierId, line.productId, order.placedAt),
      world,
      countedAt,
      lineRefunds(order, line.id),
    ),
  );
}
