import { createHash } from 'node:crypto';
import { ChannelKind } from '@bangfu/channel';
import { Role } from '@bangfu/core';
import type { OrderSignalLine } from '@bangfu/ordering';
import { AnomalyKind, AnomalySeverity } from './anomaly.entities';
import type { Candidate, Detector } from './anomaly.rules';
import {
  bps,
  count,
  daysBefore,
  fen,
  groupBy,
  minutesBefore,
  shanghaiDayStart,
  shanghaiHour,
  shanghaiYear,
  sumTotals,
  supplierSubject,
  text,
  uniq,
  unitSubject,
  yuan,
} from './detector-util';

const AGENCY_ROLES = new Set<string>([Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN]);

interface OrderShape {
  orderId: string;
  orderNo: string;
  at: Date;
  buyerUserId: string;
  supplierId: string;
  signature: string;
  label: string;
}

/** Near-identical = the same variants in the same quantities. */
function shapes(lines: OrderSignalLine[]): OrderShape[] {
  return [...groupBy(lines, (l) => l.orderId).values()].map((ls) => {
    const parts = ls.map((l) => `${l.variantId}x${l.quantity}`).sort();
    return {
      orderId: ls[0].orderId,
      orderNo: ls[0].orderNo,
      at: ls[0].orderCreatedAt,
      buyerUserId: ls[0].buyerUserId,
      supplierId: [...ls].sort((a, b) => b.lineTotal - a.lineTotal)[0].supplierId,
      signature: createHash('sha256').update(parts.join(',')).digest('hex').slice(0, 16),
      label: ls.map((l) => `${l.sku}×${l.quantity}`).join(' + '),
    };
  });
}

/**
 * Episodes in which some window of `windowMinutes` holds at least `min` orders; overlapping windows
 * merge into one episode (so a long burst is one finding, and a steady trickle is none).
 */
function bursts(orders: OrderShape[], windowMinutes: number, min: number): OrderShape[][] {
  const sorted = [...orders].sort((a, b) => a.at.getTime() - b.at.getTime() || a.orderId.localeCompare(b.orderId));
  const out: OrderShape[][] = [];
  let lastIndex = -1; // index in `sorted` of the current episode's last order
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i].at.getTime() - sorted[j].at.getTime() > windowMinutes * 60_000) j++;
    if (i - j + 1 < min) continue;
    if (out.length && j <= lastIndex) out.at(-1)!.push(...sorted.slice(lastIndex + 1, i + 1));
    else out.push(sorted.slice(j, i + 1));
    lastIndex = i;
  }
  return out;
}

export const detectOrderBurst: Detector = async (ctx, deps, scope, th) => {
  const base = th('');
  let lines: OrderSignalLine[];
  if (scope.orderIds) {
    const own = await deps.orders.lines(ctx, { orderIds: scope.orderIds });
    if (own.length === 0) return [];
    const at = own[0].orderCreatedAt;
    // Whole baskets of the orders sharing a variant: cut down to the shared lines, orders that only had
    // one line in common looked identical (a false burst per popular variant, refreshed by every order).
    lines = await deps.orders.lines(ctx, {
      ordersWithVariantIds: uniq(own.map((l) => l.variantId)),
      since: minutesBefore(at, base.windowMinutes * 2),
      until: new Date(at.getTime() + base.windowMinutes * 2 * 60_000),
    });
  } else {
    lines = await deps.orders.lines(ctx, { since: minutesBefore(scope.now, base.scanHours * 60) });
  }
  // Counter sales are anonymous walk-up purchases: many identical ones are a busy canteen, not 摊派.
  const counters = new Set<string>();
  for (const id of uniq(lines.map((l) => l.channelId)))
    if ((await deps.channel(id))?.kind === ChannelKind.COUNTER) counters.add(id);
  lines = lines.filter((l) => !counters.has(l.channelId));
  const out: Candidate[] = [];
  const groups = [...groupBy(shapes(lines), (s) => s.signature).values()];
  deps.preloadSuppliers(groups.map((g) => g[0].supplierId));
  for (const group of groups) {
    const place = await deps.supplier(group[0].supplierId);
    const t = th(place.regionCode);
    for (const run of bursts(group, t.windowMinutes, t.minOrders)) {
      const accounts = await deps.users.accountFacts(ctx, uniq(run.map((o) => o.buyerUserId)));
      const byUser = new Map(accounts.map((a) => [a.userId, a]));
      const odd = run.filter((o) => {
        const h = shanghaiHour(o.at);
        return t.oddHourStart <= t.oddHourEnd
          ? h >= t.oddHourStart && h < t.oddHourEnd
          : h >= t.oddHourStart || h < t.oddHourEnd;
      }).length;
      const fresh = run.filter((o) => {
        const a = byUser.get(o.buyerUserId);
        return a && o.at.getTime() - a.createdAt.getTime() < t.newAccountDays * 86_400_000;
      }).length;
      // 摊派: the largest share of the burst placed by people of one agency unit.
      const unitCounts = new Map<string, number>();
      for (const o of run) {
        for (const org of uniq(
          (byUser.get(o.buyerUserId)?.memberships ?? [])
            .filter((m) => AGENCY_ROLES.has(m.role) && m.organizationId)
            .map((m) => m.organizationId!),
        )) {
          unitCounts.set(org, (unitCounts.get(org) ?? 0) + 1);
        }
      }
      const sameUnit = Math.max(0, ...unitCounts.values());
      const share = (n: number) => Math.floor((n * 10_000) / run.length);
      const flags = [share(odd), share(fresh), share(sameUnit)].filter((s) => s >= t.flagShareBps).length;
      const minutes = Math.round((run.at(-1)!.at.getTime() - run[0].at.getTime()) / 60_000);
      out.push({
        kind: AnomalyKind.ORDER_BURST,
        severity: flags > 0 ? AnomalySeverity.HIGH : AnomalySeverity.MEDIUM,
        ...supplierSubject(run[0].supplierId, place),
        summary: `${run.length} identical orders (${run[0].label}) within ${minutes} min`,
        figures: [
          count('orderCount', run.length),
          { name: 'spanMinutes', value: minutes, unit: 'MINUTES' },
          count('distinctBuyers', uniq(run.map((o) => o.buyerUserId)).length),
          bps('oddHourShare', share(odd)),
          bps('newAccountShare', share(fresh)),
          bps('sameUnitShare', share(sameUnit)),
          text('basket', run[0].label),
        ],
        orderIds: run.map((o) => o.orderId),
        fingerprint: `${run[0].signature}:${run[0].orderId}`,
        mergeOnOverlap: true,
      });
    }
  }
  return out;
};

