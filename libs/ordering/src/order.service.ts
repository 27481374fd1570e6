import { OrderingErrorCode, refundExceedsPaid } from './ordering.errors';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, AppError, badInput, Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { OrderPaid, OrderPaymentDeadlineExtended } from '@bangfu/events';
import { allocate } from '@bangfu/money';
import { In } from 'typeorm';
import { OrderAccessService } from './order-access.service';
import { type MoveOptions, OrderStateMachine } from './order-state.service';
import { refundTarget } from './order-transitions';
import { ORDERING_CONFIG, type OrderingConfig } from './ordering.config';
import {
  ActorKind,
  BuyerKind,
  Order,
  OrderDocument,
  OrderHistory,
  OrderLine,
  OrderRefund,
  OrderStatus,
  PaymentMode,
  type SupplierOrder,
  SupplierOrderStatus,
} from './ordering.entities';

export interface MarkPaidInput {
  /** The payment's own id (payment domain); the same id twice is one payment. */
  paymentId: string;
  amount: number;
}

export interface RecordRefundInput {
  /** The refund's own id (payment domain); the same id twice is one refund. */
  refundId: string;
  amount: number;
  /** How the amount splits over lines; omitted: pro rata to what each line still has refundable. */
  lines?: Array<{ lineId: string; amount: number }> | null;
  reason?: string | null;
}

export interface AcceptOrderData {
  invoiceNo: string;
  /** Storage keys returned by POST /files/orders/:orderId/documents. */
  documents: string[];
}

/** States in which a pay-on-delivery order may receive its payment without changing status. */
const POD_PAYABLE = new Set([
  OrderStatus.CONFIRMED,
  OrderStatus.FULFILLING,
  OrderStatus.DELIVERED,
  OrderStatus.ACCEPTED,
]);

const text = (value: string | null | undefined, field: string, max: number, required = true): string | null => {
  const v = value?.trim() ?? '';
  if (!v) {
    if (required) throw badInput(`${field} is required`, { field });
    return null;
  }
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v;
};

const positiveFen = (value: number, field: string) => {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw badInput(`${field} must be a positive whole number of fen`, { field });
  return value;
};

