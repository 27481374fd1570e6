import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { HouseholdFiguresService } from './households';
import { LabelService, NONE_KEY } from './labels';
import { childDigits, type DayRange, monthsOf, parseDayRange, type RegionScope, regionScope } from './scope';
import { type SalesFigures, SalesGroupBy, type SalesStats, type SalesStatsRow, StatsSide } from './statistics.types';

/** The SQL expression of a row's key in sales_rollup and stats_line (both have the same columns). */
export function keyExpr(groupBy: SalesGroupBy, scope: RegionScope, side: StatsSide): string {
  const col = sideColumn(side);
  switch (groupBy) {
    case SalesGroupBy.REGION:
      return `CASE WHEN ${col} = '' THEN '${NONE_KEY}' ELSE rpad(left(${col}, ${childDigits(scope.prefix)}), 12, '0') END`;
    case SalesGroupBy.CHANNEL_KIND:
      return 'channel_kind';
    case SalesGroupBy.CHANNEL:
      return 'channel_id::text';
    case SalesGroupBy.SUPPLIER_KIND:
      return 'supplier_kind';
    case SalesGroupBy.SUPPLIER:
      return 'supplier_id::text';
    case SalesGroupBy.CATEGORY:
      return `CASE WHEN category_key = '' THEN '${NONE_KEY}' ELSE category_key END`;
    case SalesGroupBy.MONTH:
      return `to_char(day, 'YYYY-MM')`;
    case SalesGroupBy.BUYER_KIND:
      return 'buyer_kind';
  }
}

export const sideColumn = (side: StatsSide) => (side === StatsSide.BUYER ? 'buyer_region_code' : 'origin_code');

/** WHERE clause and parameters: the region's subtree on the side asked, the days, and the caller's own prefixes (in SQL). */
export function whereOf(scope: RegionScope, side: StatsSide, range: DayRange): { where: string; params: unknown[] } {
  const col = sideColumn(side);
  const params: unknown[] = [`${scope.prefix}%`, range.fromDay, range.toDay];
  let where = `${col} LIKE $1 AND day BETWEEN $2::date AND $3::date`;
  if (scope.scopePatterns) {
    params.push(scope.scopePatterns);
    where += ` AND ${col} LIKE ANY($4::text[])`;
  }
  return { where, params };
}

interface AmountRow {
  k: string;
  gross: string;
  refund: string;
  certified_net: string;
  units: string;
}

const emptyFigures = (): SalesFigures => ({
  grossAmount: 0,
  refundAmount: 0,
  netAmount: 0,
  certifiedNetAmount: 0,
  uncertifiedNetAmount: 0,
  orderCount: 0,
  unitCount: 0,
  buyerCount: 0,
  householdsDriven: null,
});

/**
 * salesStats: money and units from sales_rollup (additive, so every grouping's rows sum exactly to the
 * total), distinct orders and buyers from stats_line (one row per counted line, only lines that counted
 * in the period), households driven from attribution. Never reads order lines.
 */
@Injectable()
export class SalesStatsService {
  constructor(
    private readonly db: Db,
    private readonly labels: LabelService,
    private readonly households: HouseholdFiguresService,
  ) {}

