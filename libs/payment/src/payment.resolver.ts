import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PUBLIC, type RequestContext, Role } from '@bangfu/core';
import { type Fen, MoneyScalar } from '@bangfu/money';
import { Order, OrderService } from '@bangfu/ordering';
import { Payment, PaymentMethod, PaymentRefund, RefundStatus } from './payment.entities';
import { PaymentService } from './payment.service';
import { PaymentOptionsService } from './payment-options.service';
import { PaymentOptions, PaymentSetup, PayOrderResult, RecordBankTransferInput } from './payment.types';
import { RefundQueryService } from './refund-query.service';
import { RefundService } from './refund.service';

const BUYER_ROLES = [Role.CUSTOMER, Role.PURCHASER, Role.AGENCY_ADMIN];

@Resolver()
export class PaymentResolver {
  constructor(
    private readonly payments: PaymentService,
    private readonly refunds: RefundService,
    private readonly orders: OrderService,
    private readonly options: PaymentOptionsService,
    private readonly refundQuery: RefundQueryService,
  ) {}

  @Query(() => PaymentSetup, { description: 'Payment methods on offer (Stripe only when configured)' })
  @Allow(PUBLIC)
  paymentSetup(): PaymentSetup {
    return this.payments.setup();
  }

  @Query(() => PaymentOptions, {
    description:
      'The order’s buyer side: the ways the caller may pay it now (what payOrder, recordBankTransfer and confirmOrder would accept)',
  })
  @Allow(...BUYER_ROLES)
  paymentOptions(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
  ): Promise<PaymentOptions> {
    return this.options.options(ctx, orderId);
  }

  @Mutation(() => PayOrderResult, {
    description: 'Buyer: pay the whole order online (Stripe PaymentIntent); asking again returns the same open intent',
  })
  @Allow(...BUYER_ROLES)
  payOrder(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('method', { type: () => PaymentMethod }) method: PaymentMethod,
  ): Promise<PayOrderResult> {
    return this.payments.payOrder(ctx, orderId, method);
  }

  @Mutation(() => Payment, {
    description:
      'Record a bank transfer made against the invoice (agency finance; retail customers only where Stripe is not configured); awaits platform confirmation',
  })
  @Allow(Role.AGENCY_ADMIN, Role.PURCHASER, Role.CUSTOMER)
  recordBankTransfer(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => RecordBankTransferInput }) input: RecordBankTransferInput,
  ): Promise<Payment> {
    return this.payments.recordBankTransfer(ctx, input);
  }

  @Mutation(() => Payment, { description: 'Platform finance: the transfer arrived — the order is paid' })
  @Allow(Role.PLATFORM_ADMIN)
  confirmBankTransfer(
    @Ctx() ctx: RequestContext,
    @Args('paymentId', { type: () => ID }) paymentId: string,
  ): Promise<Payment> {
    return this.payments.confirmBankTransfer(ctx, paymentId);
  }

  @Mutation(() => Payment, { description: 'Platform finance: no such transfer arrived' })
  @Allow(Role.PLATFORM_ADMIN)
  rejectBankTransfer(
    @Ctx() ctx: RequestContext,
    @Args('paymentId', { type: () => ID }) paymentId: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Payment> {
    return this.payments.rejectBankTransfer(ctx, paymentId, reason);
  }

  @Mutation(() => PaymentRefund, {
    description:
      'Platform admin: refund the buyer through the payment’s provider (default: all that is refundable; lineIds: those lines in full)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  refundOrder(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('amount', { type: () => MoneyScalar, nullable: true }) amount?: Fen | null,
    @Args('lineIds', { type: () => [ID], nullable: true }) lineIds?: string[] | null,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<PaymentRefund> {
    return this.refunds.refundOrder(ctx, { orderId, amount, lineIds, reason });
  }

  @Mutation(() => PaymentRefund, {
    description: 'Platform admin: return a payment flagged NEEDS_REFUND (paid after cancellation, paid twice)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  refundUnmatchedPayment(
    @Ctx() ctx: RequestContext,
    @Args('paymentId', { type: () => ID }) paymentId: string,
  ): Promise<PaymentRefund> {
    return this.refunds.refundUnmatched(ctx, paymentId);
  }

  @Query(() => [Payment], { description: 'Payments of an order (its buyer side and platform admins)' })
  @Allow(...BUYER_ROLES, Role.PLATFORM_ADMIN)
  orderPayments(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string): Promise<Payment[]> {
    return this.payments.orderPayments(ctx, orderId);
  }

  @Query(() => [PaymentRefund], { description: 'Refunds of an order (its buyer side and platform admins)' })
  @Allow(...BUYER_ROLES, Role.PLATFORM_ADMIN)
  async orderRefunds(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
  ): Promise<PaymentRefund[]> {
    await this.orders.requireBuyerAccess(ctx, orderId);
    return this.refunds.listForOrder(ctx, orderId);
  }

  @Query(() => [Payment], { description: 'Platform finance: bank transfers awaiting confirmation' })
  @Allow(Role.PLATFORM_ADMIN)
  paymentsAwaitingConfirmation(@Ctx() ctx: RequestContext): Promise<Payment[]> {
    return this.payments.awaitingConfirmation(ctx);
  }

  // Named in the schema only: `refunds` as a method would clash with the injected RefundService.
  @Query(() => [PaymentRefund], {
    name: 'refunds',
    description: 'Platform finance: refunds of all orders, newest first (optionally one status)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  recentRefunds(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => RefundStatus, nullable: true }) status?: RefundStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<PaymentRefund[]> {
    return this.refundQuery.recent(ctx, status, first);
  }

  @Query(() => [Payment], {
    description: 'Platform finance: payments needing a person (NEEDS_REFUND, REFUND_MISMATCH)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  flaggedPayments(@Ctx() ctx: RequestContext): Promise<Payment[]> {
    return this.payments.flagged(ctx);
  }
}

/** Adds `payments` to ordering's Order type. */
@Resolver(() => Order)
export class OrderPaymentsResolver {
  constructor(private readonly paymentService: PaymentService) {}

  @ResolveField(() => [Payment], {
    description: 'Payment attempts (buyer side and platform admins; empty for supplier/coordinator views)',
  })
  payments(@Ctx() ctx: RequestContext, @Parent() order: Order): Promise<Payment[]> {
    if (order.visibleSupplierIds) return Promise.resolve([]);
    return this.paymentService.listForOrder(ctx, order.id);
  }
}
