import type { RequestContext } from '@bangfu/core';
import { Role } from '@bangfu/core';
import type { OrderSignalLine } from '@bangfu/ordering';
import { AnomalyKind, AnomalySeverity, AnomalySubjectType } from './anomaly.entities';
import type { Candidate, DetectionScope, Detector } from './anomaly.rules';
import type { DetectorDeps } from './detector-deps';
import {
  count,
  daysBefore,
  excessBps,
  fen,
  groupBy,
  orderSubject,
  sumTotals,
  supplierSubject,
  text,
  uniq,
  yuan,
} from './detector-util';

const SUPPLIER_ROLES = new Set<string>([Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF]);

/** Lines of the event's orders, or of every order in the schedule's look-back. */
function scopeLines(
  ctx: RequestContext,
  deps: DetectorDeps,
  scope: DetectionScope,
  lookbackDays: number,
): Promise<OrderSignalLine[]> {
  return scope.orderIds
    ? deps.orders.lines(ctx, { orderIds: scope.orderIds })
    : deps.orders.lines(ctx, { since: daysBefore(scope.now, lookbackDays) });
}

export const detectPriceAboveReference: Detector = async (ctx, deps, scope, th) => {
  const lines = await scopeLines(ctx, deps, scope, th('').lookbackDays);
  if (lines.length === 0) return [];
  const variantIds = uniq(lines.map((l) => l.variantId));
  const refs = new Map((await deps.variants.priceReferences(ctx, variantIds)).map((r) => [r.variantId, r]));
  const out: Candidate[] = [];
  const groups = [...groupBy(lines, (l) => `${l.variantId}|${l.priceKind}|${l.unitPrice}`).values()];
  deps.preloadSuppliers(groups.map((g) => g[0].supplierId));
  const places = await Promise.all(groups.map((g) => deps.supplier(g[0].supplierId)));
  // The earlier sales each group's price is compared with, summarised in SQL in one statement.
  const firsts = groups.map((g) =>
    g.reduce((a, x) => (x.orderCreatedAt < a ? x.orderCreatedAt : a), g[0].orderCreatedAt),
  );
  const histories = await deps.orders.priceHistory(
    ctx,
    groups.map((g, i) => ({
      variantId: g[0].variantId,
      priceKind: g[0].priceKind,
      since: daysBefore(firsts[i], th(places[i].regionCode).lookbackDays),
      before: firsts[i],
    })),
  );
  for (const [i, group] of groups.entries()) {
    const l = group[0];
    const ref = refs.get(l.variantId);
    const place = places[i];
    const t = th(place.regionCode);
    const figures = [fen('soldPrice', l.unitPrice), text('sku', l.sku)];
    const triggers: string[] = [];
    if (ref) {
      figures.push(fen('marketReferencePrice', ref.marketReferencePrice));
      if (excessBps(l.unitPrice, ref.marketReferencePrice) > t.referenceMarginBps) triggers.push('ABOVE_REFERENCE');
      const band = l.priceKind === 'AGENCY' ? ref.peerMedianAgency : ref.peerMedianRetail;
      if (band !== null && ref.peerCount >= t.minPeers) {
        figures.push(fen('peerMedianPrice', band), count('peerCount', ref.peerCount));
        if (excessBps(l.unitPrice, band) > t.peerMarginBps) triggers.push('ABOVE_PEER_BAND');
      }
    }
    const earlier = histories[i];
    if (earlier.sales >= t.riseMinHistory && earlier.medianUnitPrice !== null) {
      const before = earlier.medianUnitPrice;
      figures.push(fen('earlierMedianPrice', before), count('earlierSales', earlier.sales));
      if (excessBps(l.unitPrice, before) > t.riseBps) triggers.push('SUDDEN_RISE');
    }
    if (triggers.length === 0) continue;
    figures.push(text('rules', triggers.join(',')));
    out.push({
      kind: AnomalyKind.PRICE_ABOVE_REFERENCE,
      severity: triggers.length > 1 ? AnomalySeverity.HIGH : AnomalySeverity.MEDIUM,
      subjectType: AnomalySubjectType.PRODUCT,
      subjectId: l.productId,
      subjectLabel: `${l.productTitle} · ${l.spec}`,
      supplierId: l.supplierId,
      regionCode: place.regionCode,
      summary: `${l.sku} sold at ${yuan(l.unitPrice)} (${l.priceKind}): ${triggers.join(', ')}`,
      figures,
      orderIds: uniq(group.map((g) => g.orderId)),
      fingerprint: `${l.variantId}:${l.priceKind}:${l.unitPrice}`,
    });
  }
  return out;
};

