import { Injectable } from '@nestjs/common';
import { Db, notFound, type RequestContext } from '@bangfu/core';
import type { CountedRefund, OrderFacts, OrderFactsReader } from '@bangfu/events';
import { In } from 'typeorm';
import { Order, OrderLine } from './ordering.entities';

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
export class CountingFactsService implements OrderFactsReader {
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
   * The facts OrderCounted and OrderRefunded carry, from the order and lines the caller already holds
   * (in the transaction of the move) plus one statement for the rest: the history times that date the
   * counting and the refunds, the refunds, and the lines' shipment allocations.
   */
  async factsOf(ctx: RequestContext, order: Order, lines: OrderLine[]): Promise<OrderFacts> {
    return (await this.factsOfMany(ctx, [order], lines))[0];
  }

  /** `factsOf` for several orders and all their lines, still one statement. */
  private async factsOfMany(ctx: RequestContext, orders: Order[], lines: OrderLine[]): Promise<OrderFacts[]> {
    const rows: Array<Record<string, any>> = await this.db.manager(ctx).query(
      `SELECT 'H' AS k, o.id::text AS ref, NULL::jsonb AS lines, NULL::uuid AS lot_id, NULL::int AS quantity,
              (SELECT min(created_at) FROM order_history WHERE order_id = o.id AND to_status = 'ACCEPTED') AS t1,
              (SELECT min(created_at) FROM order_history WHERE order_id = o.id AND to_status = 'DELIVERED') AS t2,
              NULL::uuid AS order_id, 0 AS o1, NULL::timestamptz AS o2, NULL::uuid AS o3
         FROM unnest($1::uuid[]) AS o(id)
       UNION ALL
       SELECT 'R', r.refund_id, r.lines, NULL, NULL,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = r.order_id AND h.data->'refund'->>'refundId' = r.refund_id),
              r.created_at, r.order_id, 1, r.created_at, r.id
         FROM order_refund r WHERE r.order_id = ANY($1::uuid[])
       UNION ALL
       SELECT 'A', a.order_line_id::text, NULL, a.lot_id, a.quantity, NULL, NULL, NULL, 2, a.created_at, a.id
         FROM shipment_allocation a WHERE a.order_line_id = ANY($2::uuid[])
       ORDER BY o1, o2, o3`,
      [orders.map((o) => o.id), lines.map((l) => l.id)],
    );
    const allocations = new Map<string, Array<{ lotId: string | null; quantity: number }>>();
    for (const a of rows.filter((r) => r.k === 'A'))
      allocations.set(a.ref, [...(allocations.get(a.ref) ?? []), { lotId: a.lot_id, quantity: Number(a.quantity) }]);
    return orders.map((order) => {
      const times = rows.find((r) => r.k === 'H' && r.ref === order.id)!;
      const refunds: CountedRefund[] = rows
        .filter((r) => r.k === 'R' && r.order_id === order.id)
        .map((r) => ({
          refundId: r.ref,
          occurredAt: new Date(r.t1 ?? r.t2).toISOString(),
          lines: (r.lines as Array<{ lineId: string; amount: number | string }>).map((x) => ({
            lineId: x.lineId,
            amount: Number(x.amount),
          })),
        }));
      const counted = countedAt({
        buyer_kind: order.buyerKind,
        paid_at: order.paidAt,
        delivered_at: order.deliveredAt,
        accepted_at: order.acceptedAt,
        accepted_h: times.t1,
        delivered_h: times.t2,
      });
      return {
        orderId: order.id,
        orderNo: order.orderNo,
        buyerKind: order.buyerKind,
        buyerUserId: order.buyerUserId,
        buyerOrgId: order.buyerOrgId,
        channelId: order.channelId,
        placedAt: new Date(order.createdAt).toISOString(),
        countedAt: counted ? counted.toISOString() : null,
        lines: lines
          .filter((l) => l.orderId === order.id)
          .map((l) => ({
            lineId: l.id,
            supplierOrderId: l.supplierOrderId,
            supplierId: l.supplierId,
            variantId: l.variantId,
            productId: l.productId,
            channelId: l.channelId,
            originRegionCode: l.originRegionCode,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            lineTotal: l.lineTotal,
            refundedAmount: l.refundedAmount,
            certified: l.certified,
            allocations: allocations.get(l.id) ?? [],
          })),
        refunds,
      };
    });
  }

  /** An order's facts by id, outside a move (repairs, replays, specs). */
  async orderFacts(ctx: RequestContext, orderId: string): Promise<OrderFacts> {
    const [facts] = await this.facts(ctx, [orderId]);
    if (!facts) throw notFound('Order', orderId);
    return facts;
  }

  /** OrderFactsReader: facts by id (attribution's repairs and reconciliation), three statements for any number. */
  async facts(ctx: RequestContext, orderIds: string[]): Promise<OrderFacts[]> {
    if (orderIds.length === 0) return [];
    const orders = await this.db.repo(ctx, Order).find({ where: { id: In(orderIds) }, order: { id: 'ASC' } });
    const lines = await this.db
      .repo(ctx, OrderLine)
      .find({ where: { orderId: In(orderIds) }, order: { orderId: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return orders.length ? this.factsOfMany(ctx, orders, lines) : [];
  }

  /** OrderFactsReader: the order row lock ordering's moves take, in the caller's transaction. */
  async lockOrder(ctx: RequestContext, orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.db
      .manager(ctx)
      .query(`SELECT id FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    return rows.length > 0;
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

/** An event's facts (OrderCounted, OrderRefunded) in the shape `load` returns. */
export function countingOrderOf(f: OrderFacts): CountingOrder {
  return {
    id: f.orderId,
    buyerKind: f.buyerKind,
    buyerOrgId: f.buyerOrgId,
    buyerUserId: f.buyerUserId,
    channelId: f.channelId,
    countedAt: f.countedAt ? new Date(f.countedAt) : null,
    lines: f.lines.map((l) => ({
      id: l.lineId,
      supplierId: l.supplierId,
      productId: l.productId,
      channelId: l.channelId,
      originRegionCode: l.originRegionCode,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      certified: l.certified,
    })),
    refunds: f.refunds.map((r) => ({ refundId: r.refundId, occurredAt: new Date(r.occurredAt), lines: r.lines })),
  };
}
