import { PaymentErrorCode } from './payment.errors';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, AppError, badInput, Db, prepared, type Principal, type RequestContext, Role } from '@bangfu/core';
import { type Fen } from '@bangfu/money';
import { type Order, OrderService } from '@bangfu/ordering';
import { IsNull, Not } from 'typeorm';
import { assertPayable, PaymentCoreService } from './payment-core.service';
import { Payment, PaymentMethod, PaymentProviderKind, PaymentStatus } from './payment.entities';
import type { PayOrderResult } from './payment.types';
import type { IntentResult } from './provider';

const REUSABLE = [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.FAILED];
const MAX_FUTURE_SKEW_MS = 10 * 60_000;

/**
 * Who may record a bank transfer: the buying agency's finance (agency admin or purchaser) for agency
 * orders; the retail buyer only where no card/wallet provider is configured (otherwise a deployment
 * without Stripe — the embedded default — could never take a retail payment).
 */
export function bankTransferAllowed(
  principal: Principal,
  order: Pick<Order, 'buyerOrgId'>,
  stripeEnabled: boolean,
): boolean {
  return order.buyerOrgId ? principal.hasRole(Role.AGENCY_ADMIN, Role.PURCHASER) : !stripeEnabled;
}

/**
 * Starting payments: Stripe PaymentIntents for card, Alipay and WeChat Pay, and bank transfers
 * against an invoice (recorded by agency finance, confirmed by platform finance).
 */
@Injectable()
export class PaymentService {
  constructor(
    private readonly db: Db,
    private readonly orders: OrderService,
    private readonly core: PaymentCoreService,
  ) {}

  /**
   * A PaymentIntent for the whole order (amount from the order, never from the client). Asking
   * again returns the same open intent; the Stripe idempotency key is derived from order and
   * attempt, so a retry after a crash finds the intent Stripe already made.
   *
   * Three steps, so no database transaction (nor the order's payment lock) is held while Stripe
   * answers: reserve the attempt (committed, so its id is in the intent's metadata before Stripe
   * knows it), call Stripe, record the intent. A concurrent or later caller that finds the attempt
   * reserved but not yet recorded repeats the call with the same key and gets the same intent.
   */
  async payOrder(ctx: RequestContext, orderId: string, method: PaymentMethod): Promise<PayOrderResult> {
    const stripe = this.core.stripe;
    for (let conflicts = 0; ; conflicts++) {
      const step = await this.reserveAttempt(ctx, orderId, method);
      if ('done' in step) return step.done;
      const { payment, orderNo } = step;
      let intent: IntentResult;
      try {
        intent = await stripe.createIntent({
          orderId: payment.orderId,
          paymentId: payment.id,
          amount: payment.amount,
          method,
          idempotencyKey: payment.idempotencyKey,
          description: `Bangfu order ${orderNo}`,
        });
      } catch (e) {
        // A key Stripe saw with other parameters (an attempt recorded elsewhere, e.g. before a
        // database restore) or a 5xx Stripe stored against the key (it replays those): retire this
        // attempt, so the next call reserves a fresh key. A connection error keeps the key: Stripe
        // may have made the intent, and the same key finds it. (409 is the same key still in
        // flight: the SDK retries those itself.)
        const type = e instanceof AppError ? e.details.providerType : null;
        const conflict = type === 'idempotency_error' && e instanceof AppError && e.details.providerStatus === 400;
        if (conflict || type === 'api_error') {
          await this.db
            .repo(ctx, Payment)
            .update({ id: payment.id, providerRef: IsNull() }, { status: PaymentStatus.CANCELED });
        }
        if (!conflict || conflicts >= 3) throw e;
        continue;
      }
      // The webhook may have recorded the intent id first (news that overtook this step); the
      // client secret is still ours to keep, so a failed card can be retried on the same intent.
      // A transaction of one statement, so this step's audit event commits with it (libs/audit).
      await this.db.transaction(ctx, (tx) =>
        this.db
          .manager(tx)
          .query(
            `UPDATE payment SET provider_ref = $2, client_secret = $3, updated_at = now() WHERE id = $1 AND (provider_ref IS NULL OR provider_ref = $2)`,
            [payment.id, intent.providerRef, intent.clientSecret],
          ),
      );
      return this.result(Object.assign(payment, { providerRef: intent.providerRef }), intent.clientSecret ?? '');
    }
  }

