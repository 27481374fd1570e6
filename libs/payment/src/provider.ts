import type { CashAccount } from '@bangfu/ledger';
import type { Fen } from '@bangfu/money';
import { PaymentMethod, type PaymentProviderKind } from './payment.entities';

export interface CreateIntentInput {
  orderId: string;
  paymentId: string;
  amount: Fen;
  method: PaymentMethod;
  /** Sent to the provider so a retried call creates nothing new. */
  idempotencyKey: string;
  description?: string;
}

export interface IntentResult {
  /** Provider's id of the intent (Stripe pi_…); null when the provider has none (bank transfer). */
  providerRef: string | null;
  clientSecret: string | null;
  /** REQUIRES_PAYMENT: the buyer still has to pay; AWAITING_CONFIRMATION: someone must confirm money arrived. */
  state: 'REQUIRES_PAYMENT' | 'AWAITING_CONFIRMATION';
}

export interface ProviderRefundInput {
  providerRef: string | null;
  amount: Fen;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface ProviderRefundResult {
  providerRef: string | null;
  /** PENDING counts as sent (Alipay/WeChat refunds settle later); FAILED means no money moved. */
  state: 'SUCCEEDED' | 'PENDING' | 'FAILED';
  failure?: string | null;
}

/**
 * One interface for every way of paying. The services speak only to this; which implementation
 * handles a payment is decided by its `provider` column.
 */
export interface PaymentProvider {
  readonly kind: PaymentProviderKind;
  /** The ledger account money from this provider lands in and leaves from. */
  readonly cashAccount: CashAccount;
  readonly methods: readonly PaymentMethod[];
  createIntent(input: CreateIntentInput): Promise<IntentResult>;
  refund(input: ProviderRefundInput): Promise<ProviderRefundResult>;
}

export const STRIPE_METHOD_TYPES: Record<PaymentMethod, string | null> = {
  [PaymentMethod.CARD]: 'card',
  [PaymentMethod.ALIPAY]: 'alipay',
  [PaymentMethod.WECHAT_PAY]: 'wechat_pay',
  [PaymentMethod.BANK_TRANSFER]: null,
};
