import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { addDays, addMonths } from '@bangfu/locale';
import { BUYER_LEVELS_ALL, BUYER_LEVELS_KEYED, type CubeGrp } from './counting';
import { HouseholdFiguresService } from './households';
import { LabelService, NONE_KEY } from './labels';
import { childDigits, type DayRange, monthsOf, parseDayRange, type RegionScope, regionScope, yearMasks } from './scope';
import { type SalesFigures, SalesGroupBy, type SalesStats, type SalesStatsRow, StatsSide } from './statistics.types';

/** The first day of the month after `day`'s. */
const nextMonthStart = (day: string) => `${addMonths(day.slice(0, 7), 1)}-01`;

/**
 * A day range as stats_cube reads it: the whole months inside it from the monthly cells (periods
 * [mFrom, mTo)), the partial months at its edges from the daily cells ([d1From, d1To] and [d2From, d2To],
 * possibly empty).
 */
export function segmentsOf(r: DayRange): {
  mFrom: string;
  mTo: string;
  d1From: string;
  d1To: string;
  d2From: string;
  d2To: string;
} {
  const m1 = r.fromDay.endsWith('-01') ? r.fromDay : nextMonthStart(r.fromDay);
  const after = addDays(r.toDay, 1);
  const mEnd = after.endsWith('-01') ? after : `${r.toDay.slice(0, 7)}-01`;
  if (m1 >= mEnd) return { mFrom: m1, mTo: m1, d1From: r.fromDay, d1To: r.toDay, d2From: after, d2To: r.toDay };
  return { mFrom: m1, mTo: mEnd, d1From: r.fromDay, d1To: addDays(m1, -1), d2From: mEnd, d2To: r.toDay };
}

/** WHERE over stats_cube: one side and grouping, the period's cells, the region's subtree, the caller's own prefixes (in SQL). */
export function cubeWhere(
  scope: RegionScope,
  side: StatsSide,
  range: DayRange,
  grp: CubeGrp,
): { where: string; params: unknown[] } {
  const s = segmentsOf(range);
  const params: unknown[] = [
    side === StatsSide.BUYER ? 'B' : 'O',
    grp,
    s.mFrom,
    s.mTo,
    s.d1From,
    s.d1To,
    s.d2From,
    s.d2To,
    `${scope.prefix}%`,
  ];
  let where = `side = $1 AND grp = $2 AND ((gran = 'M' AND period >= $3::date AND period < $4::date)
       OR (gran = 'D' AND (period BETWEEN $5::date AND $6::date OR period BETWEEN $7::date AND $8::date))) AND region_code LIKE $9`;
  if (scope.scopePatterns) {
    params.push(scope.scopePatterns);
    where += ` AND region_code LIKE ANY($10::text[])`;
  }
  return { where, params };
}

const NONE_OR = (col: string) => `CASE WHEN ${col} = '' THEN '${NONE_KEY}' ELSE ${col} END`;

/** Where a grouping's rows come from in stats_cube: the grouping, the row key, the prefix length of its order counter. */
export function cubeSource(groupBy: SalesGroupBy, scope: RegionScope): { grp: CubeGrp; key: string; level: number } {
  const level = scope.prefix.length;
  switch (groupBy) {
    case SalesGroupBy.REGION: {
      const child = childDigits(scope.prefix);
      return {
        grp: 'A',
        key: `CASE WHEN region_code = '' THEN '${NONE_KEY}' ELSE rpad(left(region_code, ${child}), 12, '0') END`,
        level: child,
      };
    }
    case SalesGroupBy.MONTH:
      return { grp: 'A', key: `to_char(period, 'YYYY-MM')`, level };
    case SalesGroupBy.CHANNEL:
      return { grp: 'C', key: 'k1', level };
    case SalesGroupBy.CHANNEL_KIND:
      return { grp: 'C', key: 'k2', level };
    case SalesGroupBy.BUYER_KIND:
      return { grp: 'C', key: 'k3', level };
    case SalesGroupBy.SUPPLIER:
      return { grp: 'S', key: 'k1', level };
    case SalesGroupBy.SUPPLIER_KIND:
      return { grp: 'K', key: 'k1', level };
    case SalesGroupBy.CATEGORY:
      return { grp: 'G', key: NONE_OR('k1'), level };
  }
}