/**
 * The order's public API for resolvers and other domains (payment calls markPaid/recordRefund and
 * posts its ledger entries in the same transaction by passing its ctx). Every method is one
 * transaction, joining the caller's when there is one, and holds the order row lock throughout.
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly db: Db,
    private readonly machine: OrderStateMachine,
    private readonly access: OrderAccessService,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  /** The order (NOT_FOUND when there is none). No permission check: for trusted callers. */
  get(ctx: RequestContext, orderId: string): Promise<Order> {
    return this.machine.find(ctx, orderId);
  }

  /** The order's supplier parts. No permission check: for trusted callers (procurement's rebinding). */
  supplierOrders(ctx: RequestContext, orderId: string): Promise<SupplierOrder[]> {
    return this.machine.supplierOrders(ctx, orderId);
  }

  /**
   * When the order entered `status` and who moved it, oldest first (procurement: the month it was
   * placed, who accepted it). No permission check: for trusted callers.
   */
  async entered(
    ctx: RequestContext,
    orderId: string,
    status: OrderStatus,
  ): Promise<Array<{ at: Date; actorUserId: string | null }>> {
    const rows = await this.db
      .repo(ctx, OrderHistory)
      .find({ where: { orderId, toStatus: status }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((h) => ({ at: h.createdAt, actorUserId: h.actorUserId }));
  }

  /** The order when the caller may act as its buyer (buyer, its unit, its agency admins, platform admin); else FORBIDDEN. */
  async requireBuyerAccess(ctx: RequestContext, orderId: string): Promise<Order> {
    const order = await this.machine.find(ctx, orderId);
    await this.access.requireBuyer(ctx, order);
    return order;
  }

  /** The order row FOR UPDATE in the caller's transaction (NOT_FOUND when there is none). No permission check: for trusted callers. */
  lock(tx: RequestContext, orderId: string): Promise<Order> {
    return this.machine.lock(tx, orderId);
  }

  lines(ctx: RequestContext, orderId: string): Promise<OrderLine[]> {
    return this.machine.lines(ctx, orderId);
  }

  /** Any move of the transition table (guards, history row, outbox event `order.<status>`). Actor defaults to SYSTEM. */
  async transition(ctx: RequestContext, orderId: string, to: OrderStatus, opts: MoveOptions = {}): Promise<Order> {
    return this.db.transaction(ctx, async (tx) =>
      this.machine.move(tx, await this.machine.lock(tx, orderId), to, opts),
    );
  }

  /**
   * A payment of the whole order arrived. Prepay: PLACED → PAID. Pay on delivery: recorded on the
   * order (history row, `order.paid` event) without a status change. Idempotent for the same
   * paymentId; a second, different payment is ORDER_ALREADY_PAID; a cancelled or unapproved order
   * is ORDER_NOT_PAYABLE (the payment domain then refunds).
   */
  async markPaid(ctx: RequestContext, orderId: string, input: MarkPaidInput): Promise<Order> {
    const paymentId = text(input.paymentId, 'paymentId', 200) as string;
    positiveFen(input.amount, 'amount');
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      if (order.paidAmount > 0) {
        if (order.paymentId === paymentId) return order;
        throw new AppError(OrderingErrorCode.ORDER_ALREADY_PAID, `Order ${order.orderNo} is already paid`, {
          orderId,
          paymentId: order.paymentId,
        });
      }
      const prepay = order.status === OrderStatus.PLACED && order.paymentMode === PaymentMode.PREPAY;
      const pod = order.paymentMode === PaymentMode.PAY_ON_DELIVERY && POD_PAYABLE.has(order.status);
      if (!prepay && !pod)
        throw new AppError(ErrorCode.ORDER_NOT_PAYABLE, `An order in ${order.status} cannot be paid`, {
          orderId,
          status: order.status,
        });
      // Same code as above so payment treats the money as unmatched (owed back), not as a crash.
      if (prepay && order.buyerKind === BuyerKind.AGENCY && !order.approvedAt) {
        throw new AppError(
          ErrorCode.ORDER_NOT_PAYABLE,
          'This agency order has not passed the unit’s approval and cannot be paid',
          { orderId, status: order.status, reason: 'ORDER_NOT_APPROVED' },
        );
      }
      if (input.amount !== order.totalAmount) {
        throw new AppError(
          ErrorCode.PAYMENT_AMOUNT_MISMATCH,
          `The payment (${input.amount} fen) does not equal the order total (${order.totalAmount} fen)`,
          {
            orderId,
            expected: order.totalAmount,
            received: input.amount,
          },
        );
      }
      const paid = { paidAmount: input.amount, paymentId, paidAt: new Date() };
      await this.db.repo(tx, Order).update({ id: order.id }, paid);
      Object.assign(order, paid);
      const data = { paymentId, amount: input.amount };
      if (prepay)
        return this.machine.move(tx, order, OrderStatus.PAID, {
          actor: ActorKind.SYSTEM,
          reason: 'payment received',
          data,
        });
      await this.machine.note(tx, order, ActorKind.SYSTEM, 'payment received (pay on delivery)', data, OrderPaid);
      return this.machine.lock(tx, order.id);
    });
  }

  /**
   * A refund went out. Tracks refunded amounts per line (never more than a line's total, never more
   * than was paid: REFUND_EXCEEDS_PAID) and moves the order to REFUNDED (everything) or
   * PARTIALLY_REFUNDED (after delivery). A full refund before shipment releases the reservations;
   * after shipment no stock comes back. Idempotent for the same refundId.
   */
  async recordRefund(ctx: RequestContext, orderId: string, input: RecordRefundInput): Promise<Order> {
    const refundId = text(input.refundId, 'refundId', 200) as string;
    positiveFen(input.amount, 'amount');
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      const seen = await this.db.repo(tx, OrderRefund).findOneBy({ refundId });
      if (seen) {
        if (seen.orderId === order.id && seen.amount === input.amount) return order;
        throw new AppError(
          OrderingErrorCode.REFUND_ID_REUSED,
          `Refund ${refundId} was already recorded with different details`,
          {
            field: 'refundId',
          },
        );
      }
      const refundable = order.paidAmount - order.refundedAmount;
      if (input.amount > refundable) throw refundExceedsPaid(order, refundable, input.amount);
      const target = refundTarget(order, order.refundedAmount + input.amount, 'cancel or refund in full');
      const lines = await this.machine.lines(tx, order.id);
      const split = input.lines?.length
        ? this.checkLineSplit(lines, input.lines, input.amount)
        : this.proRata(lines, input.amount);
      for (const part of split) {
        if (part.amount > 0)
          await this.db.repo(tx, OrderLine).increment({ id: part.lineId }, 'refundedAmount', part.amount);
      }
      await this.db
        .repo(tx, OrderRefund)
        .insert({ orderId: order.id, refundId, amount: input.amount, lines: split, actorUserId: tx.userId });
      await this.db.repo(tx, Order).increment({ id: order.id }, 'refundedAmount', input.amount);
      order.refundedAmount += input.amount;
      return this.machine.move(tx, order, target, {
        actor: ActorKind.SYSTEM,
        reason: input.reason?.trim() || 'refund',
        data: { refund: { refundId, amount: input.amount, lines: split } },
      });
    });
  }

  /** Buyer (or platform admin) cancels before anything shipped; reservations are released. */
  async cancel(ctx: RequestContext, orderId: string, reason: string): Promise<Order> {
    const why = text(reason, 'reason', 500) as string;
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      const actor = await this.access.requireBuyer(tx, order);
      // A client retrying after a lost response must not see its own cancellation as an error.
      if (order.status === OrderStatus.CANCELLED) return order;
      if (order.paidAmount > 0 && order.paidAmount > order.refundedAmount) {
        throw new AppError(OrderingErrorCode.ORDER_PAID, 'This order is paid: ask for a refund instead of cancelling', {
          status: order.status,
        });
      }
      const shipped = (await this.machine.supplierOrders(tx, order.id)).some(
        (so) => so.status === SupplierOrderStatus.SHIPPED || so.status === SupplierOrderStatus.DELIVERED,
      );
      if (shipped)
        throw new AppError(
          OrderingErrorCode.ORDER_ALREADY_SHIPPED,
          'Part of the order has already shipped: it can no longer be cancelled',
          { status: order.status },
        );
      return this.machine.move(tx, order, OrderStatus.CANCELLED, { actor, reason: why });
    });
  }

  /** Agency buyer chooses pay on delivery: PLACED → CONFIRMED; the payment deadline no longer applies. */
  async confirm(ctx: RequestContext, orderId: string): Promise<Order> {
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      const actor = await this.access.requireBuyer(tx, order);
      if (order.buyerKind !== BuyerKind.AGENCY)
        throw new AppError(
          OrderingErrorCode.AGENCY_ORDERS_ONLY,
          'Pay on delivery is for agency (budget unit) orders only',
        );
      await this.db.repo(tx, Order).update({ id: order.id }, { paymentMode: PaymentMode.PAY_ON_DELIVERY });
      order.paymentMode = PaymentMode.PAY_ON_DELIVERY;
      return this.machine.move(tx, order, OrderStatus.CONFIRMED, { actor, reason: 'pay on delivery' });
    });
  }

  /** 验收: the agency records the invoice number and the inspection documents it uploaded. */
  async accept(ctx: RequestContext, orderId: string, input: AcceptOrderData): Promise<Order> {
    const invoiceNo = text(input.invoiceNo, 'invoiceNo', 64) as string;
    const keys = [...new Set(input.documents ?? [])];
    if (keys.length === 0)
      throw new AppError(
        OrderingErrorCode.DOCUMENTS_REQUIRED,
        'Upload the invoice and inspection documents first, then pass their fileKeys',
        { field: 'documents' },
      );
    if (keys.length > 20) throw badInput('At most 20 documents', { field: 'documents' });
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      const actor = await this.access.requireBuyer(tx, order);
      const docs = await this.db.repo(tx, OrderDocument).findBy({ orderId: order.id, storageKey: In(keys) });
      const missing = keys.filter((k) => !docs.some((d) => d.storageKey === k));
      if (missing.length)
        throw new AppError(OrderingErrorCode.DOCUMENT_NOT_FOUND, 'Some documents were not uploaded for this order', {
          field: 'documents',
          missing,
        });
      await this.db.repo(tx, Order).update({ id: order.id }, { invoiceNo });
      order.invoiceNo = invoiceNo;
      const accepted = await this.machine.move(tx, order, OrderStatus.ACCEPTED, {
        actor,
        reason: 'accepted (验收)',
        data: { invoiceNo, documents: keys },
      });
      await this.db.repo(tx, OrderDocument).update({ id: In(docs.map((d) => d.id)) }, { inAcceptance: true });
      return accepted;
    });
  }

  /** Platform admin settles: after acceptance (agency) or delivery (retail), paid in full. */
  async settle(ctx: RequestContext, orderId: string): Promise<Order> {
    if (!ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN)) throw forbidden('Only platform admins settle orders');
    return this.transition(ctx, orderId, OrderStatus.SETTLED, { actor: ActorKind.PLATFORM_ADMIN, reason: 'settled' });
  }

  /** The one extension of an agency prepay deadline (ORDER_AGENCY_EXTENSION_DAYS, default 15 days). */
  async extendPaymentDeadline(ctx: RequestContext, orderId: string): Promise<Order> {
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      const actor = await this.access.requireBuyer(tx, order);
      if (
        order.status !== OrderStatus.PLACED ||
        order.buyerKind !== BuyerKind.AGENCY ||
        order.paymentMode !== PaymentMode.PREPAY ||
        !order.paymentDueAt
      ) {
        throw new AppError(
          OrderingErrorCode.NO_PAYMENT_DEADLINE,
          'Only an unpaid agency prepay order has a payment deadline to extend',
          { status: order.status },
        );
      }
      if (order.paymentDeadlineExtended)
        throw new AppError(
          OrderingErrorCode.PAYMENT_DEADLINE_ALREADY_EXTENDED,
          'The payment deadline can be extended once',
        );
      if (order.paymentDueAt.getTime() <= Date.now())
        throw new AppError(OrderingErrorCode.PAYMENT_DEADLINE_PASSED, 'The payment deadline has already passed');
      const dueAt = new Date(order.paymentDueAt.getTime() + this.config.agencyExtensionDays * 86_400_000);
      await this.db.repo(tx, Order).update({ id: order.id }, { paymentDueAt: dueAt, paymentDeadlineExtended: true });
      Object.assign(order, { paymentDueAt: dueAt, paymentDeadlineExtended: true });
      await this.machine.note(
        tx,
        order,
        actor,
        'payment deadline extended',
        { paymentDueAt: dueAt.toISOString() },
        OrderPaymentDeadlineExtended,
      );
      await this.machine.scheduleExpiry(order.id, dueAt, 2);
      return this.machine.lock(tx, order.id);
    });
  }

  /**
   * The expiry job's work: cancels the order (releasing its stock) if it is still unpaid past its
   * deadline; anything else (paid, extended, already cancelled) is left alone. Returns whether it cancelled.
   */
  async expireIfDue(ctx: RequestContext, orderId: string, now = new Date()): Promise<boolean> {
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      if (
        order.status !== OrderStatus.PLACED ||
        !order.paymentDueAt ||
        order.paymentDueAt.getTime() > now.getTime() ||
        order.paidAmount > 0
      )
        return false;
      await this.machine.move(tx, order, OrderStatus.CANCELLED, {
        actor: ActorKind.SYSTEM,
        reason: 'payment deadline passed',
        data: { expired: true },
      });
      return true;
    });
  }

  /** Unpaid orders past their deadline (the sweep's safety net for expiry jobs lost with Redis). */
  async overdueOrderIds(ctx: RequestContext, now = new Date(), limit = 500): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db
      .manager(ctx)
      .query(
        `SELECT id FROM orders WHERE status = 'PLACED' AND payment_due_at IS NOT NULL AND payment_due_at <= $1 ORDER BY payment_due_at LIMIT $2`,
        [now, limit],
      );
    return rows.map((r) => r.id);
  }

  private checkLineSplit(
    lines: OrderLine[],
    split: Array<{ lineId: string; amount: number }>,
    amount: number,
  ): Array<{ lineId: string; amount: number }> {
    const seen = new Set<string>();
    let sum = 0;
    for (const [i, part] of split.entries()) {
      const line = lines.find((l) => l.id === part.lineId);
      if (!line) throw badInput(`lines[${i}].lineId is not a line of this order`, { field: `lines[${i}].lineId` });
      if (seen.has(line.id)) throw badInput(`lines[${i}].lineId appears twice`, { field: `lines[${i}].lineId` });
      seen.add(line.id);
      positiveFen(part.amount, `lines[${i}].amount`);
      if (part.amount > line.lineTotal - line.refundedAmount) {
        throw new AppError(
          ErrorCode.REFUND_EXCEEDS_PAID,
          `Line ${line.sku} has only ${line.lineTotal - line.refundedAmount} fen left to refund`,
          {
            field: `lines[${i}].amount`,
            lineId: line.id,
          },
        );
      }
      sum += part.amount;
    }
    if (sum !== amount) throw badInput(`The line amounts add up to ${sum} fen, not ${amount}`, { field: 'lines' });
    return split.map((p) => ({ lineId: p.lineId, amount: p.amount }));
  }

  /** Largest remainder over what each line still has refundable: exact, and never above a line's remainder (the amount is at most their sum). */
  private proRata(lines: OrderLine[], amount: number): Array<{ lineId: string; amount: number }> {
    const parts = allocate(
      amount,
      lines.map((l) => l.lineTotal - l.refundedAmount),
    );
    return lines.map((l, i) => ({ lineId: l.id, amount: parts[i] })).filter((p) => p.amount > 0);
  }
}
