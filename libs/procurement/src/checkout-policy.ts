import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ErrorCode, AppError, type RequestContext } from '@bangfu/core';
import {
  type AgencyCheckoutPolicy,
  AgencyCheckoutGate,
  checkoutHash,
  OrderService,
  type PlaceOrderInput,
  type PlaceOrderOutcome,
} from '@bangfu/ordering';
import { PurchaseRequest, PurchaseTerms } from './procurement.entities';
import { PurchaseRequestService } from './purchase-request.service';

/** Recorded as the request's justification when the basket came through the plain checkout. */
export const CHECKOUT_JUSTIFICATION = '结算下单（placeOrder）：按单位采购政策审批';

/**
 * The unit's policy for every agency-paid checkout. Ordering's `placeOrder` with a buyerOrgId hands
 * the basket here and it becomes a purchase request like any other — same spending limit,
 * skip-approval policy, split-basket flag and approval — with terms PREPAY (the purchaser may choose
 * pay on delivery with confirmOrder once the order is approved). The answer is the request's order:
 * PLACED when the system approved it within the limit, PENDING_APPROVAL while it waits. The client's
 * idempotency key is the request's key, so a retry returns the same order; the same key with another
 * basket is IDEMPOTENCY_KEY_REUSED, as in the checkout itself.
 */
@Injectable()
export class ProcurementCheckoutPolicy implements AgencyCheckoutPolicy, OnModuleInit {
  constructor(
    private readonly gate: AgencyCheckoutGate,
    private readonly requests: PurchaseRequestService,
    private readonly orders: OrderService,
  ) {}

  onModuleInit(): void {
    this.gate.register(this);
  }

  async placeAgencyOrder(ctx: RequestContext, input: PlaceOrderInput): Promise<PlaceOrderOutcome> {
    const outcome = await this.requests.submit(ctx, {
      buyerOrgId: input.buyerOrgId as string,
      channelId: input.channelId,
      lines: input.lines,
      justification: CHECKOUT_JUSTIFICATION,
      terms: PurchaseTerms.PREPAY,
      idempotencyKey: input.idempotencyKey,
    });
    if (!(outcome instanceof PurchaseRequest)) return outcome;
    const order = await this.orders.get(ctx, outcome.orderId);
    if (order.requestHash !== checkoutHash(input)) {
      throw new AppError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This idempotency key was already used for a different basket; use a new key',
        { field: 'idempotencyKey', orderId: order.id },
      );
    }
    return order;
  }
}
