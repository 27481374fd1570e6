import { Injectable } from '@nestjs/common';
import { assertUuid, badInput, Db, type RequestContext } from '@bangfu/core';
import {
  type BuyerMark,
  buyerMarkKey,
  buyerMarks,
  countCube,
  type CubeDelta,
  orderMarks,
  type PlannedLine,
  refundCube,
} from './counting';
import { type StoredLine, upsertCube } from './rollup-writer.service';

/** Who excluded the orders and why (kept on each correction row). */
export interface StatsExclusionSource {
  /** What excluded them, e.g. 'ANOMALY_FINDING'. */
  source: string;
  /** Its id (a finding id). */
  sourceRef: string;
  reason: string;
}

/** One correction row: what an excluded order had contributed and was taken off the rollups. */
export interface StatsCorrectionView {
  id: string;
  orderId: string;
  source: string;
  sourceRef: string;
  reason: string;
  grossAmount: number;
  refundAmount: number;
  unitCount: number;
  lineCount: number;
  createdAt: Date;
}

type StoredRefund = { order_line_id: string; day: string; amount: string; before_count: boolean };

/** A stored line as the planner's line (its frozen dimensions and the refunds recorded for it). */
function plannedOfStored(s: StoredLine & { counted_at: string }, refunds: StoredRefund[]): PlannedLine {
  const mine = refunds
    .filter((r) => r.order_line_id === s.order_line_id)
    .map((r) => ({ refundId: '', day: r.day, amount: Number(r.amount), beforeCount: r.before_count }));
  return {
    orderLineId: s.order_line_id,
    orderId: s.order_id,
    countedAt: new Date(s.counted_at),
    day: s.day,
    originCode: s.origin_code,
    buyerRegionCode: s.buyer_region_code,
    channelId: s.channel_id,
    channelKind: s.channel_kind,
    supplierId: s.supplier_id,
    supplierKind: s.supplier_kind,
    categoryKey: s.category_key,
    buyerKind: s.buyer_kind as PlannedLine['buyerKind'],
    buyerKey: s.buyer_key,
    certified: s.certified,
    quantity: Number(s.quantity),
    lineTotal: Number(s.line_total),
    refundedBeforeCount: mine.filter((r) => r.beforeCount).reduce((a, r) => a + r.amount, 0),
    refunds: mine,
  };
}

const negate = (d: CubeDelta): CubeDelta => ({
  ...d,
  gross: -d.gross,
  refund: -d.refund,
  certNet: -d.certNet,
  units: -d.units,
  lines: -d.lines,
  orders: d.orders.map((n) => -n),
});

/**
 * Excludes orders from statistics as a correction, never a deletion (issue 13): per order, one
 * append-only stats_correction row; its counted stats_line rows stay and are marked `excluded`; the
 * rollups get the exact negative of every stats_cube delta those lines wrote (count day, each refund
 * day, order marks) and the affected stats_buyer rows are recomputed from the lines still counted.
 * From then on the writer records the order's facts but adds nothing to the rollups, the rebuild and
 * the reconciliation leave excluded lines out. Statistics does not know who decides an exclusion:
 * oversight calls this (oversight imports statistics, not the reverse).
 */
@Injectable()
export class StatsExclusionService {
  constructor(private readonly db: Db) {}

