import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CommentArgs,
  type Connection,
  Ctx,
  PageArgs,
  ReasonArgs,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { UserService } from '@bangfu/identity';
import { OrderService, OrderStatus } from '@bangfu/ordering';
import { BasketService } from './basket.service';
import { LimitsService } from './limits.service';
import {
  LimitKind,
  OrderBinding,
  OrderRebinding,
  ProcurementAnomalyFlag,
  ProcurementLimit,
  ProcurementPolicy,
  PurchaseRequest,
  PurchaseRequestEvent,
} from './procurement.entities';
import {
  BasketInput,
  BasketPreview,
  LimitArgs,
  ProcurementPolicyInput,
  PurchaseRequestConnection,
  PurchaseRequestFilter,
  PurchaseRequestLine,
  RebindingFilter,
  SubmitPurchaseRequestInput,
  type SubmitOutcome,
  SubmitPurchaseRequestResult,
  UnitMember,
} from './procurement.types';
import { ProcurementService } from './procurement.service';
import { PurchaseRequestService } from './purchase-request.service';
import { RebindingService } from './rebinding.service';

const READERS = [Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];

@Resolver(() => PurchaseRequest)
export class PurchaseRequestResolver {
  constructor(
    private readonly requests: PurchaseRequestService,
    private readonly basket: BasketService,
    private readonly orders: OrderService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => SubmitPurchaseRequestResult, {
    description:
      'PURCHASER: submit a basket with a justification; placed through checkout as PENDING_APPROVAL (or approved at once within your limit when the unit allows)',
  })
  @Allow(Role.PURCHASER)
  submitPurchaseRequest(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => SubmitPurchaseRequestInput }) input: SubmitPurchaseRequestInput,
  ): Promise<SubmitOutcome> {
    return this.requests.submit(ctx, input);
  }

  @Mutation(() => PurchaseRequest, {
    description:
      'APPROVER of the unit (not the purchaser, within your approval limit): the order becomes PLACED with a PO number',
  })
  @Allow(Role.APPROVER)
  approvePurchaseRequest(@Ctx() ctx: RequestContext, @Args() { id, comment }: CommentArgs): Promise<PurchaseRequest> {
    return this.requests.approve(ctx, id, comment ?? null);
  }

  @Mutation(() => PurchaseRequest, {
    description: 'APPROVER of the unit: reject with a reason; the held stock is released',
  })
  @Allow(Role.APPROVER)
  rejectPurchaseRequest(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<PurchaseRequest> {
    return this.requests.reject(ctx, id, reason);
  }

  @Mutation(() => PurchaseRequest, {
    description: 'The purchaser who submitted it (or an agency admin of the unit): withdraw a pending request',
  })
  @Allow(Role.PURCHASER, Role.AGENCY_ADMIN)
  withdrawPurchaseRequest(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<PurchaseRequest> {
    return this.requests.withdraw(ctx, id, reason);
  }

  @Query(() => BasketPreview, {
    description: 'PURCHASER: price a basket at agency prices and see whether it would need approval',
  })
  @Allow(Role.PURCHASER)
  previewBasket(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => BasketInput }) input: BasketInput,
  ): Promise<BasketPreview> {
    return this.basket.preview(ctx, input);
  }

  @Query(() => PurchaseRequestConnection, {
    description:
      'Purchase requests in your scope, newest first (approvers: filter status PENDING_APPROVAL for the inbox)',
  })
  @Allow(...READERS)
  purchaseRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => PurchaseRequestFilter, nullable: true }) filter?: PurchaseRequestFilter | null,
  ): Promise<Connection<PurchaseRequest>> {
    return this.requests.list(ctx, filter ?? {}, page);
  }

  @Query(() => PurchaseRequest)
  @Allow(...READERS)
  purchaseRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PurchaseRequest> {
    return this.requests.get(ctx, id);
  }

  @ResolveField(() => [PurchaseRequestLine])
  lines(@Ctx() ctx: RequestContext, @Parent() request: PurchaseRequest): Promise<PurchaseRequestLine[]> {
    return this.requests.lines(ctx, request);
  }

  @ResolveField(() => [PurchaseRequestEvent], {
    description: 'Every move: submitted, approved/rejected/withdrawn, with actor and comment',
  })
  events(@Ctx() ctx: RequestContext, @Parent() request: PurchaseRequest): Promise<PurchaseRequestEvent[]> {
    return this.requests.events(ctx, request.id);
  }

  @ResolveField(() => String, { description: 'The order’s number' })
  async orderNo(@Ctx() ctx: RequestContext, @Parent() request: PurchaseRequest): Promise<string> {
    return (await this.orders.get(ctx, request.orderId)).orderNo;
  }

  @ResolveField(() => OrderStatus, { description: 'The order’s status now (delivery, acceptance happen on the order)' })
  async orderStatus(@Ctx() ctx: RequestContext, @Parent() request: PurchaseRequest): Promise<OrderStatus> {
    return (await this.orders.get(ctx, request.orderId)).status;
  }

  @ResolveField(() => String, {
    description: 'Who asked: the purchaser’s display name (approvers decide knowing who it is)',
  })
  async purchaserName(@Ctx() ctx: RequestContext, @Parent() request: PurchaseRequest): Promise<string> {
    return (await this.users.get(ctx, request.purchaserUserId)).displayName;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Printable purchase order (GET with the Bearer token), once approved',
  })
  poUrl(@Parent() request: PurchaseRequest): string | null {
    return request.poNumber ? `/api/procurement/requests/${request.id}/po.html` : null;
  }
}

