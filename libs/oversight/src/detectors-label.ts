import { ChannelKind } from '@bangfu/channel';
import type { OrderSignalLine } from '@bangfu/ordering';
import { AnomalyKind, AnomalySeverity, AnomalySubjectType } from './anomaly.entities';
import type { Candidate, Detector } from './anomaly.rules';
import {
  bps,
  count,
  daysBefore,
  fen,
  groupBy,
  orderSubject,
  shanghaiMonth,
  sumTotals,
  supplierSubject,
  text,
  uniq,
  units,
  yuan,
} from './detector-util';

export const detectUncertifiedUnderLabel: Detector = async (ctx, deps, scope, th) => {
  const base = th('');
  const lines = scope.orderIds
    ? await deps.orders.lines(ctx, { orderIds: scope.orderIds })
    : await deps.orders.lines(ctx, { since: daysBefore(scope.now, base.lookbackDays) });
  const out: Candidate[] = [];
  // Uncertified goods in a channel that may only sell certified assistance products.
  for (const part of groupBy(
    lines.filter((l) => !l.certified),
    (l) => `${l.orderId}|${l.supplierId}`,
  ).values()) {
    const l = part[0];
    const channel = await deps.channel(l.channelId);
    if (!channel?.assistanceOnly) continue;
    const place = await deps.supplier(l.supplierId);
    const amount = sumTotals(part);
    out.push({
      kind: AnomalyKind.UNCERTIFIED_UNDER_LABEL,
      severity: AnomalySeverity.HIGH,
      ...orderSubject(l, place),
      summary: `${yuan(amount)} of uncertified goods (${part.map((x) => x.sku).join(', ')}) sold in the assistance-only channel ${channel.name}`,
      figures: [
        fen('uncertifiedAmount', amount),
        count('lineCount', part.length),
        text('channel', channel.name),
        text('supplier', place.name),
      ],
      orderIds: [l.orderId],
      fingerprint: `line:${l.orderId}:${l.supplierId}`,
    });
  }
  // Counters whose certified share of sales is below the threshold.
  const counterIds = scope.orderIds
    ? uniq(lines.map((l) => l.channelId))
    : (await deps.channels.list(ctx, { kind: ChannelKind.COUNTER })).map((c) => c.id);
  for (const channelId of counterIds) {
    const channel = await deps.channel(channelId);
    if (!channel || channel.kind !== ChannelKind.COUNTER) continue;
    const region = channel.regionCode ?? '';
    const t = th(region);
    const sales: OrderSignalLine[] = await deps.orders.lines(ctx, {
      channelIds: [channelId],
      since: daysBefore(scope.now, t.counterLookbackDays),
      until: scope.now,
    });
    const total = sumTotals(sales);
    if (total === 0 || total < t.counterMinAmount) continue;
    const certified = sumTotals(sales.filter((l) => l.certified));
    const share = Math.floor((certified * 10_000) / total);
    if (share >= t.counterMinShareBps) continue;
    const month = shanghaiMonth(scope.now);
    out.push({
      kind: AnomalyKind.UNCERTIFIED_UNDER_LABEL,
      severity: AnomalySeverity.MEDIUM,
      subjectType: AnomalySubjectType.COUNTER,
      subjectId: channelId,
      subjectLabel: channel.name,
      supplierId: null,
      regionCode: region,
      summary: `Counter ${channel.name}: certified share ${(share / 100).toFixed(1)}% of ${yuan(total)} in the last ${t.counterLookbackDays} days (minimum ${(t.counterMinShareBps / 100).toFixed(1)}%)`,
      figures: [
        fen('salesAmount', total),
        fen('certifiedAmount', certified),
        bps('certifiedShare', share),
        bps('minimumShare', t.counterMinShareBps),
        text('period', month),
      ],
      orderIds: uniq(sales.filter((l) => !l.certified).map((l) => l.orderId)).slice(0, 50),
      fingerprint: `counter:${month}`,
    });
  }
  return out;
};

export const detectAttributionGap: Detector = async (ctx, deps, scope, th) => {
  const supplierIds = scope.orderIds
    ? uniq((await deps.orders.lines(ctx, { orderIds: scope.orderIds })).map((l) => l.supplierId))
    : undefined;
  if (supplierIds && supplierIds.length === 0) return [];
  const coverage = await deps.orders.shipmentCoverage(ctx, daysBefore(scope.now, th('').lookbackDays), supplierIds);
  const out: Candidate[] = [];
  for (const c of coverage) {
    const place = await deps.supplier(c.supplierId);
    const t = th(place.regionCode);
    const share = c.unitsShipped ? Math.floor((c.unitsWithoutLot * 10_000) / c.unitsShipped) : 0;
    if (c.unitsWithoutLot < t.minUncoveredUnits || share <= t.maxUncoveredBps) continue;
    const month = shanghaiMonth(scope.now);
    out.push({
      kind: AnomalyKind.ATTRIBUTION_GAP,
      severity: share >= 5000 ? AnomalySeverity.HIGH : AnomalySeverity.MEDIUM,
      ...supplierSubject(c.supplierId, place),
      summary: `${place.name} shipped ${c.unitsWithoutLot} of ${c.unitsShipped} units without a harvest lot in the last ${t.lookbackDays} days`,
      figures: [
        units('unitsShipped', c.unitsShipped),
        units('unitsWithoutLot', c.unitsWithoutLot),
        bps('uncoveredShare', share),
        text('period', month),
      ],
      orderIds: c.uncoveredOrderIds,
      fingerprint: `gap:${month}`,
    });
  }
  return out;
};
