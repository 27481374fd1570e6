import { Inject, Injectable, Logger } from '@nestjs/common';
import { Db, findRaw, forbidden, isUuid, notFound, type RequestContext } from '@bangfu/core';
import {
  OrderAccepted,
  OrderCounted,
  OrderDelivered,
  orderEventNamed,
  type OrderEventPayload,
  OrderPaid,
  OrderRefunded,
  OutboxService,
} from '@bangfu/events';
import { QueueService } from '@bangfu/queue';
import { In } from 'typeorm';
import { ORDER_MACHINE, RELEASING_STATUSES, SUPPLIER_ORDER_MACHINE, eventTypeFor } from './order-transitions';
import { ORDERING_CONFIG, type OrderingConfig } from './ordering.config';
import {
  ActorKind,
  BuyerKind,
  Order,
  OrderHistory,
  OrderLine,
  OrderStatus,
  PaymentMode,
  SupplierOrder,
  SupplierOrderHistory,
  SupplierOrderStatus,
} from './ordering.entities';
import { CountingFactsService } from './counting-facts.service';
import { StockService } from '@bangfu/catalog';

export const ORDER_EXPIRY_QUEUE = 'order-expiry';
export const EXPIRE_JOB = 'expire';
/** Expires every unpaid order due by now: one job per EXPIRY_BUCKET_MS of retail deadlines. */
export const EXPIRE_DUE_JOB = 'expire-due';
/**
 * Retail deadlines are gathered into buckets this wide, one job each at the bucket's end: an unpaid
 * retail order is cancelled 0–5 s after its deadline (it was 0 s), for one job per bucket instead of
 * one per order — at 125 orders/s a Redis script per checkout, and 30 minutes later a transaction per
 * order, paid or not, only to find most of them paid (issue 16, W3).
 */
export const EXPIRY_BUCKET_MS = 5_000;

export interface MoveOptions {
  reason?: string | null;
  actor?: ActorKind;
  data?: Record<string, unknown>;
}

export type { OrderEventPayload } from '@bangfu/events';
/** Any event class ordering publishes for an order (libs/shared/events/src/order-events.ts). */
export type OrderEventClass = ReturnType<typeof orderEventNamed>;

export function assertId(id: string, what: string): void {
  if (typeof id !== 'string' || !isUuid(id)) throw notFound(what, id);
}

/**
 * The machinery behind every order move: row locks, the transition table, history rows, outbox
 * events and the side effects of entering a status (stock released, deadlines set). Callers hold the
 * order row lock (`lock`) for the whole transaction, so concurrent moves of one order serialise.
 */
