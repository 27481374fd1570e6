import { PaymentErrorCode } from './payment.errors';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, AppError, badInput, Db, isUuid, notFound, type RequestContext } from '@bangfu/core';
import { LedgerService } from '@bangfu/ledger';
import { type Fen } from '@bangfu/money';
import { OrderRefund, OrderService, refundExceedsPaid, refundTarget } from '@bangfu/ordering';
import { In } from 'typeorm';
import { PaymentCoreService } from './payment-core.service';
import { Payment, PaymentFlag, PaymentOutcome, PaymentRefund, RefundOrigin, RefundStatus } from './payment.entities';
import { REFUND_MACHINE } from './payment.states';
import { refundState } from './stripe.provider';

export interface RefundOrderInput {
  orderId: string;
  /** Fen; default: everything paid and not yet refunded (or the sum of lineIds). */
  amount?: Fen | null;
  /** Refund these lines in full (what is left of each). */
  lineIds?: string[] | null;
  /** Refund these amounts on these lines (e.g. an upheld complaint about one supplier's part); amount, if given, must equal their sum. */
  lineAmounts?: Array<{ lineId: string; amount: Fen }> | null;
  reason?: string | null;
}

/** The provider's view of one refund (a Stripe Refund object, reduced). */
export interface ProviderRefund {
  id: string;
  amount: Fen;
  status: string | null;
  metadata?: Record<string, string> | null;
  failureReason?: string | null;
}

/**
 * Refunds. A refund is first written PENDING (committed) with its idempotency key, then sent to the
 * provider with that key, then finalised — OrderService.recordRefund and the reversing ledger
 * posting in one transaction. A crash after the provider call is finalised by the provider's
 * webhook (or by retrying the same refund), never refunded twice.
 */
@Injectable()
export class RefundService {
  private readonly log = new Logger('Refunds');
  constructor(
    private readonly db: Db,
    private readonly orders: OrderService,
    private readonly ledger: LedgerService,
    private readonly core: PaymentCoreService,
  ) {}

  async refundOrder(ctx: RequestContext, input: RefundOrderInput): Promise<PaymentRefund> {
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > 500) throw badInput('reason must be at most 500 characters', { field: 'reason' });
    if (
      input.amount !== undefined &&
      input.amount !== null &&
      (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    ) {
      throw badInput('amount must be a positive integer of fen', { field: 'amount' });
    }
    const refund = await this.db.transaction(ctx, async (tx) => {
      // Lock first, then read what can still be refunded: an order read before the lock may predate
      // a refund another caller finished meanwhile, and the same money would go to the provider twice.
      const order = await this.core.lockOrder(tx, input.orderId);
      const payment = await this.db.repo(tx, Payment).findOneBy({ orderId: order.id, outcome: PaymentOutcome.APPLIED });
      const pending = await this.pendingTotal(tx, order.id);
      const refundable = order.paidAmount - order.refundedAmount - pending;
      if (payment && refundable <= 0 && pending > 0) {
        throw new AppError(
          PaymentErrorCode.REFUND_IN_PROGRESS,
          'This order is already being refunded; nothing more can be refunded until that refund completes',
          {
            paid: order.paidAmount,
            refunded: order.refundedAmount,
            pending,
          },
        );
      }
      if (!payment || refundable <= 0) {
        throw new AppError(
          ErrorCode.REFUND_EXCEEDS_PAID,
          payment ? 'Everything paid on this order has been refunded' : 'Nothing was paid on this order',
          {
            paid: order.paidAmount,
            refunded: order.refundedAmount,
          },
        );
      }
      let lines: Array<{ lineId: string; amount: Fen }> | null = null;
      let amount = input.amount ?? refundable;
      if (input.lineIds?.length) {
        const all = await this.orders.lines(tx, order.id);
        const ids = [...new Set(input.lineIds)];
        lines = ids.map((id, i) => {
          const line = all.find((l) => l.id === id);
          if (!line) throw badInput(`lineIds[${i}] is not a line of this order`, { field: `lineIds[${i}]` });
          const left = line.lineTotal - line.refundedAmount;
          if (left <= 0)
            throw new AppError(ErrorCode.REFUND_EXCEEDS_PAID, `Line ${line.sku} is already refunded in full`, {
              field: `lineIds[${i}]`,
            });
          return { lineId: id, amount: left };
        });
        const sum = lines.reduce((s, l) => s + l.amount, 0);
        if (input.amount !== undefined && input.amount !== null && input.amount !== sum) {
          throw badInput(`amount (${input.amount}) must equal what is left on the lines (${sum}) or be omitted`, {
            field: 'amount',
          });
        }
        amount = sum;
      } else if (input.lineAmounts?.length) {
        lines = await this.checkLineAmounts(tx, order.id, input.lineAmounts);
        const sum = lines.reduce((s, l) => s + l.amount, 0);
        if (input.amount !== undefined && input.amount !== null && input.amount !== sum) {
          throw badInput(`amount (${input.amount}) must equal the sum of lineAmounts (${sum}) or be omitted`, {
            field: 'amount',
          });
        }
        amount = sum;
      }
      if (amount > refundable) throw refundExceedsPaid(order, refundable, amount, pending);
      // Checked before any money moves: the order must be able to record the refund afterwards.
      refundTarget(order, order.refundedAmount + pending + amount, 'refund in full');
      const id = randomUUID();
      const row = this.db.repo(tx, PaymentRefund).create({
        id,
        paymentId: payment.id,
        orderId: order.id,
        amount,
        status: RefundStatus.PENDING,
        origin: RefundOrigin.PLATFORM,
        idempotencyKey: `bangfu-refund-${id}`,
        lines,
        reason,
        requestedByUserId: tx.userId,
      });
      await this.db.repo(tx, PaymentRefund).insert(row);
      return row;
    });
    return this.send(ctx, refund);
  }