/** The SQL expression of a row's key in stats_line (deep scopes count buyers there). */
export function lineKeyExpr(groupBy: SalesGroupBy, scope: RegionScope, side: StatsSide): string {
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
      return NONE_OR('category_key');
    case SalesGroupBy.MONTH:
      return `to_char(day, 'YYYY-MM')`;
    case SalesGroupBy.BUYER_KIND:
      return 'buyer_kind';
  }
}

export const sideColumn = (side: StatsSide) => (side === StatsSide.BUYER ? 'buyer_region_code' : 'origin_code');

/** WHERE over stats_line: the region's subtree on the side asked, the days, and the caller's own prefixes; lines still counted (not excluded). */
export function lineWhere(scope: RegionScope, side: StatsSide, range: DayRange): { where: string; params: unknown[] } {
  const col = sideColumn(side);
  const params: unknown[] = [`${scope.prefix}%`, range.fromDay, range.toDay];
  let where = `NOT excluded AND ${col} LIKE $1 AND day BETWEEN $2::date AND $3::date`;
  if (scope.scopePatterns) {
    params.push(scope.scopePatterns);
    where += ` AND ${col} LIKE ANY($4::text[])`;
  }
  return { where, params };
}

/**
 * Distinct buyers from stats_buyer (one row per buyer, prefix, key and year, with the days it bought there):
 * the grouping 'A' is kept for prefixes of 0, 2 and 4 digits, the keyed ones for 0 and 2. Returns null
 * when the scope is deeper (a county or below is small enough to count from stats_line).
 */
function buyerSource(
  groupBy: SalesGroupBy,
  scope: RegionScope,
): { grp: CubeGrp; key: string; lvl: number; child: boolean } | null {
  const level = scope.prefix.length;
  const keyed = (grp: CubeGrp, key: string) =>
    BUYER_LEVELS_KEYED.includes(level as 0 | 2) ? { grp, key, lvl: level, child: false } : null;
  switch (groupBy) {
    case SalesGroupBy.REGION: {
      const child = childDigits(scope.prefix);
      return BUYER_LEVELS_ALL.includes(child as 0 | 2 | 4)
        ? {
            grp: 'A',
            key: `CASE WHEN prefix = '' THEN '${NONE_KEY}' ELSE rpad(prefix, 12, '0') END`,
            lvl: child,
            child: true,
          }
        : null;
    }
    case SalesGroupBy.MONTH:
      return BUYER_LEVELS_ALL.includes(level as 0 | 2 | 4) ? { grp: 'A', key: '', lvl: level, child: false } : null;
    case SalesGroupBy.CHANNEL:
      return keyed('C', 'k1');
    case SalesGroupBy.CHANNEL_KIND:
      return keyed('C', 'k2');
    case SalesGroupBy.BUYER_KIND:
      return keyed('C', 'k3');
    case SalesGroupBy.SUPPLIER:
      return keyed('S', 'k1');
    case SalesGroupBy.SUPPLIER_KIND:
      return keyed('S', 'k2');
    case SalesGroupBy.CATEGORY:
      return keyed('G', NONE_OR('k1'));
  }
}

interface AmountRow {
  k: string;
  gross: string;
  refund: string;
  cert: string;
  units: string;
  orders: string;
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
  excludedAmount: null,
});

/**
 * salesStats: money, units and order counts from stats_cube (additive: monthly cells for whole months,
 * daily cells for the partial months at the edges; order counts are per-order marks, see
 * counting.ts `orderMarks`), distinct buyers from stats_buyer (or stats_line below the city level),
 * households driven from attribution. Never reads order lines.
 */
@Injectable()
export class SalesStatsService {
  constructor(
    private readonly db: Db,
    private readonly labels: LabelService,
    private readonly households: HouseholdFiguresService,
  ) {}

