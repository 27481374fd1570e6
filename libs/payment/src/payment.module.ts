import { Module } from '@nestjs/common';
import { IdentityModule } from '@bangfu/identity';
import { LedgerModule } from '@bangfu/ledger';
import { SupplierModule } from '@bangfu/supplier';
import { OrderingModule } from '@bangfu/ordering';
import { loadPlatformBankAccount, PLATFORM_BANK_ACCOUNT } from './bank-account.config';
import { BankTransferProvider } from './bank-transfer.provider';
import { PaymentCoreService } from './payment-core.service';
import { PaymentOptionsService } from './payment-options.service';
import { loadPaymentConfig, PAYMENT_CONFIG } from './payment.config';
import { Payment, PaymentEvent, PaymentRefund, Payout, PayoutBatch, SupplierPayoutAccount } from './payment.entities';
import { OrderPaymentsResolver, PaymentResolver } from './payment.resolver';
import { PaymentService } from './payment.service';
import { PayoutController } from './payout.controller';
import { PayoutResolver } from './payout.resolver';
import { PayoutService } from './payout.service';
import { RefundQueryService } from './refund-query.service';
import { RefundService } from './refund.service';
import { LedgerSettlementConsumer } from './settlement.consumer';
import { StripePaymentProvider } from './stripe.provider';
import { StripeWebhookController, StripeWebhookService } from './stripe-webhook.service';

export const PAYMENT_ENTITIES = [Payment, PaymentRefund, PaymentEvent, SupplierPayoutAccount, PayoutBatch, Payout];

@Module({
  imports: [IdentityModule, SupplierModule, OrderingModule, LedgerModule],
  controllers: [StripeWebhookController, PayoutController],
  providers: [
    // Core config cannot be extended from a domain lib: payment reads its own STRIPE_* variables.
    { provide: PAYMENT_CONFIG, useFactory: () => loadPaymentConfig(process.env) },
    { provide: PLATFORM_BANK_ACCOUNT, useFactory: () => loadPlatformBankAccount(process.env) },
    StripePaymentProvider,
    BankTransferProvider,
    PaymentCoreService,
    PaymentService,
    PaymentOptionsService,
    RefundService,
    RefundQueryService,
    StripeWebhookService,
    PayoutService,
    LedgerSettlementConsumer,
    PaymentResolver,
    OrderPaymentsResolver,
    PayoutResolver,
  ],
  exports: [PaymentService, RefundService, PayoutService, StripePaymentProvider, BankTransferProvider],
})
export class PaymentModule {}