export const detectDeadlineSpike: Detector = async (ctx, deps, scope, th) => {
  const year = shanghaiYear(scope.now);
  const since = shanghaiDayStart(year - 1, 1, 1);
  let lines: OrderSignalLine[];
  if (scope.orderIds) {
    const own = (await deps.orders.lines(ctx, { orderIds: scope.orderIds })).filter((l) => l.buyerOrgId);
    if (own.length === 0) return [];
    lines = await deps.orders.lines(ctx, { buyerOrgIds: uniq(own.map((l) => l.buyerOrgId!)), since, until: scope.now });
  } else {
    lines = await deps.orders.lines(ctx, { since, until: scope.now });
  }
  const out: Candidate[] = [];
  for (const [orgId, ls] of groupBy(
    lines.filter((l) => l.buyerOrgId),
    (l) => l.buyerOrgId!,
  )) {
    const unit = await deps.organization(orgId);
    const t = th(unit.regionCode);
    for (const y of [year - 1, year]) {
      const deadlineEnd = shanghaiDayStart(y, t.deadlineMonth, t.deadlineDay + 1);
      const windowStart = new Date(deadlineEnd.getTime() - t.windowDays * 86_400_000);
      if (scope.now < windowStart) continue;
      const yearLines = ls.filter(
        (l) => l.orderCreatedAt >= shanghaiDayStart(y, 1, 1) && l.orderCreatedAt < deadlineEnd,
      );
      const inWindow = yearLines.filter((l) => l.orderCreatedAt >= windowStart);
      const total = sumTotals(yearLines);
      const spike = sumTotals(inWindow);
      if (total === 0 || spike < t.minAmount) continue;
      const shareBps = Math.floor((spike * 10_000) / total);
      if (shareBps < t.shareBps) continue;
      const deadline = `${y}-${String(t.deadlineMonth).padStart(2, '0')}-${String(t.deadlineDay).padStart(2, '0')}`;
      out.push({
        kind: AnomalyKind.DEADLINE_SPIKE,
        severity: AnomalySeverity.MEDIUM,
        ...unitSubject(orgId, unit),
        summary: `${unit.name}: ${(shareBps / 100).toFixed(1)}% of its purchases up to ${deadline} (${yuan(spike)} of ${yuan(total)}) fall in the last ${t.windowDays} days`,
        figures: [
          fen('windowAmount', spike),
          fen('periodAmount', total),
          bps('windowShare', shareBps),
          { name: 'windowDays', value: t.windowDays, unit: 'DAYS' },
          text('deadline', deadline),
        ],
        orderIds: uniq(inWindow.map((l) => l.orderId)),
        fingerprint: `${orgId}:${deadline}`,
      });
    }
  }
  return out;
};

export const detectSplitBasket: Detector = async (ctx, deps, scope, th) => {
  const flags = await deps.purchaseRequests.splitBasketFlags(
    ctx,
    scope.orderIds ? { orderIds: scope.orderIds } : { since: daysBefore(scope.now, th('').lookbackDays) },
  );
  const out: Candidate[] = [];
  for (const f of flags) {
    const unit = await deps.organization(f.orgId);
    const excess = Math.floor(((f.totalAmount - f.limitAmount) * 10_000) / Math.max(1, f.limitAmount));
    if (excess < th(unit.regionCode).minExcessBps) continue;
    out.push({
      kind: AnomalyKind.SPLIT_BASKET,
      severity: AnomalySeverity.MEDIUM,
      ...unitSubject(f.orgId, unit),
      summary: `${f.requestIds.length} requests within ${f.windowMinutes} min total ${yuan(f.totalAmount)}, over the purchaser’s limit of ${yuan(f.limitAmount)}`,
      figures: [
        fen('totalAmount', f.totalAmount),
        fen('limitAmount', f.limitAmount),
        bps('excessOverLimit', excess),
        count('requestCount', f.requestIds.length),
        { name: 'windowMinutes', value: f.windowMinutes, unit: 'MINUTES' },
      ],
      orderIds: f.orderIds,
      fingerprint: `flag:${f.flagId}`,
    });
  }
  return out;
};
