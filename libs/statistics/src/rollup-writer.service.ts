import { Injectable } from '@nestjs/common';
import { assertUuid, Db, type RequestContext } from '@bangfu/core';
import { CountingFactsService, type CountingOrder } from '@bangfu/ordering';
import { addDelta, type CellDelta, countDelta, type LineDims, type PlannedLine, planOrder, refundDelta } from './counting';
import { LineDimsResolver } from './dims';

export interface StoredLine {
  order_line_id: string;
  order_id: string;
  day: string;
  origin_code: string;
  buyer_region_code: string;
  channel_id: string;
  channel_kind: string;
  supplier_id: string;
  supplier_kind: string;
  category_key: string;
  buyer_kind: string;
  buyer_key: string | null;
  certified: boolean;
  quantity: number;
  line_total: string;
  refunded_amount: string;
}

export const dimsOfStored = (s: StoredLine): LineDims => ({
  channelKind: s.channel_kind,
  supplierKind: s.supplier_kind,
  categoryKey: s.category_key,
  buyerRegionCode: s.buyer_region_code,
});

/** What one sync wrote. */
export interface StatsSyncResult {
  orderId: string;
  counted: boolean;
  linesCounted: number;
  refundsRecorded: number;
}

/**
 * Keeps stats_line, stats_refund and sales_rollup in line with an order's counting facts. Each fact is
 * recorded once (a line's count by its stats_line row, a refund by its stats_refund row) under an
 * advisory lock on the order, so the in-transaction call, the after-commit consumer and the
 * reconciliation's repair may run in any order, any number of times.
 */
@Injectable()
export class RollupWriterService {
  constructor(
    private readonly db: Db,
    private readonly facts: CountingFactsService,
    private readonly dims: LineDimsResolver,
  ) {}

  async syncOrder(ctx: RequestContext, orderId: string): Promise<StatsSyncResult> {
    assertUuid(orderId, 'orderId');
    return this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1764001500))`, [orderId]);
      const [order] = await this.facts.load(tx, [orderId]);
      const result: StatsSyncResult = { orderId, counted: !!order?.countedAt, linesCounted: 0, refundsRecorded: 0 };
      if (!order?.countedAt) return result;
      const stored = new Map<string, StoredLine>(
        ((await m.query(`SELECT * FROM stats_line WHERE order_id = $1`, [orderId])) as StoredLine[]).map((s) => [s.order_line_id, s]),
      );
      const seen = new Set<string>(
        ((await m.query(`SELECT order_line_id, refund_id FROM stats_refund WHERE order_id = $1`, [orderId])) as Array<{ order_line_id: string; refund_id: string }>).map(
          (r) => `${r.order_line_id}|${r.refund_id}`,
        ),
      );
      const planned = await this.plan(tx, order, stored);
      const deltas = new Map<string, CellDelta>();
      const newLines: PlannedLine[] = [];
      const newRefunds: Array<{ line: PlannedLine; refundId: string; day: string; amount: number; beforeCount: boolean }> = [];
      for (const p of planned) {
        if (!stored.has(p.orderLineId)) {
          newLines.push(p);
          addDelta(deltas, countDelta(p));
          for (const r of p.refunds) {
            newRefunds.push({ line: p, ...r });
            if (!r.beforeCount) addDelta(deltas, refundDelta(p, r));
          }
          continue;
        }
        for (const r of p.refunds.filter((x) => !seen.has(`${p.orderLineId}|${x.refundId}`))) {
          newRefunds.push({ line: p, ...r });
          addDelta(deltas, refundDelta(p, r));
        }
      }
      for (const p of newLines) await this.insertLine(tx, p);
      for (const r of newRefunds) {
        await m.query(`INSERT INTO stats_refund (order_line_id, refund_id, order_id, day, amount, before_count) VALUES ($1, $2, $3, $4, $5, $6)`, [
          r.line.orderLineId,
          r.refundId,
          orderId,
          r.day,
          r.amount,
          r.beforeCount,
        ]);
        if (stored.has(r.line.orderLineId)) {
          await m.query(`UPDATE stats_line SET refunded_amount = refunded_amount + $2 WHERE order_line_id = $1`, [r.line.orderLineId, r.amount]);
        }
      }
      await this.applyDeltas(tx, [...deltas.values()]);
      result.linesCounted = newLines.length;
      result.refundsRecorded = newRefunds.length;
      return result;
    });
  }

  /** The plan, with frozen dimensions for lines already counted and fresh ones for the others. */
  async plan(ctx: RequestContext, order: CountingOrder, stored: Map<string, StoredLine>): Promise<PlannedLine[]> {
    const missing = order.lines.some((l) => !stored.has(l.id));
    const fresh = missing ? await this.dims.resolve(ctx, order) : [];
    return planOrder(order, (i) => {
      const s = stored.get(order.lines[i].id);
      return s ? dimsOfStored(s) : fresh[i];
    });
  }

  private async insertLine(tx: RequestContext, p: PlannedLine): Promise<void> {
    const refunded = p.refunds.reduce((a, r) => a + r.amount, 0);
    await this.db.manager(tx).query(
      `INSERT INTO stats_line (order_line_id, order_id, counted_at, day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind,
                               category_key, buyer_kind, buyer_key, certified, quantity, line_total, refunded_amount)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        p.orderLineId,
        p.orderId,
        p.countedAt,
        p.day,
        p.originCode,
        p.buyerRegionCode,
        p.channelId,
        p.channelKind,
        p.supplierId,
        p.supplierKind,
        p.categoryKey,
        p.buyerKind,
        p.buyerKey,
        p.certified,
        p.quantity,
        p.lineTotal,
        refunded,
      ],
    );
  }

  /** One upsert per cell (deltas are merged per cell first: a statement may not touch a row twice). */
  private async applyDeltas(tx: RequestContext, deltas: CellDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const values: unknown[] = [];
    const tuples = deltas.map((d, i) => {
      const c = d.cell;
      values.push(c.day, c.originCode, c.buyerRegionCode, c.channelId, c.channelKind, c.supplierId, c.supplierKind, c.categoryKey, c.buyerKind, c.certified, d.gross, d.refund, d.units, d.lines);
      const b = i * 14;
      return `($${b + 1}::date, $${b + 2}, $${b + 3}, $${b + 4}::uuid, $${b + 5}, $${b + 6}::uuid, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}::boolean, $${b + 11}::bigint, $${b + 12}::bigint, $${b + 13}::bigint, $${b + 14}::int)`;
    });
    await this.db.manager(tx).query(
      `INSERT INTO sales_rollup (day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind, category_key, buyer_kind, certified,
                                 gross_amount, refund_amount, unit_count, line_count)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (day, origin_code, buyer_region_code, channel_id, supplier_id, category_key, buyer_kind, certified, channel_kind, supplier_kind) DO UPDATE SET
         gross_amount = sales_rollup.gross_amount + EXCLUDED.gross_amount,
         refund_amount = sales_rollup.refund_amount + EXCLUDED.refund_amount,
         unit_count = sales_rollup.unit_count + EXCLUDED.unit_count,
         line_count = sales_rollup.line_count + EXCLUDED.line_count`,
      values,
    );
  }
}
