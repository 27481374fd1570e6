import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import type { PlaceOrderInput, PlaceOrderOutcome } from './ordering.types';

/**
 * The unit's procurement policy as ordering sees it. An order paid by an agency exists only once it
 * has passed this policy (spending limit, approval, split-basket checks): procurement implements it
 * and registers itself at start-up, because procurement depends on ordering and not the reverse.
 */
export interface AgencyCheckoutPolicy {
  /**
   * A purchaser's agency-paid checkout (`placeOrder` with `buyerOrgId`): the order is created
   * PENDING_APPROVAL and moves on only as the policy decides (PLACED within the limit, else waiting
   * for an approver). Answers the order, or the checkout's refusal.
   */
  placeAgencyOrder(ctx: RequestContext, input: PlaceOrderInput): Promise<PlaceOrderOutcome>;
}

/**
 * Where the policy is registered. Without one (an app or test without procurement) an agency-paid
 * checkout is refused (PURCHASE_REQUEST_REQUIRED): the controls fail closed, never open.
 */
@Injectable()
export class AgencyCheckoutGate {
  private registered: AgencyCheckoutPolicy | null = null;

  register(policy: AgencyCheckoutPolicy): void {
    if (this.registered && this.registered !== policy)
      throw new Error('An agency checkout policy is already registered');
    this.registered = policy;
  }

  get policy(): AgencyCheckoutPolicy | null {
    return this.registered;
  }
}