  /** Returns money that arrived for an order that could not take it (payment flagged NEEDS_REFUND). */
  async refundUnmatched(ctx: RequestContext, paymentId: string): Promise<PaymentRefund> {
    const refund = await this.db.transaction(ctx, async (tx) => {
      const payment = await this.core.lockPayment(tx, paymentId);
      if (payment.outcome !== PaymentOutcome.UNMATCHED)
        throw new AppError(
          PaymentErrorCode.PAYMENT_NOT_UNMATCHED,
          'Only unmatched payments are refunded this way; use refundOrder',
        );
      const open = await this.db
        .repo(tx, PaymentRefund)
        .exists({ where: { paymentId, status: In([RefundStatus.PENDING, RefundStatus.SUCCEEDED]) } });
      if (open)
        throw new AppError(ErrorCode.REFUND_EXCEEDS_PAID, 'This payment is already being refunded or was refunded');
      const id = randomUUID();
      const row = this.db.repo(tx, PaymentRefund).create({
        id,
        paymentId,
        orderId: payment.orderId,
        amount: payment.amount,
        status: RefundStatus.PENDING,
        origin: RefundOrigin.UNMATCHED,
        idempotencyKey: `bangfu-refund-${id}`,
        reason: payment.flagReason,
        requestedByUserId: tx.userId,
      });
      await this.db.repo(tx, PaymentRefund).insert(row);
      return row;
    });
    return this.send(ctx, refund);
  }

  /** Sends a PENDING refund to its provider and finalises it. */
  private async send(ctx: RequestContext, refund: PaymentRefund): Promise<PaymentRefund> {
    const payment = await this.db.repo(ctx, Payment).findOneByOrFail({ id: refund.paymentId });
    const provider = this.core.provider(payment.provider);
    let result;
    try {
      result = await provider.refund({
        providerRef: payment.providerRef,
        amount: refund.amount,
        idempotencyKey: refund.idempotencyKey,
        metadata: { refundId: refund.id, orderId: refund.orderId, paymentId: payment.id },
      });
    } catch (e) {
      await this.fail(ctx, refund.id, e instanceof Error ? e.message : String(e));
      throw e;
    }
    if (result.state === 'FAILED') {
      await this.fail(ctx, refund.id, result.failure ?? 'refused by the provider');
      throw new AppError(
        PaymentErrorCode.REFUND_FAILED,
        `The provider refused the refund: ${result.failure ?? 'no reason given'}`,
      );
    }
    return this.finalize(ctx, refund.id, result.providerRef);
  }

  private async fail(ctx: RequestContext, refundId: string, failure: string): Promise<void> {
    await this.db
      .repo(ctx, PaymentRefund)
      .update(
        { id: refundId, status: In(REFUND_MACHINE.sourcesOf(RefundStatus.FAILED)) },
        { status: RefundStatus.FAILED, failure: failure.slice(0, 500), completedAt: new Date() },
      );
  }

