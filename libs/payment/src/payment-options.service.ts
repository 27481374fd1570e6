import { Inject, Injectable, Optional } from '@nestjs/common';
import { Db, type RequestContext, Role } from '@bangfu/core';
import { BuyerKind, OrderService, OrderStatus } from '@bangfu/ordering';
import { PLATFORM_BANK_ACCOUNT, type PlatformBankAccount } from './bank-account.config';
import { notPayableReason, PaymentCoreService } from './payment-core.service';
import { Payment, PaymentStatus } from './payment.entities';
import { bankTransferAllowed } from './payment.service';
import type { PaymentOptions } from './payment.types';

/**
 * What the order page may offer: the same rules payOrder, recordBankTransfer and confirmOrder apply,
 * asked once, so the storefront never shows a way of paying the server would refuse (nor hides the
 * only one it would accept — a retail order without Stripe is paid by transfer).
 */
@Injectable()
export class PaymentOptionsService {
  constructor(
    private readonly db: Db,
    private readonly orders: OrderService,
    private readonly core: PaymentCoreService,
    @Optional() @Inject(PLATFORM_BANK_ACCOUNT) private readonly account: PlatformBankAccount | null = null,
  ) {}

  async options(ctx: RequestContext, orderId: string): Promise<PaymentOptions> {
    const order = await this.orders.requireBuyerAccess(ctx, orderId);
    const principal = ctx.requirePrincipal();
    const stripe = this.core.stripe;
    const payable = notPayableReason(order) === null;
    const transferPending = await this.db
      .repo(ctx, Payment)
      .exists({ where: { orderId: order.id, status: PaymentStatus.AWAITING_CONFIRMATION } });
    const transfer = payable && !transferPending && bankTransferAllowed(principal, order, stripe.enabled);
    return {
      orderId: order.id,
      payable,
      online: payable && stripe.enabled ? [...stripe.methods] : [],
      publishableKey: stripe.enabled ? stripe.publishableKey : null,
      bankTransfer: transfer
        ? {
            amount: order.totalAmount,
            reference: order.orderNo,
            payeeName: this.account?.payeeName ?? null,
            bankName: this.account?.bankName ?? null,
            accountNo: this.account?.accountNo ?? null,
          }
        : null,
      transferPending,
      // OrderService.confirm's rule: the buying agency's staff, before any money or shipment.
      payOnDelivery:
        order.buyerKind === BuyerKind.AGENCY &&
        Boolean(order.approvedAt) &&
        order.status === OrderStatus.PLACED &&
        order.paidAmount === 0 &&
        principal.hasRole(Role.PURCHASER, Role.AGENCY_ADMIN),
    };
  }
}