  async salesStats(ctx: RequestContext, regionCode: string, from: string, to: string, groupBy: SalesGroupBy, side: StatsSide = StatsSide.ORIGIN): Promise<SalesStats> {
    const scope = regionScope(ctx, regionCode);
    const range = parseDayRange(from, to);
    const key = keyExpr(groupBy, scope, side);
    const { where, params } = whereOf(scope, side, range);
    const m = this.db.manager(ctx);
    const amounts: AmountRow[] = await m.query(
      `SELECT ${key} AS k, sum(gross_amount) AS gross, sum(refund_amount) AS refund,
              coalesce(sum(gross_amount - refund_amount) FILTER (WHERE certified), 0) AS certified_net, sum(unit_count) AS units
         FROM sales_rollup WHERE ${where} GROUP BY 1`,
      params,
    );
    const distinct: Array<{ k: string | null; total: boolean; orders: string; buyers: string }> = await m.query(
      `SELECT k, GROUPING(k) = 1 AS total, count(DISTINCT order_id) AS orders, count(DISTINCT buyer_key) AS buyers
         FROM (SELECT ${key} AS k, order_id, buyer_key FROM stats_line WHERE ${where}) s
        GROUP BY GROUPING SETS ((k), ())`,
      params,
    );
    const rows = new Map<string, SalesFigures>();
    const row = (k: string) => rows.get(k) ?? rows.set(k, emptyFigures()).get(k)!;
    for (const a of amounts) {
      const f = row(a.k);
      f.grossAmount = Number(a.gross);
      f.refundAmount = Number(a.refund);
      f.netAmount = f.grossAmount - f.refundAmount;
      f.certifiedNetAmount = Number(a.certified_net);
      f.uncertifiedNetAmount = f.netAmount - f.certifiedNetAmount;
      f.unitCount = Number(a.units);
    }
    const total = emptyFigures();
    for (const d of distinct) {
      const f = d.total ? total : row(d.k as string);
      f.orderCount = Number(d.orders);
      f.buyerCount = Number(d.buyers);
    }
    for (const f of rows.values()) {
      for (const field of ['grossAmount', 'refundAmount', 'netAmount', 'certifiedNetAmount', 'uncertifiedNetAmount', 'unitCount'] as const) total[field] += f[field];
    }
    await this.addHouseholds(ctx, scope, range, groupBy, side, total, rows);
    const labels = await this.labels.labels(ctx, groupBy, scope, [...rows.keys()]);
    const out: SalesStatsRow[] = [...rows].map(([k, figures]) => ({ key: k, label: labels.get(k) ?? k, figures }));
    const byKey = groupBy === SalesGroupBy.MONTH || groupBy === SalesGroupBy.REGION;
    out.sort((a, b) => (byKey ? 0 : b.figures.netAmount - a.figures.netAmount) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      regionCode: scope.regionCode,
      regionPath: await this.labels.regionPath(ctx, scope.regionCode),
      fromDay: range.fromDay,
      toDay: range.toDay,
      groupBy,
      side,
      total,
      rows: out,
    };
  }

  /** Net sales and the uncertified part on the ORIGIN side over a range (for the indicators). */
  async netTotals(ctx: RequestContext, scope: RegionScope, range: DayRange): Promise<{ net: number; uncertified: number }> {
    const { where, params } = whereOf(scope, StatsSide.ORIGIN, range);
    const [r] = await this.db.manager(ctx).query(
      `SELECT coalesce(sum(gross_amount - refund_amount), 0) AS net, coalesce(sum(gross_amount - refund_amount) FILTER (WHERE NOT certified), 0) AS uncertified
         FROM sales_rollup WHERE ${where}`,
      params,
    );
    return { net: Number(r.net), uncertified: Number(r.uncertified) };
  }

  /** 带动户数 is an ORIGIN-side figure (households live where the produce comes from), by whole months. */
  private async addHouseholds(ctx: RequestContext, scope: RegionScope, range: DayRange, groupBy: SalesGroupBy, side: StatsSide, total: SalesFigures, rows: Map<string, SalesFigures>) {
    if (side !== StatsSide.ORIGIN) return;
    const months = monthsOf(range);
    const [first, last] = [months[0], months[months.length - 1]];
    total.householdsDriven = (await this.households.forRegion(ctx, scope.regionCode, first, last)).householdsDriven;
    for (const [k, f] of rows) {
      if (groupBy === SalesGroupBy.MONTH) f.householdsDriven = (await this.households.forRegion(ctx, scope.regionCode, k, k)).householdsDriven;
      // A key equal to the region itself (origin recorded at its level) would count its whole subtree: left null.
      if (groupBy === SalesGroupBy.REGION && k !== NONE_KEY && k !== scope.regionCode) f.householdsDriven = (await this.households.forRegion(ctx, k, first, last)).householdsDriven;
    }
  }
}