  /**
   * Money went back to the buyer: record it on the order and post the reversing entries, once.
   * When the order cannot record it (the provider refunded something the order does not allow),
   * the payment is flagged REFUND_MISMATCH for a person to resolve, and the refund stays PENDING.
   */
  async finalize(ctx: RequestContext, refundId: string, providerRef: string | null): Promise<PaymentRefund> {
    return this.db.transaction(ctx, async (tx) => {
      const repo = this.db.repo(tx, PaymentRefund);
      const found = await repo.findOne({ where: { id: refundId }, select: { id: true, orderId: true } });
      if (!found) throw notFound('Refund', refundId);
      // The order's payment lock before the refund row (the lock order of every money operation);
      // the refund is read again under both, so a refund finalised meanwhile is seen as such.
      await this.core.lockOrderPayments(tx, found.orderId);
      const refund = await repo.findOneOrFail({ where: { id: refundId }, lock: { mode: 'pessimistic_write' } });
      if (refund.status === RefundStatus.SUCCEEDED) return refund;
      REFUND_MACHINE.assertTransition(refund.status, RefundStatus.SUCCEEDED);
      const payment = await this.db.repo(tx, Payment).findOneByOrFail({ id: refund.paymentId });
      const cash = this.core.provider(payment.provider).cashAccount;
      try {
        await this.core.savepoint(tx, async () => {
          if (payment.outcome === PaymentOutcome.UNMATCHED) {
            await this.ledger.postUnmatchedRefund(tx, {
              orderId: refund.orderId,
              refundId: refund.id,
              amount: refund.amount,
              cash,
              reference: providerRef ?? refund.id,
            });
            const [{ total }] = await this.db
              .manager(tx)
              .query(
                `SELECT coalesce(sum(amount), 0) AS total FROM payment_refund WHERE payment_id = $1 AND (status = 'SUCCEEDED' OR id = $2)`,
                [payment.id, refund.id],
              );
            if (Number(total) >= payment.amount)
              await this.db
                .repo(tx, Payment)
                .update({ id: payment.id }, { flag: null, flagReason: `refunded (${refund.id})` });
          } else {
            await this.orders.recordRefund(tx, refund.orderId, {
              refundId: refund.id,
              amount: refund.amount,
              lines: refund.lines,
              reason: refund.reason,
            });
            await this.ledger.postRefund(tx, {
              orderId: refund.orderId,
              refundId: refund.id,
              amount: refund.amount,
              cash,
              parts: await this.parts(tx, refund),
              reference: providerRef ?? refund.id,
            });
          }
        });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        this.log.warn(`refund ${refund.id} of order ${refund.orderId} could not be recorded: ${e.code} ${e.message}`);
        await this.flag(
          tx,
          payment.id,
          PaymentFlag.REFUND_MISMATCH,
          `refund ${providerRef ?? refund.id} of ${refund.amount} fen could not be recorded: ${e.message}`,
        );
        const failure = {
          failure: `${e.code}: ${e.message}`.slice(0, 500),
          providerRef: providerRef ?? refund.providerRef,
        };
        await this.db.repo(tx, PaymentRefund).update({ id: refund.id }, failure);
        return Object.assign(refund, failure);
      }
      const done = {
        status: RefundStatus.SUCCEEDED,
        providerRef: providerRef ?? refund.providerRef,
        completedAt: new Date(),
        failure: null,
      };
      await this.db.repo(tx, PaymentRefund).update({ id: refund.id }, done);
      return Object.assign(refund, done);
    });
  }

  /**
   * A refund the provider reports (webhook): ours are finalised (or marked failed); one made
   * elsewhere (e.g. the Stripe dashboard) is recorded as a PROVIDER refund. Returns what happened.
   */
  async syncProviderRefund(tx: RequestContext, payment: Payment, r: ProviderRefund): Promise<string> {
    // Two events about one refund (refund.created and charge.refunded) must not both record it.
    await this.core.lockOrderPayments(tx, payment.orderId);
    const ourId = r.metadata?.refundId && isUuid(r.metadata.refundId) ? r.metadata.refundId : null;
    const repo = this.db.repo(tx, PaymentRefund);
    const row =
      (await repo.findOneBy({ providerRef: r.id })) ??
      (ourId ? await repo.findOneBy({ id: ourId, paymentId: payment.id }) : null);
    const state = refundState(r.status);
    if (row) {
      if (state === 'FAILED') {
        if (REFUND_MACHINE.canTransition(row.status, RefundStatus.FAILED)) {
          await repo.update(
            { id: row.id },
            {
              status: RefundStatus.FAILED,
              providerRef: r.id,
              failure: r.failureReason ?? 'failed at the provider',
              completedAt: new Date(),
            },
          );
          return 'REFUND_FAILED';
        }
        if (row.status === RefundStatus.SUCCEEDED) {
          await this.flag(
            tx,
            payment.id,
            PaymentFlag.REFUND_MISMATCH,
            `refund ${r.id} failed at the provider after it was recorded`,
          );
          return 'REFUND_MISMATCH';
        }
        return 'REFUND_ALREADY_FAILED';
      }
      if (row.status === RefundStatus.SUCCEEDED) return 'REFUND_ALREADY_RECORDED';
      const done = await this.finalize(tx, row.id, r.id);
      return done.status === RefundStatus.SUCCEEDED ? 'REFUND_RECORDED' : 'REFUND_MISMATCH';
    }
    if (state === 'FAILED') return 'IGNORED_FAILED_REFUND';
    const id = randomUUID();
    await repo.insert({
      id,
      paymentId: payment.id,
      orderId: payment.orderId,
      amount: r.amount,
      status: RefundStatus.PENDING,
      origin: RefundOrigin.PROVIDER,
      idempotencyKey: `provider-${r.id}`,
      providerRef: r.id,
      reason: 'refunded at the payment provider',
    });
    const done = await this.finalize(tx, id, r.id);
    return done.status === RefundStatus.SUCCEEDED ? 'PROVIDER_REFUND_RECORDED' : 'REFUND_MISMATCH';
  }

