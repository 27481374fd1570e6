import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db, type RequestContext } from '@bangfu/core';
import { dayStart } from '@bangfu/locale';
import { CountingFactsService } from '@bangfu/ordering';
import {
  addCube,
  type BuyerMark,
  buyerMarkKey,
  buyerMarks,
  countCube,
  type CubeDelta,
  type LineDims,
  orderMarks,
  type PlannedLine,
  planOrder,
  refundCube,
} from './counting';
import { dimsOfStored, type StoredLine } from './rollup-writer.service';
import { segmentsOf } from './sales-stats.service';
import { type DayRange, parseDayRange } from './scope';
import type { StatsDifference, StatsReconciliationReport } from './statistics.types';

const UNKNOWN_DIMS: LineDims = { channelKind: '?', supplierKind: '?', categoryKey: '?', buyerRegionCode: '?' };
/** At most this many differences are kept in the stored report (the count is always exact). */
const MAX_KEPT = 1000;

/**
 * Rebuilds a period from the order lines (through ordering's CountingFactsService, with the same pure
 * planOrder the writer uses) in one REPEATABLE READ snapshot and reports every difference from
 * stats_line, stats_refund, stats_cube (daily cells of the period's days, monthly cells of the months
 * wholly inside it) and stats_buyer (the period's days of each buyer row). Dimensions that are not on the order line (channel kind,
 * supplier kind, category, buyer region) are the ones frozen when the line counted; a line missing
 * from stats_line is reported as MISSING_LINE (its cell cannot be known, so it adds no expected rollup).
 * Needs only the database (the CLI builds it by hand).
 */
@Injectable()
export class StatsReconciliationService {
  constructor(
    private readonly db: Db,
    private readonly facts: CountingFactsService,
  ) {}

  async reconcile(ctx: RequestContext, from: string, to: string): Promise<StatsReconciliationReport> {
    const range = parseDayRange(from, to);
    return this.db.snapshot(ctx, (tx) => this.run(tx, range));
  }