@Injectable()
export class OrderStateMachine {
  private readonly log = new Logger('OrderStateMachine');
  constructor(
    private readonly db: Db,
    private readonly stock: StockService,
    private readonly outbox: OutboxService,
    private readonly facts: CountingFactsService,
    private readonly queues: QueueService,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  /** The order row, locked FOR UPDATE in the caller's transaction. */
  async lock(tx: RequestContext, orderId: string): Promise<Order> {
    assertId(orderId, 'Order');
    // Plain SQL (findRaw, prepared): every payment and move of an order reads it here.
    const [order] = await findRaw(
      this.db.manager(tx),
      Order,
      (columns) => `SELECT ${columns} FROM orders WHERE id = $1 FOR UPDATE`,
      [orderId],
    );
    if (!order) throw notFound('Order', orderId);
    return order;
  }

  /** The order without a lock (NOT_FOUND when there is none). */
  async find(ctx: RequestContext, orderId: string): Promise<Order> {
    assertId(orderId, 'Order');
    const [order] = await findRaw(
      this.db.manager(ctx),
      Order,
      (columns) => `SELECT ${columns} FROM orders WHERE id = $1`,
      [orderId],
    );
    if (!order) throw notFound('Order', orderId);
    return order;
  }

  supplierOrders(ctx: RequestContext, orderId: string): Promise<SupplierOrder[]> {
    return this.db.repo(ctx, SupplierOrder).find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  lines(ctx: RequestContext, orderId: string): Promise<OrderLine[]> {
    return this.db.repo(ctx, OrderLine).find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Moves a locked order through the transition table; returns the reloaded order. */
  async move(tx: RequestContext, order: Order, to: OrderStatus, opts: MoveOptions = {}): Promise<Order> {
    const actor = opts.actor ?? ActorKind.SYSTEM;
    const t = ORDER_MACHINE.assertTransition(order.status, to);
    if (!t.actors.includes(actor))
      throw forbidden(`${to} from ${order.status} is not a move for ${actor.toLowerCase()}`);
    const supplierOrders = await this.supplierOrders(tx, order.id);
    ORDER_MACHINE.checkGuard(t, order.status, { order, supplierOrders });

    const from = order.status;
    const changes: Partial<Order> = { status: to };
    const now = new Date();
    if (from === OrderStatus.PLACED) changes.paymentDueAt = null;
    if (to === OrderStatus.DELIVERED) changes.deliveredAt = now;
    if (to === OrderStatus.ACCEPTED) changes.acceptedAt = now;
    if (to === OrderStatus.SETTLED) changes.settledAt = now;
    if (to === OrderStatus.CANCELLED || to === OrderStatus.REJECTED) changes.cancelledAt = now;
    if (to === OrderStatus.PLACED) changes.paymentDueAt = this.paymentDeadline(order, now);
    // The one way an agency order becomes payable: the unit's policy let it out of PENDING_APPROVAL.
    if (from === OrderStatus.PENDING_APPROVAL && to === OrderStatus.PLACED && order.buyerKind === BuyerKind.AGENCY)
      changes.approvedAt = now;
    if (RELEASING_STATUSES.has(to)) await this.releaseUnshipped(tx, order, supplierOrders, opts.reason ?? t.note);

    await this.db.repo(tx, Order).update({ id: order.id }, changes);
    // What changed, for the operation's audit event (libs/audit).
    tx.audit?.note({ entityType: 'Order', entityId: order.id, before: { status: from }, after: { ...changes } });
    const moved = Object.assign(order, changes);
    await this.history(tx, moved, from, to, actor, opts.reason ?? null, opts.data ?? {});
    await this.publish(tx, orderEventNamed(eventTypeFor(to)), moved, from, opts.data ?? {});
    if (to === OrderStatus.PLACED && moved.paymentDueAt) await this.scheduleExpiry(moved.id, moved.paymentDueAt, 1);
    return this.db.repo(tx, Order).findOneByOrFail({ id: order.id });
  }

  /** A history row for a fact that is not a move (payment on a pay-on-delivery order, deadline extended). */
  async note(
    tx: RequestContext,
    order: Order,
    actor: ActorKind,
    reason: string,
    data: Record<string, unknown> = {},
    event?: OrderEventClass,
  ): Promise<void> {
    await this.history(tx, order, order.status, order.status, actor, reason, data);
    if (event) await this.publish(tx, event, order, order.status, data);
  }

  async history(
    tx: RequestContext,
    order: Order,
    from: OrderStatus | null,
    to: OrderStatus,
    actor: ActorKind,
    reason: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.db.repo(tx, OrderHistory).insert({
      orderId: order.id,
      fromStatus: from,
      toStatus: to,
      actorKind: actor,
      actorUserId: tx.userId,
      reason,
      data: data as never,
    });
  }

  /** Moves a supplier order (caller holds the order lock); history row included. */
  async moveSupplierOrder(
    tx: RequestContext,
    so: SupplierOrder,
    to: SupplierOrderStatus,
    actor: ActorKind,
    changes: Partial<SupplierOrder> = {},
    reason: string | null = null,
    data: Record<string, unknown> = {},
  ): Promise<SupplierOrder> {
    // A move may be listed once per kind of actor (the counter's are guarded): the entry for this actor.
    const t = SUPPLIER_ORDER_MACHINE.assertTransition(so.status, to, { where: (m) => m.actors.includes(actor) });
    if (!t.actors.includes(actor)) throw forbidden(`${to} from ${so.status} is not a move for ${actor.toLowerCase()}`);
    if (t.guard) {
      const [row]: Array<{ kind: string }> = await this.db
        .manager(tx)
        .query(`SELECT c.kind FROM orders o JOIN channel_directory c ON c.id = o.channel_id WHERE o.id = $1`, [
          so.orderId,
        ]);
      SUPPLIER_ORDER_MACHINE.checkGuard(t, so.status, { supplierOrder: so, channelKind: row?.kind ?? '' });
    }
    await this.db.repo(tx, SupplierOrder).update({ id: so.id }, { ...changes, status: to });
    tx.audit?.note({
      entityType: 'SupplierOrder',
      entityId: so.id,
      before: { status: so.status },
      after: { ...changes, status: to },
    });
    await this.db.repo(tx, SupplierOrderHistory).insert({
      supplierOrderId: so.id,
      fromStatus: so.status,
      toStatus: to,
      actorKind: actor,
      actorUserId: tx.userId,
      reason,
      data: data as never,
    });
    return Object.assign(so, changes, { status: to });
  }

  /**
   * Publishes `event` for `order`. When the event makes the order count (see `countsNow`) or records a
   * refund, the order's counting facts are read here, once (its lines among them), and travel in
   * OrderCounted (published right after) and OrderRefunded: the consumers running in this transaction
   * (attribution, statistics) compute from the payload instead of reading the order again. `known`:
   * the supplier orders and lines the caller has just written (checkout), sent as they are.
   */
  async publish(
    tx: RequestContext,
    event: OrderEventClass,
    order: Order,
    from: OrderStatus | null,
    extra: Record<string, unknown> = {},
    known?: { supplierOrders: SupplierOrder[]; lines: OrderLine[] },
  ): Promise<void> {
    const supplierOrders = known?.supplierOrders ?? (await this.supplierOrders(tx, order.id));
    const payload: OrderEventPayload = { ...this.payload(order, from, supplierOrders), ...extra };
    if (known) payload.lines = known.lines.map(eventLine);
    const counts = countsNow(event, order);
    if (!counts && event !== OrderRefunded) {
      await this.outbox.publish(tx, new event(order.id, payload as never));
      return;
    }
    const facts = await this.facts.factsOf(tx, order, await this.lines(tx, order.id));
    await this.outbox.publish(
      tx,
      event === OrderRefunded
        ? new OrderRefunded(order.id, { ...payload, facts })
        : new event(order.id, payload as never),
    );
    if (counts) await this.outbox.publish(tx, new OrderCounted(order.id, facts));
  }

  payload(order: Order, from: OrderStatus | null, supplierOrders: SupplierOrder[]): OrderEventPayload {
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      status: order.status,
      from,
      buyerKind: order.buyerKind,
      buyerUserId: order.buyerUserId,
      buyerOrgId: order.buyerOrgId,
      channelId: order.channelId,
      paymentMode: order.paymentMode,
      supplierOrderIds: supplierOrders.map((so) => so.id),
      supplierOrders: supplierOrders.map((so) => ({
        id: so.id,
        supplierId: so.supplierId,
        status: so.status,
        subtotal: so.subtotal,
      })),
      amounts: { total: order.totalAmount, paid: order.paidAmount, refunded: order.refundedAmount },
    };
  }

  /** Gives back the reservations of supplier orders that have not shipped, and closes them. */
  private async releaseUnshipped(
    tx: RequestContext,
    order: Order,
    supplierOrders: SupplierOrder[],
    reason: string,
  ): Promise<void> {
    const open = supplierOrders.filter((so) => so.status === SupplierOrderStatus.AWAITING_SHIPMENT);
    if (open.length === 0) return;
    const lines = await this.db.repo(tx, OrderLine).find({ where: { supplierOrderId: In(open.map((so) => so.id)) } });
    await this.stock.release(tx, lines);
    for (const so of open)
      await this.moveSupplierOrder(tx, so, SupplierOrderStatus.CANCELLED, ActorKind.SYSTEM, {}, reason);
  }

  /** When an order entering PLACED must be paid by: retail soon, agency prepay within the configured days. */
  paymentDeadline(order: Pick<Order, 'buyerKind' | 'paymentMode'>, now: Date): Date | null {
    if (order.paymentMode !== PaymentMode.PREPAY) return null;
    if (order.buyerKind === BuyerKind.CUSTOMER)
      return new Date(now.getTime() + this.config.retailPaymentMinutes * 60_000);
    return new Date(now.getTime() + this.config.agencyPaymentDays * 86_400_000);
  }

  /**
   * Checkout's expiry, added once the order has committed (so the checkout transaction does not wait
   * on Redis): the `expire-due` job of the deadline's bucket (EXPIRY_BUCKET_MS), added once per bucket
   * by this process (its job id makes it once across processes too). A failure is logged, not thrown:
   * the order stands, the next checkout of the bucket tries again, and the expiry sweep
   * (ORDER_EXPIRY_SWEEP_MS) cancels it if it is still unpaid past its deadline.
   */
  async scheduleExpiryAfterCommit(orderId: string, dueAt: Date): Promise<void> {
    const bucket = Math.ceil(dueAt.getTime() / EXPIRY_BUCKET_MS) * EXPIRY_BUCKET_MS;
    if (this.bucketsAdded.has(bucket)) return;
    this.bucketsAdded.add(bucket);
    for (const b of this.bucketsAdded) if (b < Date.now()) this.bucketsAdded.delete(b);
    try {
      await this.queues.add(
        ORDER_EXPIRY_QUEUE,
        EXPIRE_DUE_JOB,
        { dueBy: new Date(bucket).toISOString() },
        { jobId: `expire-due-${bucket}`, delay: Math.max(0, bucket - Date.now()) },
      );
    } catch (e) {
      this.bucketsAdded.delete(bucket);
      this.log.warn(`expiry job of order ${orderId} not added, the sweep will expire it: ${(e as Error).message}`);
    }
  }

  /** The deadline buckets whose `expire-due` job this process has added (future ones only). */
  private readonly bucketsAdded = new Set<number>();

  /**
   * A delayed `order-expiry` job at the deadline. Added inside the transaction: if the transaction
   * then rolls back the job finds no unpaid order and does nothing, whereas adding after commit could
   * be lost to a crash. The job re-checks state, so an extension only needs a second job.
   */
  async scheduleExpiry(orderId: string, dueAt: Date, attempt: number): Promise<void> {
    await this.queues.add(
      ORDER_EXPIRY_QUEUE,
      EXPIRE_JOB,
      { orderId },
      { jobId: `expire-${orderId}-${attempt}`, delay: Math.max(0, dueAt.getTime() - Date.now()) },
    );
  }
}

/**
 * Whether publishing `event` for `order` (already moved) is the moment it starts to count (DESIGN's
 * "What counts"): an agency order at acceptance (验收); a retail order once paid and delivered, so at
 * delivery when paid before, or at payment when paid on delivery.
 */
function countsNow(event: OrderEventClass, order: Order): boolean {
  if (order.buyerKind === BuyerKind.AGENCY) return event === OrderAccepted;
  return (event === OrderDelivered && !!order.paidAt) || (event === OrderPaid && !!order.deliveredAt);
}

function eventLine(l: OrderLine) {
  return {
    lineId: l.id,
    supplierOrderId: l.supplierOrderId,
    supplierId: l.supplierId,
    variantId: l.variantId,
    productId: l.productId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
    refundedAmount: l.refundedAmount,
    certified: l.certified,
  };
}
