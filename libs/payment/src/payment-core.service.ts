import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ErrorCode, AppError, Db, isUuid, notFound, prepared, type RequestContext } from '@bangfu/core';
import { LedgerService, sharesOfLines, type SupplierOrderShare } from '@bangfu/ledger';
import { type Fen } from '@bangfu/money';
import { BuyerKind, Order, OrderService, OrderStatus, PaymentMode } from '@bangfu/ordering';
import { BankTransferProvider } from './bank-transfer.provider';
import { Payment, PaymentFlag, PaymentOutcome, PaymentProviderKind, PaymentStatus } from './payment.entities';
import type { PaymentProvider } from './provider';
import { StripePaymentProvider } from './stripe.provider';

/** Pay-on-delivery orders take their payment in these statuses (mirrors OrderService.markPaid). */
const POD_PAYABLE = new Set([
  OrderStatus.CONFIRMED,
  OrderStatus.FULFILLING,
  OrderStatus.DELIVERED,
  OrderStatus.ACCEPTED,
]);

/** Why an order cannot be paid now, or null when it can. */
export function notPayableReason(order: Order): string | null {
  if (order.paidAmount > 0) return `order ${order.orderNo} is already paid`;
  // The same rule as ordering's PLACED → PAID guard, checked before any money is asked for.
  if (order.buyerKind === BuyerKind.AGENCY && !order.approvedAt)
    return `agency order ${order.orderNo} has not passed the unit's approval`;
  if (order.status === OrderStatus.PLACED && order.paymentMode === PaymentMode.PREPAY) return null;
  if (order.paymentMode === PaymentMode.PAY_ON_DELIVERY && POD_PAYABLE.has(order.status)) return null;
  return `an order in ${order.status} cannot be paid`;
}

export function assertPayable(order: Order): void {
  const why = notPayableReason(order);
  if (why)
    throw new AppError(ErrorCode.ORDER_NOT_PAYABLE, `This order cannot be paid: ${why}`, {
      orderId: order.id,
      status: order.status,
    });
}

/**
 * What every way of paying shares: the provider for a payment, locks, and applying money that
 * arrived — OrderService.markPaid plus the ledger posting in ONE transaction, or, when the order can
 * no longer take it (cancelled, paid by another payment), recording it as unmatched money owed back
 * to the buyer and flagging the payment for refund, instead of failing.
 */
@Injectable()
export class PaymentCoreService {
  constructor(
    private readonly db: Db,
    private readonly orders: OrderService,
    private readonly ledger: LedgerService,
    readonly stripe: StripePaymentProvider,
    readonly bank: BankTransferProvider,
  ) {}

  provider(kind: PaymentProviderKind): PaymentProvider {
    return kind === PaymentProviderKind.STRIPE ? this.stripe : this.bank;
  }

  /**
   * Serialises money work on one order (intents, transfers, confirmations, refunds, provider news)
   * within the caller's transaction. It is the FIRST lock every such operation takes — before the
   * payment, refund or order rows — so they all queue in one order and cannot deadlock; and nothing
   * a decision rests on (amounts paid, refunded, in flight) may be read before it is held.
   */
  async lockOrderPayments(tx: RequestContext, orderId: string): Promise<void> {
    await this.db
      .manager(tx)
      .query(prepared(`SELECT pg_advisory_xact_lock(hashtextextended('payment-order:' || $1, 0))`), [orderId]);
  }

  /**
   * The order's payment lock, then the order row FOR UPDATE, read after both: what was paid and
   * refunded, and the status, are current and stay so until the caller commits (ordering's own
   * moves take the same row lock).
   */
  async lockOrder(tx: RequestContext, orderId: string): Promise<Order> {
    if (!isUuid(orderId)) throw notFound('Order', orderId);
    await this.lockOrderPayments(tx, orderId);
    return this.orders.lock(tx, orderId);
  }

  /** The payment row FOR UPDATE, taken after its order's payment lock (a payment never changes order). */
  async lockPayment(tx: RequestContext, paymentId: string): Promise<Payment> {
    if (!isUuid(paymentId)) throw notFound('Payment', paymentId);
    const repo = this.db.repo(tx, Payment);
    const found = await repo.findOne({ where: { id: paymentId }, select: { id: true, orderId: true } });
    if (!found) throw notFound('Payment', paymentId);
    await this.lockOrderPayments(tx, found.orderId);
    return repo.findOneOrFail({ where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Each supplier order's share of the order total (from its lines), for the ledger. */
  async shares(tx: RequestContext, orderId: string): Promise<SupplierOrderShare[]> {
    return sharesOfLines(await this.orders.lines(tx, orderId));
  }

  /**
   * Money for `payment` arrived (Stripe succeeded, bank transfer confirmed). Idempotent: a payment
   * already SUCCEEDED is returned as it is. Runs in the caller's transaction.
   */
  async applySucceeded(
    ctx: RequestContext,
    paymentId: string,
    received: { amount: Fen; confirmedBy?: string | null },
  ): Promise<Payment> {
    return this.db.transaction(ctx, async (tx) => {
      const payment = await this.lockPayment(tx, paymentId);
      if (payment.status === PaymentStatus.SUCCEEDED) return payment;
      const provider = this.provider(payment.provider);
      const now = new Date();
      const base: Partial<Payment> = { status: PaymentStatus.SUCCEEDED, paidAt: payment.paidAt ?? now };
      if (received.confirmedBy !== undefined)
        Object.assign(base, { confirmedByUserId: received.confirmedBy, confirmedAt: now });

      let unmatched: string | null = null;
      if (received.amount !== payment.amount)
        unmatched = `received ${received.amount} fen for a payment of ${payment.amount} fen`;
      if (!unmatched) {
        try {
          await this.savepoint(tx, async () => {
            await this.orders.markPaid(tx, payment.orderId, { paymentId: payment.id, amount: payment.amount });
            await this.ledger.postBuyerPayment(tx, {
              orderId: payment.orderId,
              paymentId: payment.id,
              amount: payment.amount,
              cash: provider.cashAccount,
              shares: await this.shares(tx, payment.orderId),
              reference: payment.providerRef ?? payment.reference ?? payment.id,
            });
          });
        } catch (e) {
          if (
            !(e instanceof AppError) ||
            !['ORDER_NOT_PAYABLE', 'ORDER_ALREADY_PAID', 'PAYMENT_AMOUNT_MISMATCH'].includes(e.code)
          )
            throw e;
          unmatched = e.message;
        }
      }
      if (unmatched) {
        await this.ledger.postUnmatchedReceipt(tx, {
          orderId: payment.orderId,
          paymentId: payment.id,
          amount: received.amount,
          cash: provider.cashAccount,
          reference: payment.providerRef ?? payment.reference ?? payment.id,
        });
        Object.assign(base, {
          outcome: PaymentOutcome.UNMATCHED,
          flag: PaymentFlag.NEEDS_REFUND,
          flagReason: unmatched,
          amount: received.amount,
        });
      } else {
        Object.assign(base, { outcome: PaymentOutcome.APPLIED });
      }
      await this.db.repo(tx, Payment).update({ id: payment.id }, base);
      return Object.assign(payment, base);
    });
  }

  /** Runs fn so that its database work is undone if it throws, while the outer transaction goes on. */
  async savepoint<T>(tx: RequestContext, fn: () => Promise<T>): Promise<T> {
    const em = this.db.manager(tx);
    const name = `sp_${randomBytes(6).toString('hex')}`;
    await em.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await em.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (e) {
      await em.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw e;
    }
  }
}