  async salesStats(
    ctx: RequestContext,
    regionCode: string,
    from: string,
    to: string,
    groupBy: SalesGroupBy,
    side: StatsSide = StatsSide.ORIGIN,
  ): Promise<SalesStats> {
    const scope = regionScope(ctx, regionCode);
    const range = parseDayRange(from, to);
    const src = cubeSource(groupBy, scope);
    // Statistics tolerate replication lag: a replica when DATABASE_REPLICA_URLS is set (Db.reader).
    const m = this.db.reader(ctx);
    const rowsWhere = cubeWhere(scope, side, range, src.grp);
    const totalWhere = cubeWhere(scope, side, range, 'A');
    // Independent reads: run them at once (outside a transaction each takes its own pooled connection).
    const [amounts, [orderTotal], buyers, excludedAmount] = await Promise.all([
      m.query(
        `SELECT ${src.key} AS k, sum(gross_amount) AS gross, sum(refund_amount) AS refund, sum(cert_net) AS cert, sum(unit_count) AS units, sum(o${src.level}) AS orders
           FROM stats_cube WHERE ${rowsWhere.where} GROUP BY 1`,
        rowsWhere.params,
      ) as Promise<AmountRow[]>,
      m.query(
        `SELECT coalesce(sum(o${scope.prefix.length}), 0) AS orders FROM stats_cube WHERE ${totalWhere.where}`,
        totalWhere.params,
      ) as Promise<Array<{ orders: string }>>,
      this.buyerCounts(ctx, scope, side, range, groupBy),
      this.excludedAmount(ctx, scope, side, range),
    ]);
    const rows = new Map<string, SalesFigures>();
    const row = (k: string) => rows.get(k) ?? rows.set(k, emptyFigures()).get(k)!;
    for (const a of amounts) {
      const f = row(a.k);
      f.grossAmount = Number(a.gross);
      f.refundAmount = Number(a.refund);
      f.netAmount = f.grossAmount - f.refundAmount;
      f.certifiedNetAmount = Number(a.cert);
      f.uncertifiedNetAmount = f.netAmount - f.certifiedNetAmount;
      f.unitCount = Number(a.units);
      f.orderCount = Number(a.orders);
    }
    const total = emptyFigures();
    total.orderCount = Number(orderTotal.orders);
    total.buyerCount = buyers.total;
    total.excludedAmount = excludedAmount;
    for (const [k, n] of buyers.rows) if (rows.has(k)) rows.get(k)!.buyerCount = n;
    for (const f of rows.values()) {
      for (const field of [
        'grossAmount',
        'refundAmount',
        'netAmount',
        'certifiedNetAmount',
        'uncertifiedNetAmount',
        'unitCount',
      ] as const)
        total[field] += f[field];
    }
    await this.addHouseholds(ctx, scope, range, groupBy, side, total, rows);
    const labels = await this.labels.labels(ctx, groupBy, scope, [...rows.keys()]);
    const out: SalesStatsRow[] = [...rows].map(([k, figures]) => ({ key: k, label: labels.get(k) ?? k, figures }));
    const byKey = groupBy === SalesGroupBy.MONTH || groupBy === SalesGroupBy.REGION;
    out.sort(
      (a, b) => (byKey ? 0 : b.figures.netAmount - a.figures.netAmount) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
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

  /** Distinct buyers per row and in total (a buyer counts once however many lines, days or rows). */
  private async buyerCounts(
    ctx: RequestContext,
    scope: RegionScope,
    side: StatsSide,
    range: DayRange,
    groupBy: SalesGroupBy,
  ): Promise<{ total: number; rows: Map<string, number> }> {
    const m = this.db.reader(ctx);
    const src = buyerSource(groupBy, scope);
    const level = scope.prefix.length;
    if (!src || !BUYER_LEVELS_ALL.includes(level as 0 | 2 | 4)) {
      const { where, params } = lineWhere(scope, side, range);
      const r: Array<{ k: string | null; total: boolean; buyers: string }> = await m.query(
        `SELECT k, GROUPING(k) = 1 AS total, count(DISTINCT buyer_key) AS buyers
           FROM (SELECT ${lineKeyExpr(groupBy, scope, side)} AS k, buyer_key FROM stats_line WHERE ${where}) s
          GROUP BY GROUPING SETS ((k), ())`,
        params,
      );
      return {
        total: Number(r.find((x) => x.total)?.buyers ?? 0),
        rows: new Map(r.filter((x) => !x.total).map((x) => [x.k as string, Number(x.buyers)])),
      };
    }
    const seg = segmentsOf(range);
    if (seg.d1From > seg.d1To && seg.d2From > seg.d2To)
      return this.wholeMonthBuyers(ctx, scope, side, seg, groupBy, src);
    // stats_buyer has one row per buyer, prefix, key and year (days as bits of the year): a buyer counts
    // where one of its rows has a day in the period (a period over several years: distinct buyer keys).
    const years = yearMasks(range);
    const base = (lvl: number, grp: CubeGrp, child: boolean, inPeriod: boolean) => {
      const params: unknown[] = [
        side === StatsSide.BUYER ? 'B' : 'O',
        grp,
        lvl,
        child ? `${scope.prefix}%` : scope.prefix,
        years.firstYear,
        years.lastYear,
      ];
      let where = `side = $1 AND grp = $2 AND lvl = $3 AND prefix ${child ? 'LIKE' : '='} $4 AND year BETWEEN $5 AND $6`;
      if (scope.scopePatterns) {
        params.push(scope.scopePatterns);
        where += ` AND prefix LIKE ANY($${params.length}::text[])`;
      }
      if (inPeriod) {
        params.push(years.masks);
        where += ` AND bit_count(days & ($${params.length}::bit(366)[])[year - $5 + 1]) > 0`;
      }
      return { where, params };
    };
    // Within one year a buyer has one grouping-A row per prefix: count(*) needs no sort of the buyer keys. Not
    // for keyed rows (a CHANNEL_KIND row spans the channels of its kind: one buyer, several rows).
    const oneYear = years.firstYear === years.lastYear;
    const buyersOf = oneYear ? 'count(*)' : 'count(DISTINCT buyer_key)';
    const t = base(level, 'A', false, true);
    const totalQ = m.query(`SELECT ${buyersOf} AS n FROM stats_buyer WHERE ${t.where}`, t.params) as Promise<
      Array<{ n: string }>
    >;
    let rowsQ: Promise<Array<{ k: string; n: string }>>;
    if (groupBy === SalesGroupBy.MONTH) {
      // A month lies in one year: one row per buyer, so count(*).
      const months = monthsOf(range).map((mo) => {
        const first = `${mo}-01`;
        const last = addDays(nextMonthStart(first), -1);
        const r = {
          fromDay: first < range.fromDay ? range.fromDay : first,
          toDay: last > range.toDay ? range.toDay : last,
        };
        return [mo, Number(mo.slice(0, 4)), yearMasks(r).masks[0]] as const;
      });
      const q = base(level, 'A', false, false);
      const i = q.params.length;
      rowsQ = m.query(
        `SELECT mm.k, count(*) AS n FROM stats_buyer b
           JOIN unnest($${i + 1}::text[], $${i + 2}::int[], $${i + 3}::bit(366)[]) AS mm(k, y, mask) ON b.year = mm.y AND bit_count(b.days & mm.mask) > 0
          WHERE ${q.where} GROUP BY mm.k`,
        [...q.params, months.map((x) => x[0]), months.map((x) => x[1]), months.map((x) => x[2])],
      );
    } else {
      const q = base(src.lvl, src.grp, src.child, true);
      rowsQ = m.query(
        `SELECT ${src.key} AS k, ${src.grp === 'A' ? buyersOf : 'count(DISTINCT buyer_key)'} AS n FROM stats_buyer WHERE ${q.where} GROUP BY 1`,
        q.params,
      );
    }
    const [[total], rows] = await Promise.all([totalQ, rowsQ]);
    return { total: Number(total.n), rows: new Map(rows.map((r) => [r.k, Number(r.n)])) };
  }

  /**
   * Distinct buyers over whole months from stats_buyer_month (migration 1764003600000: per prefix, key and
   * month, the buyers' numbers as 1,024-bit chunks, kept from stats_buyer by triggers): a row's buyers are
   * the OR of its months' (and keys') bitmaps per chunk, counted — a buyer counts once however many months,
   * keys or days. A few hundred short rows for a province-year instead of one index entry per buyer × row.
   */
  private async wholeMonthBuyers(
    ctx: RequestContext,
    scope: RegionScope,
    side: StatsSide,
    seg: { mFrom: string; mTo: string },
    groupBy: SalesGroupBy,
    src: { grp: CubeGrp; key: string; lvl: number; child: boolean },
  ): Promise<{ total: number; rows: Map<string, number> }> {
    const m = this.db.reader(ctx);
    const query = (grp: CubeGrp, key: string, lvl: number, child: boolean) => {
      const params: unknown[] = [
        side === StatsSide.BUYER ? 'B' : 'O',
        grp,
        lvl,
        child ? `${scope.prefix}%` : scope.prefix,
        seg.mFrom,
        seg.mTo,
      ];
      let where = `side = $1 AND grp = $2 AND lvl = $3 AND prefix ${child ? 'LIKE' : '='} $4 AND month >= $5::date AND month < $6::date`;
      if (scope.scopePatterns) {
        params.push(scope.scopePatterns);
        where += ` AND prefix LIKE ANY($${params.length}::text[])`;
      }
      return m.query(
        `SELECT k, sum(bit_count(bits)) AS n FROM (
           SELECT ${key} AS k, chunk, bit_or(bits) AS bits FROM stats_buyer_month WHERE ${where} GROUP BY 1, 2) c
          GROUP BY 1`,
        params,
      ) as Promise<Array<{ k: string; n: string }>>;
    };
    const level = scope.prefix.length;
    const [total, rows] = await Promise.all([
      query('A', `''`, level, false),
      groupBy === SalesGroupBy.MONTH
        ? query('A', `to_char(month, 'YYYY-MM')`, level, false)
        : query(src.grp, src.key, src.lvl, src.child),
    ]);
    return { total: Number(total[0]?.n ?? 0), rows: new Map(rows.map((r) => [r.k, Number(r.n)])) };
  }

  /**
   * Net of the lines excluded from statistics (stats_correction) that would have counted in the period and
   * scope: their totals on their counting day minus their refunds on the refunds' days — what the
   * correction took off the figures. Read from stats_line: exclusions are few.
   */
  private async excludedAmount(
    ctx: RequestContext,
    scope: RegionScope,
    side: StatsSide,
    range: DayRange,
  ): Promise<number> {
    const col = `l.${sideColumn(side)}`;
    const params: unknown[] = [`${scope.prefix}%`, range.fromDay, range.toDay];
    let where = `l.excluded AND ${col} LIKE $1`;
    if (scope.scopePatterns) {
      params.push(scope.scopePatterns);
      where += ` AND ${col} LIKE ANY($4::text[])`;
    }
    const [r] = await this.db.reader(ctx).query(
      `SELECT coalesce(sum(x), 0) AS amount FROM (
         SELECT l.line_total AS x FROM stats_line l WHERE ${where} AND l.day BETWEEN $2::date AND $3::date
         UNION ALL
         SELECT -r.amount FROM stats_refund r JOIN stats_line l USING (order_line_id) WHERE ${where} AND r.day BETWEEN $2::date AND $3::date) e`,
      params,
    );
    return Number(r.amount);
  }

  /** Net sales and the uncertified part on the ORIGIN side over a range (for the indicators). */
  async netTotals(
    ctx: RequestContext,
    scope: RegionScope,
    range: DayRange,
  ): Promise<{ net: number; uncertified: number }> {
    const { where, params } = cubeWhere(scope, StatsSide.ORIGIN, range, 'A');
    const [r] = await this.db
      .manager(ctx)
      .query(
        `SELECT coalesce(sum(gross_amount - refund_amount), 0) AS net, coalesce(sum(gross_amount - refund_amount - cert_net), 0) AS uncertified FROM stats_cube WHERE ${where}`,
        params,
      );
    return { net: Number(r.net), uncertified: Number(r.uncertified) };
  }

  /** 带动户数 is an ORIGIN-side figure (households live where the produce comes from), by whole months. */
  private async addHouseholds(
    ctx: RequestContext,
    scope: RegionScope,
    range: DayRange,
    groupBy: SalesGroupBy,
    side: StatsSide,
    total: SalesFigures,
    rows: Map<string, SalesFigures>,
  ) {
    if (side !== StatsSide.ORIGIN) return;
    const months = monthsOf(range);
    const [first, last] = [months[0], months[months.length - 1]];
    const forRegion = (code: string, from: string, to: string) =>
      this.households.forRegion(ctx, code, from, to).then((h) => h.householdsDriven);
    // Independent reads (two queries each): at once, not one row after another.
    await Promise.all([
      forRegion(scope.regionCode, first, last).then((n) => (total.householdsDriven = n)),
      ...[...rows].map(async ([k, f]) => {
        if (groupBy === SalesGroupBy.MONTH) f.householdsDriven = await forRegion(scope.regionCode, k, k);
        // A key equal to the region itself (origin recorded at its level) would count its whole subtree: left null.
        if (groupBy === SalesGroupBy.REGION && k !== NONE_KEY && k !== scope.regionCode)
          f.householdsDriven = await forRegion(k, first, last);
      }),
    ]);
  }
}