  private async run(tx: RequestContext, range: DayRange): Promise<StatsReconciliationReport> {
    const m = this.db.manager(tx);
    const ids = await this.facts.orderIdsTouching(tx, dayStart(range.fromDay), dayStart(range.toDay, 'end'));
    const orders = await this.facts.load(tx, ids);
    const inRange = (day: string) => day >= range.fromDay && day <= range.toDay;
    // Stored rows of these orders, and any stored row of the period whose order we did not find.
    const storedLines: Array<StoredLine & { day: string }> = await m.query(
      `SELECT *, day::text AS day FROM stats_line WHERE order_id = ANY($1::uuid[]) OR day BETWEEN $2::date AND $3::date`,
      [ids, range.fromDay, range.toDay],
    );
    const storedRefunds: Array<{
      order_line_id: string;
      refund_id: string;
      order_id: string;
      day: string;
      amount: string;
      before_count: boolean;
    }> = await m.query(
      `SELECT order_line_id, refund_id, order_id, day::text AS day, amount, before_count FROM stats_refund WHERE order_id = ANY($1::uuid[]) OR day BETWEEN $2::date AND $3::date`,
      [ids, range.fromDay, range.toDay],
    );
    // Orders excluded from statistics (stats_correction): their lines must be stored and marked excluded, and add no rollup.
    const excludedRows: Array<{ order_id: string }> = await m.query(
      `SELECT order_id FROM stats_correction WHERE order_id = ANY($1::uuid[])`,
      [[...new Set([...ids, ...storedLines.map((s) => s.order_id)])]],
    );
    const excludedOrders = new Set(excludedRows.map((r) => r.order_id));
    const diffs: StatsDifference[] = [];
    const diff = (kind: string, key: string, expected: unknown, actual: unknown) =>
      diffs.push({ kind, key, expected: JSON.stringify(expected), actual: JSON.stringify(actual) });
    const lineById = new Map(storedLines.map((s) => [s.order_line_id, s]));
    const refundByKey = new Map(storedRefunds.map((r) => [`${r.order_line_id}|${r.refund_id}`, r]));
    const expectedLines = new Set<string>();
    const expectedRefunds = new Set<string>();
    const cube = new Map<string, CubeDelta>();
    const buyers = new Map<string, BuyerMark>();

    for (const order of orders) {
      const stored = new Map(storedLines.filter((s) => s.order_id === order.id).map((s) => [s.order_line_id, s]));
      const planned = planOrder(order, (i) => {
        const s = stored.get(order.lines[i].id);
        return s ? dimsOfStored(s) : UNKNOWN_DIMS;
      });
      const marks = orderMarks(planned.filter((p) => lineById.has(p.orderLineId)));
      const excluded = excludedOrders.has(order.id);
      for (const p of planned) {
        expectedLines.add(p.orderLineId);
        const s = lineById.get(p.orderLineId);
        // An excluded order's lines are expected in stats_line, in no rollup.
        const known = !!s && !excluded;
        if (known && inRange(p.day)) {
          countCube(p, marks, cube);
          buyerMarks(p, buyers);
        }
        if (!s) diff('MISSING_LINE', p.orderLineId, lineFacts(p, excluded), null);
        else if (JSON.stringify(lineFacts(p, excluded)) !== JSON.stringify(storedFacts(s)))
          diff('LINE_MISMATCH', p.orderLineId, lineFacts(p, excluded), storedFacts(s));
        for (const r of p.refunds) {
          const key = `${p.orderLineId}|${r.refundId}`;
          expectedRefunds.add(key);
          if (known && !r.beforeCount && inRange(r.day)) refundCube(p, r, cube);
          const sr = refundByKey.get(key);
          const want = { day: r.day, amount: r.amount, beforeCount: r.beforeCount };
          if (!sr) diff('MISSING_REFUND', key, want, null);
          else if (sr.day !== r.day || Number(sr.amount) !== r.amount || sr.before_count !== r.beforeCount) {
            diff('REFUND_MISMATCH', key, want, {
              day: sr.day,
              amount: Number(sr.amount),
              beforeCount: sr.before_count,
            });
          }
        }
      }
    }
    for (const s of storedLines)
      if (!expectedLines.has(s.order_line_id)) diff('UNEXPECTED_LINE', s.order_line_id, null, storedFacts(s));
    for (const [key, r] of refundByKey)
      if (!expectedRefunds.has(key)) diff('UNEXPECTED_REFUND', key, null, { day: r.day, amount: Number(r.amount) });
    await this.compareCube(tx, range, cube, diff);
    await this.compareBuyers(tx, range, buyers, diff);
    await this.compareBuyerMonths(tx, range, diff);

    const kept = diffs.slice(0, MAX_KEPT);
    const [row] = await m.query(
      `INSERT INTO stats_reconciliation (from_day, to_day, ok, difference_count, differences) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
      [range.fromDay, range.toDay, diffs.length === 0, diffs.length, JSON.stringify(kept)],
    );
    return {
      id: row.id,
      fromDay: range.fromDay,
      toDay: range.toDay,
      ok: diffs.length === 0,
      ordersChecked: orders.length,
      differenceCount: diffs.length,
      differences: kept,
    };
  }

  private async compareCube(
    tx: RequestContext,
    range: DayRange,
    planned: Map<string, CubeDelta>,
    diff: (kind: string, key: string, e: unknown, a: unknown) => void,
  ) {
    const seg = segmentsOf(range);
    const inPeriod = (d: CubeDelta) =>
      d.cell.gran === 'D'
        ? d.cell.period >= range.fromDay && d.cell.period <= range.toDay
        : d.cell.period >= seg.mFrom && d.cell.period < seg.mTo;
    const expected = new Map([...planned].filter(([, d]) => inPeriod(d)));
    const rows: Array<Record<string, any>> = await this.db.manager(tx).query(
      `SELECT side, grp, gran, period::text AS period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12
         FROM stats_cube WHERE (gran = 'D' AND period BETWEEN $1::date AND $2::date) OR (gran = 'M' AND period >= $3::date AND period < $4::date)`,
      [range.fromDay, range.toDay, seg.mFrom, seg.mTo],
    );
    const actual = new Map<string, CubeDelta>();
    for (const r of rows) {
      const cell = {
        side: r.side,
        grp: r.grp,
        gran: r.gran,
        period: r.period,
        regionCode: r.region_code,
        k1: r.k1,
        k2: r.k2,
        k3: r.k3,
      };
      addCube(actual, {
        cell,
        gross: Number(r.gross_amount),
        refund: Number(r.refund_amount),
        certNet: Number(r.cert_net),
        units: Number(r.unit_count),
        lines: Number(r.line_count),
        orders: [r.o0, r.o2, r.o4, r.o6, r.o9, r.o12].map(Number),
      });
    }
    const figures = (d: CubeDelta | undefined) =>
      d
        ? { gross: d.gross, refund: d.refund, certNet: d.certNet, units: d.units, lines: d.lines, orders: d.orders }
        : { gross: 0, refund: 0, certNet: 0, units: 0, lines: 0, orders: [0, 0, 0, 0, 0, 0] };
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      const [e, a] = [figures(expected.get(key)), figures(actual.get(key))];
      if (JSON.stringify(e) !== JSON.stringify(a)) diff('ROLLUP_MISMATCH', key, e, a);
    }
  }

  /** Buyers of whole months (stats_buyer_month) against stats_buyer. */
  private async compareBuyerMonths(
    tx: RequestContext,
    range: DayRange,
    diff: (kind: string, key: string, e: unknown, a: unknown) => void,
  ) {
    for (const d of await buyerMonthDiffs(this.db.manager(tx), range))
      diff('BUYER_MONTH_MISMATCH', d.key, d.expected, d.actual);
  }

  /** Each stats_buyer row's days within the period against the days its buyer bought there. */
  private async compareBuyers(
    tx: RequestContext,
    range: DayRange,
    planned: Map<string, BuyerMark>,
    diff: (kind: string, key: string, e: unknown, a: unknown) => void,
  ) {
    const expected = new Map<string, string[]>();
    for (const b of planned.values()) {
      const k = buyerMarkKey(b);
      expected.set(k, [...(expected.get(k) ?? []), b.day].sort());
    }
    // One row per year: a key's days are the union of its rows' days within the period.
    const rows: Array<Record<string, any>> = await this.db.manager(tx).query(
      `SELECT * FROM (
         SELECT side, grp, lvl, prefix, k1, k2, k3, buyer_key,
                (SELECT array_agg((make_date(b.year, 1, 1) + i)::text ORDER BY i) FROM generate_series(0, 365) i
                  WHERE get_bit(b.days, i) = 1 AND make_date(b.year, 1, 1) + i BETWEEN $1::date AND $2::date) AS days
           FROM stats_buyer b WHERE b.year BETWEEN extract(year FROM $1::date) AND extract(year FROM $2::date)) x
        WHERE days IS NOT NULL`,
      [range.fromDay, range.toDay],
    );
    const actual = new Map<string, string[]>();
    for (const r of rows) {
      const key = buyerMarkKey({ ...r, lvl: Number(r.lvl), buyerKey: r.buyer_key } as BuyerMark);
      actual.set(key, [...(actual.get(key) ?? []), ...r.days].sort());
    }
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      const [e, a] = [expected.get(key) ?? [], actual.get(key) ?? []];
      if (JSON.stringify(e) !== JSON.stringify(a)) diff('BUYER_MISMATCH', key, e, a);
    }
  }
}

/**
 * stats_buyer_month (migration 1764003600000, kept by triggers on stats_buyer) against what stats_buyer
 * implies, for the months wholly inside the period: a buyer is in a month's bitmap iff its row of that
 * year has a day in the month. Bitmaps left empty by an exclusion count as absent.
 */
async function buyerMonthDiffs(
  m: Pick<EntityManager, 'query'>,
  range: DayRange,
): Promise<Array<{ key: string; expected: string | null; actual: string | null }>> {
  const s = segmentsOf(range);
  if (s.mFrom >= s.mTo) return [];
  const cols = 'side, grp, lvl, prefix, k1, k2, k3, month, chunk';
  const rows: Array<{ key: string; expected: string | null; actual: string | null }> = await m.query(
    `WITH e AS (
       SELECT b.side, b.grp, b.lvl, b.prefix, b.k1, b.k2, b.k3, make_date(b.year, mm.m, 1) AS month, coalesce(n.no / 1024, -1) AS chunk,
              bit_or(B'1'::bit(1024) >> coalesce(n.no % 1024, 0)) AS bits
         FROM stats_buyer b LEFT JOIN stats_buyer_no n ON n.buyer_key = b.buyer_key CROSS JOIN generate_series(1, 12) mm(m)
        WHERE b.year BETWEEN extract(year FROM $1::date) AND extract(year FROM $2::date)
          AND make_date(b.year, mm.m, 1) >= $1::date AND make_date(b.year, mm.m, 1) < $2::date
          AND bit_count(b.days & stats_month_mask(b.year, mm.m)) > 0
        GROUP BY ${cols}),
     a AS (SELECT ${cols}, bits FROM stats_buyer_month WHERE month >= $1::date AND month < $2::date AND bit_count(bits) > 0)
     SELECT concat_ws('|', ${cols}) AS key, e.bits::text AS expected, a.bits::text AS actual
       FROM e FULL JOIN a USING (${cols}) WHERE e.bits IS DISTINCT FROM a.bits`,
    [s.mFrom, s.mTo],
  );
  return rows;
}

function lineFacts(p: PlannedLine, excluded: boolean) {
  return {
    orderId: p.orderId,
    day: p.day,
    originCode: p.originCode,
    channelId: p.channelId,
    supplierId: p.supplierId,
    buyerKind: p.buyerKind,
    buyerKey: p.buyerKey,
    certified: p.certified,
    quantity: p.quantity,
    lineTotal: p.lineTotal,
    refunded: p.refunds.reduce((a, r) => a + r.amount, 0),
    excluded,
  };
}

function storedFacts(s: StoredLine & { day: string }) {
  return {
    orderId: s.order_id,
    day: s.day,
    originCode: s.origin_code,
    channelId: s.channel_id,
    supplierId: s.supplier_id,
    buyerKind: s.buyer_kind,
    buyerKey: s.buyer_key,
    certified: s.certified,
    quantity: Number(s.quantity),
    lineTotal: Number(s.line_total),
    refunded: Number(s.refunded_amount),
    excluded: s.excluded,
  };
}