  /** Step 1 of payOrder: the open intent to hand back, or the attempt (reserved or reused) to create at Stripe. */
  private reserveAttempt(
    ctx: RequestContext,
    orderId: string,
    method: PaymentMethod,
  ): Promise<{ done: PayOrderResult } | { payment: Payment; orderNo: string }> {
    return this.db.transaction(ctx, async (tx) => {
      // Whose order it is comes first: someone else's order is FORBIDDEN whatever the method or the platform's setup.
      await this.orders.requireBuyerAccess(tx, orderId);
      if (method === PaymentMethod.BANK_TRANSFER)
        throw badInput('Bank transfers are recorded with recordBankTransfer', { field: 'method' });
      if (!this.core.stripe.enabled)
        throw new AppError(
          PaymentErrorCode.PAYMENT_METHOD_UNAVAILABLE,
          'Online payment is not configured on this platform; pay by bank transfer',
        );
      // Whether it can still be paid, and for how much, is read under the lock (it may have been paid meanwhile).
      const order = await this.core.lockOrder(tx, orderId);
      assertPayable(order);
      const repo = this.db.repo(tx, Payment);
      const open = await repo
        .createQueryBuilder('p')
        .addSelect('p.clientSecret')
        .where(
          'p.order_id = :orderId AND p.provider = :provider AND p.method = :method AND p.amount = :amount AND p.status IN (:...statuses)',
          {
            orderId: order.id,
            provider: PaymentProviderKind.STRIPE,
            method,
            amount: order.totalAmount,
            statuses: REUSABLE,
          },
        )
        .orderBy('p.attempt', 'DESC')
        .getOne();
      if (open?.clientSecret) return { done: this.result(open, open.clientSecret) };
      if (open && !open.providerRef) return { payment: open, orderNo: order.orderNo };
      const [{ max }] = await this.db
        .manager(tx)
        .query(`SELECT coalesce(max(attempt), 0) AS max FROM payment WHERE order_id = $1 AND provider = 'STRIPE'`, [
          order.id,
        ]);
      const attempt = Number(max) + 1;
      const payment = repo.create({
        id: randomUUID(),
        orderId: order.id,
        provider: PaymentProviderKind.STRIPE,
        method,
        status: PaymentStatus.REQUIRES_PAYMENT,
        amount: order.totalAmount,
        attempt,
        idempotencyKey: `bangfu-order-${order.id}-attempt-${attempt}`,
        recordedByUserId: tx.userId,
      });
      await repo.insert(payment);
      return { payment, orderNo: order.orderNo };
    });
  }

  private result(p: Payment, clientSecret: string): PayOrderResult {
    return {
      paymentId: p.id,
      clientSecret,
      amount: p.amount,
      method: p.method,
      publishableKey: this.core.stripe.publishableKey,
    };
  }