  async flag(tx: RequestContext, paymentId: string, flag: PaymentFlag, reason: string): Promise<void> {
    await this.db.repo(tx, Payment).update({ id: paymentId }, { flag, flagReason: reason.slice(0, 1000) });
  }

  /** Σ refunds known for a payment (recorded and in flight), to compare with the provider's total. */
  async knownRefunded(tx: RequestContext, paymentId: string): Promise<Fen> {
    const [{ total }] = await this.db
      .manager(tx)
      .query(
        `SELECT coalesce(sum(amount), 0) AS total FROM payment_refund WHERE payment_id = $1 AND status IN ('PENDING','SUCCEEDED')`,
        [paymentId],
      );
    return Number(total);
  }

  listForOrder(ctx: RequestContext, orderId: string): Promise<PaymentRefund[]> {
    return this.db.repo(ctx, PaymentRefund).find({ where: { orderId }, order: { createdAt: 'ASC' } });
  }

  /** Each part names a distinct line of the order and at most what is left of it. */
  private async checkLineAmounts(
    tx: RequestContext,
    orderId: string,
    parts: Array<{ lineId: string; amount: Fen }>,
  ): Promise<Array<{ lineId: string; amount: Fen }>> {
    const all = await this.orders.lines(tx, orderId);
    const seen = new Set<string>();
    return parts.map((part, i) => {
      const line = all.find((l) => l.id === part.lineId);
      if (!line || seen.has(part.lineId))
        throw badInput(`lineAmounts[${i}] is not a distinct line of this order`, { field: `lineAmounts[${i}]` });
      seen.add(part.lineId);
      if (!Number.isSafeInteger(part.amount) || part.amount <= 0)
        throw badInput(`lineAmounts[${i}].amount must be a positive integer of fen`, { field: `lineAmounts[${i}]` });
      const left = line.lineTotal - line.refundedAmount;
      if (part.amount > left)
        throw new AppError(
          ErrorCode.REFUND_EXCEEDS_PAID,
          `Only ${left} fen of line ${line.sku} can still be refunded`,
          {
            field: `lineAmounts[${i}]`,
          },
        );
      return { lineId: part.lineId, amount: part.amount };
    });
  }

  private async pendingTotal(tx: RequestContext, orderId: string): Promise<Fen> {
    const [{ total }] = await this.db.manager(tx).query(
      `SELECT coalesce(sum(r.amount), 0) AS total FROM payment_refund r JOIN payment p ON p.id = r.payment_id
               WHERE r.order_id = $1 AND r.status = 'PENDING' AND p.outcome = 'APPLIED'`,
      [orderId],
    );
    return Number(total);
  }

  /** How the order split the refund over its lines, summed per supplier order, for the ledger. */
  private async parts(
    tx: RequestContext,
    refund: PaymentRefund,
  ): Promise<Array<{ supplierOrderId: string; amount: Fen }> | undefined> {
    const recorded = await this.db.repo(tx, OrderRefund).findOneBy({ refundId: refund.id });
    if (!recorded?.lines?.length) return undefined;
    const lines = await this.orders.lines(tx, refund.orderId);
    const bySo = new Map<string, Fen>();
    for (const part of recorded.lines) {
      const line = lines.find((l) => l.id === part.lineId);
      if (!line) return undefined;
      bySo.set(line.supplierOrderId, (bySo.get(line.supplierOrderId) ?? 0) + part.amount);
    }
    return [...bySo.entries()]
      .filter(([, amount]) => amount > 0)
      .map(([supplierOrderId, amount]) => ({ supplierOrderId, amount }));
  }
}
