import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';

/** One order line as statistics sees it: the snapshot taken at order time. */
export interface CountingLine {
  id: string;
  supplierId: string;
  productId: string;
  channelId: string;
  originRegionCode: string;
  quantity: number;
  lineTotal: number;
  /** Certificate valid on the order day (the line's snapshot). */
  certified: boolean;
}

export interface CountingRefund {
  refundId: string;
  /** The clock time of the history row that recorded it (its period). */
  occurredAt: Date;
  lines: Array<{ lineId: string; amount: number }>;
}

/** An order with what DESIGN's "What counts" needs: when it counted (null: not yet), its lines and refunds. */
export interface CountingOrder {
  id: string;
  buyerKind: 'AGENCY' | 'CUSTOMER';
  buyerOrgId: string | null;
  buyerUserId: string;
  channelId: string;
  countedAt: Date | null;
  lines: CountingLine[];
  refunds: CountingRefund[];
}

const DAY_MS = 86_400_000;

/**
 * Read-only counting facts for other domains' read models (statistics), so they need not query
 * ordering's tables. The counting moment is the one attribution and completion use: an agency order's
 * acceptance (验收) history row, a retail order's later of payment and delivery.
 */
@Injectable()
export class CountingFactsService {
  constructor(private readonly db: Db) {}

  async load(ctx: RequestContext, orderIds: string[]): Promise<CountingOrder[]> {
    if (orderIds.length === 0) return [];
    const q = (sql: string, params: unknown[]) =>
      this.db.manager(ctx).query(sql, params) as Promise<Array<Record<string, any>>>;
    const orders = await q(
      `SELECT o.id, o.buyer_kind, o.buyer_org_id, o.buyer_user_id, o.channel_id, o.paid_at, o.delivered_at, o.accepted_at,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = o.id AND h.to_status = 'ACCEPTED') AS accepted_h,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = o.id AND h.to_status = 'DELIVERED') AS delivered_h
         FROM orders o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id`,
      [orderIds],
    );
    const lines = await q(
      `SELECT id, order_id, supplier_id, product_id, channel_id, origin_region_code, quantity, line_total, certified
         FROM order_line WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, created_at, id`,
      [orderIds],
    );
    const refunds = await q(
      `SELECT r.order_id, r.refund_id, r.lines, r.created_at,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = r.order_id AND h.data->'refund'->>'refundId' = r.refund_id) AS refund_h
         FROM order_refund r WHERE r.order_id = ANY($1::uuid[]) ORDER BY r.created_at, r.id`,
      [orderIds],
    );
    return orders.map((o) => ({
      id: o.id,
      buyerKind: o.buyer_kind,
      buyerOrgId: o.buyer_org_id,
      buyerUserId: o.buyer_user_id,
      channelId: o.channel_id,
      countedAt: countedAt(o),
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          id: l.id,
          supplierId: l.supplier_id,
          productId: l.product_id,
          channelId: l.channel_id,
          originRegionCode: l.origin_region_code,
          quantity: Number(l.quantity),
          lineTotal: Number(l.line_total),
          certified: l.certified,
        })),
      refunds: refunds
        .filter((r) => r.order_id === o.id)
        .map((r) => ({
          refundId: r.refund_id,
          occurredAt: new Date(r.refund_h ?? r.created_at),
          lines: (r.lines as Array<{ lineId: string; amount: number | string }>).map((x) => ({
            lineId: x.lineId,
            amount: Number(x.amount),
          })),
        })),
    }));
  }

  /**
   * Orders that may have counted or been refunded in [from, to): a superset (a day of slack each side,
   * since the counting moment is a history row's time); callers filter with `load`'s exact times.
   */
  async orderIdsTouching(ctx: RequestContext, from: Date, to: Date): Promise<string[]> {
    const lo = new Date(from.getTime() - DAY_MS);
    const hi = new Date(to.getTime() + DAY_MS);
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `SELECT id FROM orders WHERE (accepted_at >= $1 AND accepted_at < $2) OR (delivered_at >= $1 AND delivered_at < $2) OR (paid_at >= $1 AND paid_at < $2)
       UNION SELECT order_id FROM order_refund WHERE created_at >= $1 AND created_at < $2`,
      [lo, hi],
    );
    return rows.map((r) => r.id);
  }
}

function countedAt(o: Record<string, any>): Date | null {
  if (o.buyer_kind === 'AGENCY') return o.accepted_at ? new Date(o.accepted_h ?? o.accepted_at) : null;
  if (!o.paid_at || !o.delivered_at) return null;
  const delivered = new Date(o.delivered_h ?? o.delivered_at);
  const paid = new Date(o.paid_at);
  return paid > delivered ? paid : delivered;
}