export const detectSelfDealing: Detector = async (ctx, deps, scope, th) => {
  const lines = (await scopeLines(ctx, deps, scope, th('').lookbackDays)).filter((l) => l.buyerOrgId);
  if (lines.length === 0) return [];
  const orgIds = uniq(lines.flatMap((l) => [l.buyerOrgId!, l.supplierId]));
  const members = groupBy(await deps.users.membersOf(ctx, orgIds), (m) => m.organizationId);
  const usersOf = (orgId: string) => new Set((members.get(orgId) ?? []).map((m) => m.userId));
  const out: Candidate[] = [];
  for (const part of groupBy(lines, (l) => `${l.orderId}|${l.supplierId}`).values()) {
    const l = part[0];
    const buyers = usersOf(l.buyerOrgId!);
    const sellers = usersOf(l.supplierId);
    const shared = [...buyers].filter((u) => sellers.has(u));
    const buyerIsStaff = sellers.has(l.buyerUserId);
    if (shared.length === 0 && !buyerIsStaff) continue;
    const place = await deps.supplier(l.supplierId);
    const amount = sumTotals(part);
    if (amount < th(place.regionCode).minAmount) continue;
    const unit = await deps.organization(l.buyerOrgId!);
    out.push({
      kind: AnomalyKind.SELF_DEALING,
      severity: AnomalySeverity.HIGH,
      ...orderSubject(l, place),
      summary: `${unit.name} bought ${yuan(amount)} from ${place.name}: ${buyerIsStaff ? 'the purchaser works for the supplier' : `${shared.length} person(s) belong to both`}`,
      figures: [
        fen('orderAmount', amount),
        count('sharedMembers', shared.length),
        count('buyerIsSupplierStaff', buyerIsStaff ? 1 : 0),
        text('buyerUnit', unit.name),
        text('supplier', place.name),
      ],
      orderIds: [l.orderId],
      fingerprint: `${l.orderId}:${l.supplierId}`,
    });
  }
  return out;
};

export const detectCircularTrade: Detector = async (ctx, deps, scope, th) => {
  const lookback = th('').lookbackDays;
  const lines = await scopeLines(ctx, deps, scope, lookback);
  if (lines.length === 0) return [];
  const staffOf = new Map<string, Set<string>>(); // buyer user → suppliers they work for
  for (const a of await deps.users.accountFacts(ctx, uniq(lines.map((l) => l.buyerUserId)))) {
    staffOf.set(
      a.userId,
      new Set(
        a.memberships.filter((m) => SUPPLIER_ROLES.has(m.role) && m.organizationId).map((m) => m.organizationId!),
      ),
    );
  }
  const out: Candidate[] = [];
  // A supplier's own staff buying its products as customers: sales that only move the supplier's own money.
  for (const part of groupBy(lines, (l) => `${l.orderId}|${l.supplierId}`).values()) {
    const l = part[0];
    if (l.buyerKind !== 'CUSTOMER' || !staffOf.get(l.buyerUserId)?.has(l.supplierId)) continue;
    const place = await deps.supplier(l.supplierId);
    const amount = sumTotals(part);
    if (amount < th(place.regionCode).minAmount) continue;
    out.push({
      kind: AnomalyKind.CIRCULAR_TRADE,
      severity: AnomalySeverity.HIGH,
      ...supplierSubject(l.supplierId, place),
      summary: `${place.name}’s own staff bought its products (${yuan(amount)}, order ${l.orderNo})`,
      figures: [fen('orderAmount', amount), text('pattern', 'OWN_PRODUCTS')],
      orderIds: [l.orderId],
      fingerprint: `own:${l.orderId}`,
    });
  }
  // A → B and B → A: staff of supplier A bought from B, and staff of B bought from A, within the window.
  const edges = new Map<string, OrderSignalLine[]>();
  for (const l of lines) {
    for (const a of staffOf.get(l.buyerUserId) ?? []) {
      if (a === l.supplierId) continue;
      const key = `${a}|${l.supplierId}`;
      edges.set(key, [...(edges.get(key) ?? []), l]);
    }
  }
  const done = new Set<string>();
  for (const [key, forward] of edges) {
    const [a, b] = key.split('|');
    const pair = [a, b].sort().join(':');
    if (done.has(pair)) continue;
    done.add(pair);
    const staffOfB = (await deps.users.membersOf(ctx, [b]))
      .filter((m) => SUPPLIER_ROLES.has(m.role))
      .map((m) => m.userId);
    if (staffOfB.length === 0) continue;
    const since = daysBefore(scope.now, lookback);
    const back = await deps.orders.lines(ctx, { supplierIds: [a], buyerUserIds: staffOfB, since });
    const fwdAll = scope.orderIds ? forward : forward.filter((l) => l.orderCreatedAt >= since);
    const [lo, hi] = [a, b].sort();
    const place = await deps.supplier(lo);
    const t = th(place.regionCode);
    const ab = sumTotals(fwdAll);
    const ba = sumTotals(back);
    if (back.length === 0 || ab < t.minAmount || ba < t.minAmount) continue;
    const other = await deps.supplier(lo === a ? b : a);
    out.push({
      kind: AnomalyKind.CIRCULAR_TRADE,
      severity: AnomalySeverity.HIGH,
      ...supplierSubject(lo, place),
      summary: `${place.name} and ${other.name} buy from each other (${yuan(ab)} one way, ${yuan(ba)} the other)`,
      figures: [
        text('counterpart', other.name),
        fen('amountOneWay', ab),
        fen('amountOtherWay', ba),
        text('pattern', 'MUTUAL'),
      ],
      orderIds: uniq([...fwdAll, ...back].map((l) => l.orderId)),
      fingerprint: `mutual:${lo}:${hi}`,
    });
  }
  return out;
};
