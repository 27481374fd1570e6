import { Controller, HttpCode, Injectable, Logger, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type Stripe from 'stripe';
import { Allow, Ctx, Db, isUuid, PUBLIC, RequestContext } from '@bangfu/core';
import { PaymentCoreService } from './payment-core.service';
import { Payment, PaymentFlag, PaymentOutcome, PaymentProviderKind, PaymentStatus } from './payment.entities';
import { RefundService } from './refund.service';

export interface WebhookResult {
  received: true;
  eventId: string;
  duplicate: boolean;
  outcome: string;
}

interface Processed {
  outcome: string;
  paymentId?: string | null;
  detail?: string | null;
}

const REFUND_EVENTS = new Set(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated']);

/**
 * Stripe webhooks. Order of work: verify the signature on the raw body (else 400 BAD_SIGNATURE,
 * nothing stored) → store the event id (a replay finds it and does nothing) → apply the event, in
 * the same transaction as the event row, so an event is either fully applied and recorded or
 * neither (Stripe then retries). Events may arrive late, twice or out of order: a payment only
 * moves forward (SUCCEEDED is final), and a refund event for a payment not yet known as paid first
 * asks Stripe for the PaymentIntent and applies its success.
 */
@Injectable()
export class StripeWebhookService {
  private readonly log = new Logger('StripeWebhook');
  constructor(
    private readonly db: Db,
    private readonly core: PaymentCoreService,
    private readonly refunds: RefundService,
  ) {}

  /** `request` is the HTTP request's context: its audit scope (libs/audit) records the event in the same transaction. */
  async receive(
    rawBody: Buffer | undefined,
    signature: string | string[] | undefined,
    request: RequestContext | null = null,
  ): Promise<WebhookResult> {
    const event = this.core.stripe.verifyWebhook(rawBody, signature);
    return this.db.transaction(request ?? RequestContext.system('stripe-webhook'), async (tx) => {
      tx.audit?.note({ entityType: 'StripeEvent', entityId: event.id });
      const em = this.db.manager(tx);
      const stored: unknown[] = await em.query(
        `INSERT INTO payment_event (id, type, outcome, payload) VALUES ($1, $2, 'RECEIVED', $3::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type, JSON.stringify(withoutSecrets(event))],
      );
      if (stored.length === 0) {
        const [seen] = await em.query(`SELECT outcome FROM payment_event WHERE id = $1`, [event.id]);
        return { received: true, eventId: event.id, duplicate: true, outcome: seen?.outcome ?? 'DUPLICATE' };
      }
      const result = await this.process(tx, event);
      await em.query(`UPDATE payment_event SET outcome = $2, payment_id = $3, detail = $4 WHERE id = $1`, [
        event.id,
        result.outcome,
        result.paymentId ?? null,
        result.detail ?? null,
      ]);
      if (
        result.outcome.startsWith('UNKNOWN') ||
        result.outcome.includes('MISMATCH') ||
        result.outcome === 'PAYMENT_UNMATCHED'
      ) {
        this.log.warn(
          `stripe event ${event.id} (${event.type}): ${result.outcome}${result.detail ? ` — ${result.detail}` : ''}`,
        );
      }
      return { received: true, eventId: event.id, duplicate: false, outcome: result.outcome };
    });
  }

  private async process(tx: RequestContext, event: Stripe.Event): Promise<Processed> {
    const object = event.data.object as unknown as Record<string, unknown>;
    if (event.type.startsWith('payment_intent.')) {
      const pi = object as unknown as Stripe.PaymentIntent;
      const payment = await this.paymentFor(tx, pi.id, pi.metadata?.paymentId);
      if (!payment) return { outcome: 'UNKNOWN_PAYMENT', detail: pi.id };
      switch (event.type) {
        case 'payment_intent.succeeded':
          return this.succeeded(tx, payment, pi);
        case 'payment_intent.payment_failed':
        case 'payment_intent.canceled': {
          // Late news about an attempt: never undoes a success.
          if (payment.status !== PaymentStatus.REQUIRES_PAYMENT && payment.status !== PaymentStatus.FAILED)
            return { outcome: 'IGNORED_STALE', paymentId: payment.id };
          const status = event.type === 'payment_intent.canceled' ? PaymentStatus.CANCELED : PaymentStatus.FAILED;
          await this.db.repo(tx, Payment).update({ id: payment.id }, { status });
          return { outcome: `PAYMENT_${status}`, paymentId: payment.id };
        }
        default:
          return { outcome: 'IGNORED_TYPE', paymentId: payment.id };
      }
    }
    if (event.type === 'charge.refunded') {
      const charge = object as unknown as Stripe.Charge;
      const piId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      const payment = piId ? await this.paymentFor(tx, piId) : null;
      if (!payment) return { outcome: 'UNKNOWN_PAYMENT', detail: piId ?? charge.id };
      const ready = await this.ensureSucceeded(tx, payment);
      if (!ready) return { outcome: 'IGNORED_NOT_PAID', paymentId: payment.id };
      const listed = (charge as unknown as { refunds?: { data?: Stripe.Refund[] } }).refunds?.data;
      const outcomes: string[] = [];
      if (Array.isArray(listed)) {
        for (const r of [...listed].reverse())
          outcomes.push(await this.refunds.syncProviderRefund(tx, ready, reduced(r)));
      }
      const known = await this.refunds.knownRefunded(tx, payment.id);
      if (charge.amount_refunded > known) {
        await this.refunds.flag(
          tx,
          payment.id,
          PaymentFlag.REFUND_MISMATCH,
          `Stripe reports ${charge.amount_refunded} fen refunded, Bangfu knows ${known} fen`,
        );
        outcomes.push('REFUND_MISMATCH');
      }
      return {
        outcome: outcomes.find((o) => o.includes('MISMATCH')) ?? (outcomes.length ? 'REFUNDS_SYNCED' : 'NOTHING_TO_DO'),
        paymentId: payment.id,
        detail: outcomes.join(',') || null,
      };
    }
    if (REFUND_EVENTS.has(event.type)) {
      const r = object as unknown as Stripe.Refund;
      const piId = typeof r.payment_intent === 'string' ? r.payment_intent : r.payment_intent?.id;
      const payment = piId ? await this.paymentFor(tx, piId) : null;
      if (!payment) return { outcome: 'UNKNOWN_PAYMENT', detail: piId ?? r.id };
      const ready = await this.ensureSucceeded(tx, payment);
      if (!ready) return { outcome: 'IGNORED_NOT_PAID', paymentId: payment.id };
      return { outcome: await this.refunds.syncProviderRefund(tx, ready, reduced(r)), paymentId: payment.id };
    }
    return { outcome: 'IGNORED_TYPE' };
  }

  private async succeeded(tx: RequestContext, payment: Payment, pi: Stripe.PaymentIntent): Promise<Processed> {
    if (payment.status === PaymentStatus.SUCCEEDED) return { outcome: 'ALREADY_APPLIED', paymentId: payment.id };
    const applied = await this.core.applySucceeded(tx, payment.id, { amount: pi.amount_received || pi.amount });
    return applied.outcome === PaymentOutcome.APPLIED
      ? { outcome: 'PAYMENT_APPLIED', paymentId: payment.id }
      : { outcome: 'PAYMENT_UNMATCHED', paymentId: payment.id, detail: applied.flagReason };
  }

  /**
   * Refund news may overtake payment_intent.succeeded: ask Stripe for the intent and apply its
   * success first. Returns the payment once it is SUCCEEDED, else null.
   */
  private async ensureSucceeded(tx: RequestContext, payment: Payment): Promise<Payment | null> {
    if (payment.status === PaymentStatus.SUCCEEDED) return payment;
    if (!payment.providerRef) return null;
    const pi = await this.core.stripe.retrieveIntent(payment.providerRef);
    if (pi.status !== 'succeeded') return null;
    await this.succeeded(tx, payment, pi);
    return this.db.repo(tx, Payment).findOneByOrFail({ id: payment.id });
  }

  /**
   * By intent id; failing that by the attempt id in the intent's metadata, for news that overtakes
   * payOrder recording the intent on its attempt (the attempt is committed before Stripe is asked).
   * Returned locked (the order's payment lock, then the row) and read under the lock, so what the
   * event decides on (already paid? refunds known?) cannot change until it is applied.
   */
  private async paymentFor(tx: RequestContext, intentId: string, attemptId?: string): Promise<Payment | null> {
    const repo = this.db.repo(tx, Payment);
    const byRef = await repo.findOne({ where: { providerRef: intentId }, select: { id: true } });
    if (byRef) return this.core.lockPayment(tx, byRef.id);
    if (!isUuid(attemptId)) return null;
    const attempt = await repo.findOne({
      where: { id: attemptId, provider: PaymentProviderKind.STRIPE },
      select: { id: true },
    });
    if (!attempt) return null;
    const payment = await this.core.lockPayment(tx, attempt.id);
    if (payment.providerRef && payment.providerRef !== intentId) return null;
    if (!payment.providerRef) {
      await repo.update({ id: payment.id }, { providerRef: intentId });
      payment.providerRef = intentId;
    }
    return payment;
  }
}

/** The event as stored: a PaymentIntent's client_secret lets anyone complete it, so it is not kept. */
function withoutSecrets(event: Stripe.Event): unknown {
  const copy = structuredClone(event) as unknown as { data: { object: Record<string, unknown> } };
  delete copy.data.object.client_secret;
  return copy;
}

function reduced(r: Stripe.Refund) {
  return {
    id: r.id,
    amount: r.amount,
    status: r.status,
    metadata: r.metadata as Record<string, string> | null,
    failureReason: r.failure_reason ?? null,
  };
}

/** POST /webhooks/stripe — public: the Stripe signature over the raw body is the authentication. */
@Controller('webhooks')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Post('stripe')
  @Allow(PUBLIC)
  @HttpCode(200)
  receive(@Ctx() ctx: RequestContext, @Req() req: Request & { rawBody?: Buffer }): Promise<WebhookResult> {
    return this.webhooks.receive(req.rawBody, req.headers['stripe-signature'], ctx);
  }
}
