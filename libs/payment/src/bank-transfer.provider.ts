import { Injectable } from '@nestjs/common';
import type { CashAccount } from '@bangfu/ledger';
import { PaymentMethod, PaymentProviderKind } from './payment.entities';
import type {
  CreateIntentInput,
  IntentResult,
  PaymentProvider,
  ProviderRefundInput,
  ProviderRefundResult,
} from './provider';

/**
 * Bank transfer against an invoice (对公转账), the usual way agencies pay: nothing to call — the
 * agency records the transfer and platform finance confirms it arrived in the platform account.
 * Refunds are paid back by platform finance from the same account and recorded at once.
 */
@Injectable()
export class BankTransferProvider implements PaymentProvider {
  readonly kind = PaymentProviderKind.BANK_TRANSFER;
  readonly cashAccount: CashAccount = 'CASH_BANK';
  readonly methods = [PaymentMethod.BANK_TRANSFER] as const;

  async createIntent(_input: CreateIntentInput): Promise<IntentResult> {
    return { providerRef: null, clientSecret: null, state: 'AWAITING_CONFIRMATION' };
  }

  async refund(_input: ProviderRefundInput): Promise<ProviderRefundResult> {
    return { providerRef: null, state: 'SUCCEEDED' };
  }
}