  /**
   * Agency finance records a transfer it made (流水号, amount, date); it awaits platform confirmation.
   * Retail customers may pay by transfer too, but only where no card/wallet provider is configured:
   * otherwise a deployment without Stripe (the embedded default) could never take a retail payment.
   */
  async recordBankTransfer(
    ctx: RequestContext,
    input: { orderId: string; reference: string; amount: Fen; paidAt: string },
  ): Promise<Payment> {
    const principal = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      // Whose order it is comes first, as in payOrder: someone else's order is FORBIDDEN whatever was typed.
      const buyer = await this.orders.requireBuyerAccess(tx, input.orderId);
      const reference = input.reference?.trim() ?? '';
      if (!/^[\p{L}\p{N}\-_/.:# ]{1,100}$/u.test(reference))
        throw badInput('reference must be 1–100 letters, digits or - _ / . : #', { field: 'reference' });
      if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
        throw badInput('amount must be a positive integer of fen', { field: 'amount' });
      const paidAt = new Date(input.paidAt);
      if (!/^\d{4}-\d{2}-\d{2}/.test(input.paidAt ?? '') || Number.isNaN(paidAt.getTime()))
        throw badInput('paidAt must be an ISO-8601 date or timestamp', { field: 'paidAt' });
      if (paidAt.getTime() > Date.now() + MAX_FUTURE_SKEW_MS)
        throw badInput('paidAt is in the future', { field: 'paidAt' });
      if (!bankTransferAllowed(principal, buyer, this.core.stripe.enabled)) {
        throw new AppError(
          PaymentErrorCode.BANK_TRANSFER_NOT_ALLOWED,
          buyer.buyerOrgId
            ? 'Bank transfers are recorded by the buying agency’s finance (agency admin or purchaser)'
            : 'Retail orders are paid by card, Alipay or WeChat Pay here',
        );
      }
      // Payable, total and the transfers already recorded are read under the order's lock.
      const order = await this.core.lockOrder(tx, input.orderId);
      assertPayable(order);
      if (input.amount !== order.totalAmount) {
        throw new AppError(
          ErrorCode.PAYMENT_AMOUNT_MISMATCH,
          `The transfer (${input.amount} fen) must equal the order total (${order.totalAmount} fen)`,
          {
            field: 'amount',
            expected: order.totalAmount,
            received: input.amount,
          },
        );
      }
      const repo = this.db.repo(tx, Payment);
      // The three facts the transfer depends on, in one statement: a transfer of this order already
      // awaiting confirmation, the same bank reference recorded (and not rejected), the last attempt.
      // The statuses are written into the text, not passed: a prepared statement's generic plan can use
      // the partial indexes (payment_bank_reference_idx, payment_one_awaiting_idx) only when their
      // conditions are constants; with parameters the reference check read every payment (issue 16, W3).
      const [seen]: Array<{ pending: boolean; duplicate: boolean; max: string }> = await this.db.manager(tx).query(
        prepared(`SELECT EXISTS (SELECT 1 FROM payment WHERE order_id = $1 AND status = '${PaymentStatus.AWAITING_CONFIRMATION}') AS pending,
                EXISTS (SELECT 1 FROM payment WHERE provider = 'BANK_TRANSFER' AND reference = $2 AND status <> '${PaymentStatus.REJECTED}') AS duplicate,
                (SELECT coalesce(max(attempt), 0) FROM payment WHERE order_id = $1 AND provider = 'BANK_TRANSFER') AS max`),
        [order.id, reference],
      );
      if (seen.pending) {
        throw new AppError(
          PaymentErrorCode.BANK_TRANSFER_PENDING,
          'A bank transfer for this order is already awaiting confirmation',
        );
      }
      if (seen.duplicate) {
        throw new AppError(PaymentErrorCode.DUPLICATE_REFERENCE, 'This bank reference was already recorded', {
          field: 'reference',
        });
      }
      const max = seen.max;
      const attempt = Number(max) + 1;
      const payment = repo.create({
        id: randomUUID(),
        orderId: order.id,
        provider: PaymentProviderKind.BANK_TRANSFER,
        method: PaymentMethod.BANK_TRANSFER,
        status: PaymentStatus.AWAITING_CONFIRMATION,
        amount: input.amount,
        attempt,
        idempotencyKey: `bangfu-order-${order.id}-bank-${attempt}`,
        reference,
        paidAt,
        recordedByUserId: tx.userId,
      });
      await this.core.bank.createIntent({
        orderId: order.id,
        paymentId: payment.id,
        amount: payment.amount,
        method: payment.method,
        idempotencyKey: payment.idempotencyKey,
      });
      // Plain prepared SQL rather than repo.insert (the query builder cost more than the statement): the
      // columns the database fills in come back and join the entity, as insert's did.
      const [filled]: Array<{ currency: string; created_at: Date; updated_at: Date }> = await this.db.manager(tx).query(
        prepared(`INSERT INTO payment (id, order_id, provider, method, status, amount, attempt, idempotency_key, reference, paid_at, recorded_by_user_id)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING currency, created_at, updated_at`),
        [
          payment.id,
          payment.orderId,
          payment.provider,
          payment.method,
          payment.status,
          payment.amount,
          payment.attempt,
          payment.idempotencyKey,
          payment.reference,
          payment.paidAt,
          payment.recordedByUserId,
        ],
      );
      return Object.assign(payment, {
        currency: filled.currency,
        createdAt: new Date(filled.created_at),
        updatedAt: new Date(filled.updated_at),
      });
    });
  }

