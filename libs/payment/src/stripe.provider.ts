import { PaymentErrorCode } from './payment.errors';
import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { ErrorCode, AppError, HttpAppError, lazyModule } from '@bangfu/core';
import type { CashAccount } from '@bangfu/ledger';
import type { Fen } from '@bangfu/money';
import { PAYMENT_CONFIG, type PaymentConfig } from './payment.config';
import { PaymentMethod, PaymentProviderKind } from './payment.entities';
import {
  type CreateIntentInput,
  type IntentResult,
  type PaymentProvider,
  type ProviderRefundInput,
  type ProviderRefundResult,
  STRIPE_METHOD_TYPES,
} from './provider';

// The SDK (1 MB of JavaScript, about 3 MB of heap) is loaded when Stripe is configured, not by every API process.
const stripeSdk = lazyModule<typeof Stripe>('stripe');
/** The SDK once a provider with a key has loaded it; until then no error can be one of Stripe's. */
let loadedSdk: typeof Stripe | null = null;

/** Stripe's failures as our errors: callers see a stable code and Stripe's message, never a stack. */
export function fromStripeError(e: unknown, action: string): never {
  const errors = loadedSdk?.errors;
  if (errors && e instanceof errors.StripeError) {
    const status = e instanceof errors.StripeConnectionError || e instanceof errors.StripeAPIError ? 502 : 400;
    throw new HttpAppError(
      PaymentErrorCode.PAYMENT_PROVIDER_ERROR,
      `Stripe could not ${action}: ${e.message}`,
      status,
      {
        // Stripe's own error type (api_error, idempotency_error, card_error…), not the SDK's class name.
        providerType: e.rawType ?? e.type,
        providerCode: e.code ?? null,
        providerStatus: e.statusCode ?? null,
      },
    );
  }
  throw e;
}

/**
 * Stripe PaymentIntents (card, Alipay, WeChat Pay), refunds, Connect transfers and webhook
 * verification. Enabled when STRIPE_SECRET_KEY is set; `enabled` tells the others.
 */
@Injectable()
export class StripePaymentProvider implements PaymentProvider {
  readonly kind = PaymentProviderKind.STRIPE;
  readonly cashAccount: CashAccount = 'CASH_STRIPE';
  readonly methods = [PaymentMethod.CARD, PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY] as const;
  private readonly client: Stripe | null;

  constructor(@Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig) {
    const s = config.stripe;
    this.client = s
      ? new (loadedSdk = stripeSdk())(s.secretKey, {
          ...(s.host ? { host: s.host } : {}),
          ...(s.port ? { port: s.port } : {}),
          ...(s.protocol ? { protocol: s.protocol } : {}),
          // Retries reuse the idempotency key, so a retried create never makes a second intent.
          maxNetworkRetries: 2,
          timeout: 20_000,
          appInfo: { name: 'bangfu' },
        })
      : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  get publishableKey(): string | null {
    return this.config.stripe?.publishableKey ?? null;
  }

  private stripe(): Stripe {
    if (!this.client)
      throw new AppError(
        PaymentErrorCode.PAYMENT_METHOD_UNAVAILABLE,
        'Online payment (Stripe) is not configured on this platform; pay by bank transfer',
      );
    return this.client;
  }

  async createIntent(input: CreateIntentInput): Promise<IntentResult> {
    const type = STRIPE_METHOD_TYPES[input.method];
    if (!type)
      throw new AppError(PaymentErrorCode.PAYMENT_METHOD_UNAVAILABLE, `${input.method} is not a Stripe payment method`);
    try {
      const pi = await this.stripe().paymentIntents.create(
        {
          amount: input.amount,
          currency: 'cny',
          allowed_payment_method_types: [type],
          description: input.description,
          metadata: { orderId: input.orderId, paymentId: input.paymentId },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { providerRef: pi.id, clientSecret: pi.client_secret ?? null, state: 'REQUIRES_PAYMENT' };
    } catch (e) {
      fromStripeError(e, 'start the payment');
    }
  }

  async retrieveIntent(id: string): Promise<Stripe.PaymentIntent> {
    try {
      return await this.stripe().paymentIntents.retrieve(id);
    } catch (e) {
      fromStripeError(e, 'look up the payment');
    }
  }

  async refund(input: ProviderRefundInput): Promise<ProviderRefundResult> {
    if (!input.providerRef)
      throw new AppError(PaymentErrorCode.REFUND_NOT_POSSIBLE, 'This payment has no Stripe PaymentIntent to refund');
    try {
      const r = await this.stripe().refunds.create(
        { payment_intent: input.providerRef, amount: input.amount, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
      return { providerRef: r.id, state: refundState(r.status), failure: r.failure_reason ?? null };
    } catch (e) {
      fromStripeError(e, 'refund');
    }
  }

  /** A Connect transfer to a supplier's connected account. */
  async transfer(input: {
    amount: Fen;
    destination: string;
    idempotencyKey: string;
    group: string;
    metadata: Record<string, string>;
  }): Promise<{ providerRef: string }> {
    try {
      const t = await this.stripe().transfers.create(
        {
          amount: input.amount,
          currency: 'cny',
          destination: input.destination,
          transfer_group: input.group,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { providerRef: t.id };
    } catch (e) {
      fromStripeError(e, 'transfer to the supplier');
    }
  }

  /** The verified event, or BAD_SIGNATURE (400); nothing is read from an unverified body. */
  verifyWebhook(rawBody: Buffer | undefined, signature: string | string[] | undefined): Stripe.Event {
    if (!this.client)
      throw new HttpAppError(PaymentErrorCode.STRIPE_NOT_CONFIGURED, 'Stripe is not configured on this platform', 404);
    const secret = this.config.stripe?.webhookSecret;
    if (!secret)
      throw new HttpAppError(
        PaymentErrorCode.STRIPE_NOT_CONFIGURED,
        'STRIPE_WEBHOOK_SECRET is not set: webhooks cannot be verified',
        503,
      );
    if (!rawBody || typeof signature !== 'string' || signature.length === 0)
      throw new HttpAppError(ErrorCode.BAD_SIGNATURE, 'Missing Stripe-Signature header or body', 400);
    try {
      return this.client.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw new HttpAppError(ErrorCode.BAD_SIGNATURE, 'The Stripe signature does not match this payload', 400);
    }
  }
}

export function refundState(status: string | null | undefined): ProviderRefundResult['state'] {
  if (status === 'succeeded') return 'SUCCEEDED';
  if (status === 'failed' || status === 'canceled') return 'FAILED';
  return 'PENDING';
}