  /** Joins the caller's transaction. Orders already excluded are skipped; returns the corrections written now. */
  async excludeOrders(
    ctx: RequestContext,
    orderIds: string[],
    by: StatsExclusionSource,
  ): Promise<StatsCorrectionView[]> {
    orderIds.forEach((id) => assertUuid(id, 'orderIds'));
    if (!by.source || !by.sourceRef || !by.reason?.trim())
      throw badInput('An exclusion needs a source, its reference and a reason', { field: 'reason' });
    const ids = [...new Set(orderIds.map((x) => x.toLowerCase()))].sort();
    if (ids.length === 0) return [];
    return this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      // The writer's lock on each order (in id order): a sync cannot count a line between our read and write.
      for (const id of ids) await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1764001500))`, [id]);
      const done: Array<{ order_id: string }> = await m.query(
        `SELECT order_id FROM stats_correction WHERE order_id = ANY($1::uuid[])`,
        [ids],
      );
      const todo = ids.filter((id) => !done.some((d) => d.order_id === id));
      if (todo.length === 0) return [];
      const lines: Array<StoredLine & { counted_at: string }> = await m.query(
        `SELECT *, day::text AS day, counted_at::text AS counted_at FROM stats_line WHERE order_id = ANY($1::uuid[]) AND NOT excluded`,
        [todo],
      );
      const refunds: StoredRefund[] = await m.query(
        `SELECT order_line_id, day::text AS day, amount, before_count FROM stats_refund WHERE order_id = ANY($1::uuid[])`,
        [todo],
      );
      const cube = new Map<string, CubeDelta>();
      const buyers = new Map<string, BuyerMark>();
      const sums = new Map(todo.map((id) => [id, { gross: 0, refund: 0, units: 0, lines: 0 }]));
      for (const orderId of todo) {
        const planned = lines.filter((s) => s.order_id === orderId).map((s) => plannedOfStored(s, refunds));
        // The marks the writer gave these lines: computed over all of the order's lines, as it did.
        const marks = orderMarks(planned);
        const sum = sums.get(orderId)!;
        for (const p of planned) {
          countCube(p, marks, cube);
          buyerMarks(p, buyers);
          for (const r of p.refunds) if (!r.beforeCount) refundCube(p, r, cube);
          sum.gross += p.lineTotal;
          sum.refund += p.refunds.reduce((a, r) => a + r.amount, 0);
          sum.units += p.quantity;
          sum.lines += 1;
        }
      }
      const rows: Array<Record<string, any>> = await m.query(
        `INSERT INTO stats_correction (order_id, source, source_ref, reason, gross_amount, refund_amount, unit_count, line_count, created_by)
         SELECT x.order_id, $2, $3, $4, x.gross, x.refund, x.units, x.lines, $5
           FROM jsonb_to_recordset($1::jsonb) AS x(order_id uuid, gross bigint, refund bigint, units bigint, lines integer)
         RETURNING *`,
        [
          JSON.stringify(todo.map((id) => ({ order_id: id, ...sums.get(id) }))),
          by.source,
          by.sourceRef,
          by.reason.trim(),
          ctx.principal?.userId ?? null,
        ],
      );
      await m.query(`UPDATE stats_line SET excluded = true WHERE order_id = ANY($1::uuid[]) AND NOT excluded`, [todo]);
      await upsertCube(m, [...cube.values()].map(negate));
      await this.recomputeBuyers(tx, [...buyers.values()]);
      return rows.map(toCorrection);
    });
  }

  /** The correction rows of the given orders (all when omitted), oldest first. */
  async corrections(ctx: RequestContext, orderIds?: string[]): Promise<StatsCorrectionView[]> {
    const rows: Array<Record<string, any>> = await this.db
      .manager(ctx)
      .query(
        `SELECT * FROM stats_correction WHERE ($1::uuid[] IS NULL OR order_id = ANY($1::uuid[])) ORDER BY created_at, order_id`,
        [orderIds ?? null],
      );
    return rows.map(toCorrection);
  }

  /**
   * A buyer's days in a stats_buyer row are a union over its lines, so they cannot be subtracted: each
   * row an excluded line touched is recomputed from the lines still counted (same keys as rebuild.ts).
   * A row (buyer × prefix × key × year) left without days stays, all zeros (it counts nobody).
   */
  private async recomputeBuyers(tx: RequestContext, marks: BuyerMark[]): Promise<void> {
    const keys = new Map(
      marks.map((b) => [
        buyerMarkKey(b),
        { side: b.side, grp: b.grp, lvl: b.lvl, prefix: b.prefix, k1: b.k1, k2: b.k2, k3: b.k3, buyer_key: b.buyerKey },
      ]),
    );
    if (keys.size === 0) return;
    await this.db.manager(tx).query(
      `WITH k AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(side text, grp text, lvl smallint, prefix text, k1 text, k2 text, k3 text, buyer_key text)),
       s AS (SELECT v.side, g.grp, v.region, g.k1, g.k2, g.k3, l.buyer_key, l.day
               FROM stats_line l
               CROSS JOIN LATERAL (VALUES ('O', l.origin_code), ('B', l.buyer_region_code)) v(side, region)
               CROSS JOIN LATERAL (VALUES ('A', '', '', ''), ('C', l.channel_id::text, l.channel_kind, l.buyer_kind), ('S', l.supplier_id::text, l.supplier_kind, ''),
                                          ('G', l.category_key, '', '')) g(grp, k1, k2, k3)
              WHERE NOT l.excluded AND l.buyer_key IN (SELECT buyer_key FROM k)),
       d AS (SELECT k.*, y.year, (SELECT bit_or(stats_day_bit(s.day)) FROM s
                           WHERE s.side = k.side AND s.grp = k.grp AND s.k1 = k.k1 AND s.k2 = k.k2 AND s.k3 = k.k3 AND s.buyer_key = k.buyer_key
                             AND left(s.region, k.lvl) = k.prefix AND extract(year FROM s.day) = y.year) AS days
               FROM k JOIN stats_buyer y ON (y.side, y.grp, y.lvl, y.prefix, y.k1, y.k2, y.k3, y.buyer_key) = (k.side, k.grp, k.lvl, k.prefix, k.k1, k.k2, k.k3, k.buyer_key))
       UPDATE stats_buyer t SET days = coalesce(d.days, B'0'::bit(366))
         FROM d WHERE (t.side, t.grp, t.lvl, t.prefix, t.k1, t.k2, t.k3, t.buyer_key, t.year) = (d.side, d.grp, d.lvl, d.prefix, d.k1, d.k2, d.k3, d.buyer_key, d.year)`,
      [JSON.stringify([...keys.values()])],
    );
  }
}

function toCorrection(r: Record<string, any>): StatsCorrectionView {
  return {
    id: r.id,
    orderId: r.order_id,
    source: r.source,
    sourceRef: r.source_ref,
    reason: r.reason,
    grossAmount: Number(r.gross_amount),
    refundAmount: Number(r.refund_amount),
    unitCount: Number(r.unit_count),
    lineCount: Number(r.line_count),
    createdAt: r.created_at,
  };
}