  /** Platform finance saw the money arrive: the order is paid and the ledger posted, in one transaction. */
  async confirmBankTransfer(ctx: RequestContext, paymentId: string): Promise<Payment> {
    return this.db.transaction(ctx, async (tx) => {
      const payment = await this.core.lockPayment(tx, paymentId);
      if (payment.provider !== PaymentProviderKind.BANK_TRANSFER)
        throw new AppError(PaymentErrorCode.NOT_A_BANK_TRANSFER, 'Only bank transfers are confirmed by hand');
      if (payment.status === PaymentStatus.SUCCEEDED) return payment;
      if (payment.status !== PaymentStatus.AWAITING_CONFIRMATION) {
        throw new AppError(
          PaymentErrorCode.PAYMENT_NOT_AWAITING_CONFIRMATION,
          `This transfer is ${payment.status}, not awaiting confirmation`,
          { status: payment.status },
        );
      }
      // Confirming money for an order that can no longer take it must be an explicit rejection.
      // Read under the order's row lock, so a cancellation or another payment cannot slip in between.
      assertPayable(await this.core.lockOrder(tx, payment.orderId));
      return this.core.applySucceeded(tx, payment.id, { amount: payment.amount, confirmedBy: tx.userId });
    });
  }

  /** Platform finance found no such transfer: the record is rejected and the order stays unpaid. */
  async rejectBankTransfer(ctx: RequestContext, paymentId: string, reason: string): Promise<Payment> {
    const why = reason?.trim();
    if (!why || why.length > 500) throw badInput('reason is required (at most 500 characters)', { field: 'reason' });
    return this.db.transaction(ctx, async (tx) => {
      const payment = await this.core.lockPayment(tx, paymentId);
      if (
        payment.provider !== PaymentProviderKind.BANK_TRANSFER ||
        payment.status !== PaymentStatus.AWAITING_CONFIRMATION
      ) {
        throw new AppError(
          PaymentErrorCode.PAYMENT_NOT_AWAITING_CONFIRMATION,
          `This payment is ${payment.status}, not a bank transfer awaiting confirmation`,
          { status: payment.status },
        );
      }
      const changes = {
        status: PaymentStatus.REJECTED,
        rejectedReason: why,
        confirmedByUserId: tx.userId,
        confirmedAt: new Date(),
      };
      await this.db.repo(tx, Payment).update({ id: payment.id }, changes);
      return Object.assign(payment, changes);
    });
  }

  setup(): { stripeEnabled: boolean; publishableKey: string | null; methods: PaymentMethod[] } {
    const stripe = this.core.stripe;
    return {
      stripeEnabled: stripe.enabled,
      publishableKey: stripe.publishableKey,
      methods: [...(stripe.enabled ? stripe.methods : []), ...this.core.bank.methods],
    };
  }

  /** Payments of an order without an access check (the caller has checked). */
  listForOrder(ctx: RequestContext, orderId: string): Promise<Payment[]> {
    return this.db.repo(ctx, Payment).find({ where: { orderId }, order: { createdAt: 'ASC' } });
  }

  /** An order's payments, for its buyer side and platform admins. */
  async orderPayments(ctx: RequestContext, orderId: string): Promise<Payment[]> {
    await this.orders.requireBuyerAccess(ctx, orderId);
    return this.listForOrder(ctx, orderId);
  }

  /** Platform finance's work lists. */
  awaitingConfirmation(ctx: RequestContext): Promise<Payment[]> {
    return this.db
      .repo(ctx, Payment)
      .find({ where: { status: PaymentStatus.AWAITING_CONFIRMATION }, order: { createdAt: 'ASC' }, take: 500 });
  }

  flagged(ctx: RequestContext): Promise<Payment[]> {
    return this.db.repo(ctx, Payment).find({ where: { flag: Not(IsNull()) }, order: { createdAt: 'ASC' }, take: 500 });
  }
}