@Resolver()
export class ProcurementAdminResolver {
  constructor(
    private readonly limits: LimitsService,
    private readonly requests: PurchaseRequestService,
    private readonly rebindings: RebindingService,
    private readonly procurement: ProcurementService,
  ) {}

  @Mutation(() => ProcurementLimit, {
    description:
      'AGENCY_ADMIN: a purchaser’s spending limit per request (fen); orgId needed only when the user buys for several of your units',
  })
  @Allow(Role.AGENCY_ADMIN)
  setSpendingLimit(
    @Ctx() ctx: RequestContext,
    @Args() { userId, amount, orgId }: LimitArgs,
  ): Promise<ProcurementLimit> {
    return this.limits.setLimit(ctx, LimitKind.SPENDING, userId, amount, orgId);
  }

  @Mutation(() => ProcurementLimit, { description: 'AGENCY_ADMIN: an approver’s approval limit per request (fen)' })
  @Allow(Role.AGENCY_ADMIN)
  setApprovalLimit(
    @Ctx() ctx: RequestContext,
    @Args() { userId, amount, orgId }: LimitArgs,
  ): Promise<ProcurementLimit> {
    return this.limits.setLimit(ctx, LimitKind.APPROVAL, userId, amount, orgId);
  }

  @Mutation(() => ProcurementPolicy, {
    description: 'AGENCY_ADMIN: whether requests within the purchaser’s limit skip approval; the split-basket window',
  })
  @Allow(Role.AGENCY_ADMIN)
  setProcurementPolicy(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID }) orgId: string,
    @Args('input', { type: () => ProcurementPolicyInput }) input: ProcurementPolicyInput,
  ): Promise<ProcurementPolicy> {
    return this.limits.setPolicy(ctx, orgId, input);
  }

  @Query(() => [ProcurementLimit])
  @Allow(...READERS)
  procurementLimits(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID }) orgId: string,
  ): Promise<ProcurementLimit[]> {
    return this.limits.limits(ctx, orgId);
  }

  @Query(() => [UnitMember], {
    description: 'AGENCY_ADMIN: the unit’s members with their roles and limits (to set limits from a list)',
  })
  @Allow(Role.AGENCY_ADMIN)
  unitMembers(@Ctx() ctx: RequestContext, @Args('orgId', { type: () => ID }) orgId: string): Promise<UnitMember[]> {
    return this.limits.members(ctx, orgId);
  }

  @Query(() => ProcurementPolicy)
  @Allow(...READERS)
  procurementPolicy(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID }) orgId: string,
  ): Promise<ProcurementPolicy> {
    return this.limits.policyView(ctx, orgId);
  }

  @Query(() => [ProcurementAnomalyFlag], {
    description: 'Split-basket flags for audit (auditors/coordinators: your region; admins: your units)',
  })
  @Allow(Role.AGENCY_ADMIN, Role.AUDITOR, Role.COORDINATOR, Role.PLATFORM_ADMIN)
  procurementAnomalyFlags(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID, nullable: true }) orgId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<ProcurementAnomalyFlag[]> {
    return this.requests.anomalyFlags(ctx, orgId ?? null, first);
  }

  @Mutation(() => OrderRebinding, {
    description:
      'AGENCY_ADMIN of the unit the order counts toward: count it toward another unit (shipped orders need a coordinator)',
  })
  @Allow(Role.AGENCY_ADMIN)
  requestOrderRebinding(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('toOrgId', { type: () => ID }) toOrgId: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<OrderRebinding> {
    return this.rebindings.request(ctx, orderId, toOrgId, reason);
  }

  @Mutation(() => OrderRebinding, {
    description: 'Coordinator of the current unit’s region: approve a re-binding (applied at once)',
  })
  @Allow(Role.COORDINATOR)
  approveOrderRebinding(@Ctx() ctx: RequestContext, @Args() { id, comment }: CommentArgs): Promise<OrderRebinding> {
    return this.rebindings.decide(ctx, id, true, comment ?? null);
  }

  @Mutation(() => OrderRebinding, { description: 'Coordinator of the current unit’s region: reject a re-binding' })
  @Allow(Role.COORDINATOR)
  rejectOrderRebinding(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<OrderRebinding> {
    return this.rebindings.decide(ctx, id, false, reason);
  }

  @Query(() => [OrderRebinding])
  @Allow(Role.AGENCY_ADMIN, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  orderRebindings(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => RebindingFilter, nullable: true }) filter?: RebindingFilter | null,
  ): Promise<OrderRebinding[]> {
    return this.rebindings.list(ctx, filter ?? {});
  }

  @Mutation(() => OrderBinding, {
    description: 'AGENCY_ADMIN: flag an order of your unit as a trade-union (工会) purchase, before it is accepted',
  })
  @Allow(Role.AGENCY_ADMIN)
  flagTradeUnionPurchase(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('tradeUnion', { type: () => Boolean }) tradeUnion: boolean,
  ): Promise<OrderBinding> {
    return this.procurement.flagTradeUnion(ctx, orderId, tradeUnion);
  }
}
