import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AppError,
  badInput,
  type Connection,
  Db,
  newestFirstPage,
  ErrorCode,
  forbidden,
  notFound,
  type PageArgs,
  pageSize,
  Principal,
  RequestContext,
  Role,
  uniqueViolation,
} from '@bangfu/core';
import {
  ActorKind,
  CheckoutService,
  Order,
  ORDER_MACHINE,
  OrderService,
  OrderStatus,
  type PlaceOrderOutcome,
} from '@bangfu/ordering';
import { assertKnownId, requireUnitPurchaser, UnitAccess } from './access';
import { LimitsService } from './limits.service';
import {
  AnomalyKind,
  LimitKind,
  ProcurementAnomalyFlag,
  PurchaseRequest,
  PurchaseRequestEvent,
  PurchaseRequestStatus,
  PurchaseTerms,
} from './procurement.entities';
import { ProcurementService } from './procurement.service';
import { PURCHASE_REQUEST_MACHINE } from './purchase-request.states';
import type {
  PurchaseRequestFilter,
  PurchaseRequestLine,
  SubmitOutcome,
  SubmitPurchaseRequestInput,
} from './procurement.types';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** Thrown inside the transaction so a refused checkout leaves nothing behind, then answered as a union member. */
class PlacementRefused extends Error {
  constructor(readonly outcome: Exclude<PlaceOrderOutcome, Order>) {
    super('placement refused');
  }
}

const requiredText = (value: string | null | undefined, field: string, max: number): string => {
  const v = value?.trim() ?? '';
  if (!v) throw badInput(`${field} is required`, { field });
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v;
};

/** A split-basket flag with the orders behind it (read by libs/oversight, which owns the findings). */
export interface SplitBasketFlagFacts {
  flagId: string;
  orgId: string;
  userId: string;
  requestIds: string[];
  orderIds: string[];
  totalAmount: number;
  limitAmount: number;
  windowMinutes: number;
  createdAt: Date;
}

/**
 * Purchase requests. Submitting places the basket through ordering's own checkout
 * (`CheckoutService.placeOrder`, idempotency key `pr-<request id>`) as a PENDING_APPROVAL order, so
 * the stock rules are the checkout's and the units are held while the request waits. Approval moves
 * the order to PLACED (with its terms and a PO number); rejection to REJECTED and withdrawal to
 * CANCELLED, both releasing the stock. Within the purchaser's spending limit and with the unit's
 * policy on, the request is approved by the system at once, unless it looks like a split basket.
 */
@Injectable()
export class PurchaseRequestService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly checkout: CheckoutService,
    private readonly orders: OrderService,
    private readonly limits: LimitsService,
    private readonly procurement: ProcurementService,
  ) {}

  async submit(ctx: RequestContext, input: SubmitPurchaseRequestInput): Promise<SubmitOutcome> {
    const p = requireUnitPurchaser(ctx, input.buyerOrgId, 'may submit its purchase requests');
    const justification = requiredText(input.justification, 'justification', 2000);
    if (!Object.values(PurchaseTerms).includes(input.terms))
      throw badInput('terms must be PREPAY or ON_DELIVERY', { field: 'terms' });
    const clientKey = input.idempotencyKey?.trim() || null;
    if (clientKey && !KEY.test(clientKey))
      throw new AppError(
        ProcurementErrorCode.INVALID_IDEMPOTENCY_KEY,
        'idempotencyKey must be 1–128 of A-Z a-z 0-9 . _ : -',
        {
          field: 'idempotencyKey',
        },
      );
    if (clientKey) {
      const seen = await this.byClientKey(ctx, p.userId, clientKey, input.buyerOrgId);
      if (seen) return seen;
    }
    try {
      return await this.db.transaction(ctx, (tx) => this.submitInTx(tx, p, input, justification, clientKey));
    } catch (e) {
      if (e instanceof PlacementRefused) return e.outcome;
      // A concurrent retry with the same key committed first.
      if (clientKey && uniqueViolation(e) && !ctx.em) {
        const seen = await this.byClientKey(ctx, p.userId, clientKey, input.buyerOrgId);
        if (seen) return seen;
      }
      throw e;
    }
  }

  private async submitInTx(
    tx: RequestContext,
    p: Principal,
    input: SubmitPurchaseRequestInput,
    justification: string,
    clientKey: string | null,
  ): Promise<PurchaseRequest> {
    const orgId = input.buyerOrgId;
    // Serialises one purchaser's submissions in one unit, so split-basket detection sees every earlier request.
    await this.db
      .manager(tx)
      .query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`purchase-request:${orgId}:${p.userId}`]);
    const policy = await this.limits.policy(tx, orgId);
    const limit = await this.limits.limitOf(tx, orgId, p.userId, LimitKind.SPENDING);
    const id = randomUUID();
    const outcome = await this.checkout.placeForApproval(
      tx,
      { idempotencyKey: `pr-${id}`, channelId: input.channelId, buyerOrgId: orgId, lines: input.lines },
      p.userId,
    );
    if (!(outcome instanceof Order)) throw new PlacementRefused(outcome);
    const total = outcome.totalAmount;
    const within = total <= limit;
    const related = within
      ? await this.splitCandidates(tx, orgId, p.userId, total, limit, policy.splitWindowMinutes)
      : null;
    const repo = this.db.repo(tx, PurchaseRequest);
    const request = await repo.save(
      repo.create({
        id,
        orgId,
        purchaserUserId: p.userId,
        channelId: outcome.channelId,
        orderId: outcome.id,
        status: PurchaseRequestStatus.PENDING_APPROVAL,
        terms: input.terms,
        justification,
        tradeUnion: !!input.tradeUnion,
        totalAmount: total,
        spendingLimit: limit,
        autoApproved: false,
        splitSuspected: !!related,
        clientKey,
      }),
    );
    await this.event(tx, request, null, PurchaseRequestStatus.PENDING_APPROVAL, p.userId, justification, {
      totalAmount: total,
      spendingLimit: limit,
      orderId: outcome.id,
    });
    await this.procurement.bind(tx, outcome.id, orgId, { tradeUnion: !!input.tradeUnion, purchaseRequestId: id });
    if (related) {
      await this.db.repo(tx, ProcurementAnomalyFlag).insert({
        kind: AnomalyKind.SPLIT_BASKET,
        orgId,
        userId: p.userId,
        requestId: id,
        relatedRequestIds: related.ids,
        totalAmount: related.sum + total,
        limitAmount: limit,
        windowMinutes: policy.splitWindowMinutes,
      });
    }
    if (policy.skipApprovalBelowLimit && within && !related) {
      await this.approveInTx(tx, request, null, 'auto-approved: within the purchaser’s spending limit (unit policy)');
    }
    return repo.findOneByOrFail({ id });
  }

  /**
   * Earlier live requests of the same purchaser in the window, each within the limit, that together
   * with this one exceed it: the shape of one basket split to stay under the limit.
   */
  private async splitCandidates(
    tx: RequestContext,
    orgId: string,
    userId: string,
    total: number,
    limit: number,
    windowMinutes: number,
  ): Promise<{ ids: string[]; sum: number } | null> {
    const rows: Array<{ id: string; total_amount: string }> = await this.db.manager(tx).query(
      `SELECT id, total_amount FROM purchase_request
        WHERE org_id = $1 AND purchaser_user_id = $2 AND status IN ('PENDING_APPROVAL','APPROVED')
          AND total_amount <= spending_limit AND created_at > now() - make_interval(mins => $3)
        ORDER BY created_at, id`,
      [orgId, userId, windowMinutes],
    );
    const sum = rows.reduce((s, r) => s + Number(r.total_amount), 0);
    return rows.length > 0 && sum + total > limit ? { ids: rows.map((r) => r.id), sum } : null;
  }

  /** APPROVER of the request's unit, not its purchaser, within the approver's own limit. */
  async approve(ctx: RequestContext, requestId: string, comment: string | null): Promise<PurchaseRequest> {
    const p = ctx.requirePrincipal();
    const note = comment?.trim() || null;
    if (note && note.length > 2000) throw badInput('comment must be at most 2000 characters', { field: 'comment' });
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.lockPending(tx, requestId, p, [Role.APPROVER], PurchaseRequestStatus.APPROVED);
      if (request.purchaserUserId === p.userId)
        throw new AppError(ProcurementErrorCode.SELF_APPROVAL, 'You may not approve your own purchase request', {
          field: 'id',
        });
      const limit = await this.limits.limitOf(tx, request.orgId, p.userId, LimitKind.APPROVAL);
      if (request.totalAmount > limit) {
        throw new AppError(
          ProcurementErrorCode.APPROVAL_LIMIT_EXCEEDED,
          `The request (${request.totalAmount} fen) exceeds your approval limit (${limit} fen)`,
          {
            field: 'id',
            totalAmount: request.totalAmount,
            approvalLimit: limit,
          },
        );
      }
      await this.approveInTx(tx, request, p.userId, note);
      return this.db.repo(tx, PurchaseRequest).findOneByOrFail({ id: request.id });
    });
  }

  async reject(ctx: RequestContext, requestId: string, reason: string): Promise<PurchaseRequest> {
    const p = ctx.requirePrincipal();
    const why = requiredText(reason, 'reason', 2000);
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.lockPending(tx, requestId, p, [Role.APPROVER], PurchaseRequestStatus.REJECTED);
      await this.orders.transition(tx, request.orderId, OrderStatus.REJECTED, {
        actor: ActorKind.APPROVER,
        reason: why,
        data: { purchaseRequestId: request.id },
      });
      await this.decide(tx, request, PurchaseRequestStatus.REJECTED, p.userId, why, {});
      await this.procurement.syncOrder(tx, request.orderId);
      return this.db.repo(tx, PurchaseRequest).findOneByOrFail({ id: request.id });
    });
  }

  /** The purchaser who submitted it (or an admin of the unit) withdraws a pending request; its stock is released. */
  async withdraw(ctx: RequestContext, requestId: string, reason: string): Promise<PurchaseRequest> {
    const p = ctx.requirePrincipal();
    const why = requiredText(reason, 'reason', 500);
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.lockPending(
        tx,
        requestId,
        p,
        [Role.PURCHASER, Role.AGENCY_ADMIN],
        PurchaseRequestStatus.WITHDRAWN,
        true,
      );
      if (request.purchaserUserId !== p.userId && !(await this.access.administers(tx, request.orgId))) {
        throw forbidden(
          'Only the purchaser who submitted the request, or an agency admin of the unit, may withdraw it',
        );
      }
      await this.orders.cancel(tx, request.orderId, why);
      await this.decide(tx, request, PurchaseRequestStatus.WITHDRAWN, p.userId, why, {});
      await this.procurement.syncOrder(tx, request.orderId);
      return this.db.repo(tx, PurchaseRequest).findOneByOrFail({ id: request.id });
    });
  }

  /** The request (reader-checked: unit members, admins of the unit, coordinators/auditors of its region, platform). */
  async get(ctx: RequestContext, requestId: string): Promise<PurchaseRequest> {
    assertKnownId(requestId, 'PurchaseRequest');
    const request = await this.db.repo(ctx, PurchaseRequest).findOneBy({ id: requestId });
    if (!request) throw notFound('PurchaseRequest', requestId);
    await this.access.requireReader(ctx, request.orgId);
    return request;
  }

  /** Requests in the caller's scope, newest first, filtered in SQL. */
  async list(
    ctx: RequestContext,
    filter: PurchaseRequestFilter,
    { first, after }: PageArgs,
  ): Promise<Connection<PurchaseRequest>> {
    const p = ctx.requirePrincipal();
    const qb = this.db
      .repo(ctx, PurchaseRequest)
      .createQueryBuilder('r')
      .innerJoin('organization_directory', 'o', 'o.id = r.org_id');
    const scope = await this.access.readScope(ctx, 'o');
    if (scope) qb.andWhere(scope.where, scope.params);
    if (filter.orgId) {
      assertKnownId(filter.orgId, 'Organization');
      qb.andWhere('r.org_id = :orgId', { orgId: filter.orgId });
    }
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.mine) qb.andWhere('r.purchaser_user_id = :me', { me: p.userId });
    return newestFirstPage(qb, { first, after }, (rows) => rows);
  }

  async lines(ctx: RequestContext, request: PurchaseRequest): Promise<PurchaseRequestLine[]> {
    const lines = await this.orders.lines(ctx, request.orderId);
    return lines.map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      productTitle: l.productTitle,
      sku: l.sku,
      spec: l.spec,
      unit: l.unit,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      certified: l.certified,
    }));
  }

  events(ctx: RequestContext, requestId: string): Promise<PurchaseRequestEvent[]> {
    return this.db
      .repo(ctx, PurchaseRequestEvent)
      .find({ where: { requestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Split-basket flags in scope (auditors and coordinators their region, admins their subtree, platform all). */
  async anomalyFlags(
    ctx: RequestContext,
    orgId: string | null,
    first?: number | null,
  ): Promise<ProcurementAnomalyFlag[]> {
    const qb = this.db
      .repo(ctx, ProcurementAnomalyFlag)
      .createQueryBuilder('f')
      .innerJoin('organization_directory', 'o', 'o.id = f.org_id');
    const scope = await this.access.readScope(ctx, 'o');
    if (scope) qb.andWhere(scope.where, scope.params);
    if (orgId) {
      assertKnownId(orgId, 'Organization');
      qb.andWhere('f.org_id = :orgId', { orgId });
    }
    return qb.orderBy('f.created_at', 'DESC').take(pageSize(first, 50)).getMany();
  }

  /**
   * For oversight (no scope: its findings are scoped by region): split-basket flags raised since a
   * time or touching given orders, with the orders of every request in the pattern.
   */
  async splitBasketFlags(
    ctx: RequestContext,
    filter: { since?: Date; orderIds?: string[] },
  ): Promise<SplitBasketFlagFacts[]> {
    const rows: Array<Record<string, any>> = await this.db.manager(ctx).query(
      `SELECT f.id, f.org_id, f.user_id, f.request_id, f.related_request_ids, f.total_amount, f.limit_amount, f.window_minutes, f.created_at,
              (SELECT array_agg(r.order_id ORDER BY r.created_at) FROM purchase_request r WHERE r.id = f.request_id OR r.id = ANY(f.related_request_ids)) AS order_ids
         FROM procurement_anomaly_flag f
        WHERE f.kind = 'SPLIT_BASKET' AND ($1::timestamptz IS NULL OR f.created_at >= $1)
          AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM purchase_request r WHERE (r.id = f.request_id OR r.id = ANY(f.related_request_ids)) AND r.order_id = ANY($2::uuid[])))
        ORDER BY f.created_at LIMIT 1000`,
      [filter.since ?? null, filter.orderIds ?? null],
    );
    return rows.map((r) => ({
      flagId: r.id,
      orgId: r.org_id,
      userId: r.user_id,
      requestIds: [r.request_id, ...r.related_request_ids],
      orderIds: r.order_ids ?? [],
      totalAmount: Number(r.total_amount),
      limitAmount: Number(r.limit_amount),
      windowMinutes: Number(r.window_minutes),
      createdAt: new Date(r.created_at),
    }));
  }

  /** PENDING_APPROVAL → PLACED (PO number, terms), by an approver or (userId null) the system under the unit policy. */
  private async approveInTx(
    tx: RequestContext,
    request: PurchaseRequest,
    approverUserId: string | null,
    comment: string | null,
  ): Promise<void> {
    const unit = await this.access.unit(tx, request.orgId);
    const poNumber = await this.limits.nextPoNumber(tx, unit);
    const order = await this.orders.get(tx, request.orderId);
    // Approval moves the order PENDING_APPROVAL → PLACED; an order already cancelled or expired cannot make it.
    if (!ORDER_MACHINE.canTransition(order.status, OrderStatus.PLACED)) {
      throw new AppError(
        ProcurementErrorCode.REQUEST_ORDER_CLOSED,
        `The request's order is ${order.status}; it can no longer be approved`,
        { field: 'id', orderStatus: order.status },
      );
    }
    await this.orders.transition(tx, request.orderId, OrderStatus.PLACED, {
      actor: approverUserId ? ActorKind.APPROVER : ActorKind.SYSTEM,
      reason: comment ?? 'purchase request approved',
      data: { purchaseRequestId: request.id, poNumber },
    });
    if (request.terms === PurchaseTerms.ON_DELIVERY) {
      // Pay on delivery is the buyer's choice, made when the purchaser submitted the request; ordering
      // records it only through confirm() as the buyer, so it is recorded in the purchaser's name.
      const buyer = new RequestContext(
        tx.requestId,
        new Principal(request.purchaserUserId, 'purchaser', []),
        tx.ip,
        tx.em,
      );
      await this.orders.confirm(buyer, request.orderId);
    }
    await this.decide(tx, request, PurchaseRequestStatus.APPROVED, approverUserId, comment, {
      poNumber,
      autoApproved: !approverUserId,
    });
    await this.procurement.syncOrder(tx, request.orderId);
  }

  private async decide(
    tx: RequestContext,
    request: PurchaseRequest,
    to: PurchaseRequestStatus,
    actorUserId: string | null,
    comment: string | null,
    extra: { poNumber?: string; autoApproved?: boolean },
  ): Promise<void> {
    PURCHASE_REQUEST_MACHINE.assertTransition(request.status, to, { details: { field: 'id', status: request.status } });
    await this.db.repo(tx, PurchaseRequest).update(
      { id: request.id },
      {
        status: to,
        decidedByUserId: actorUserId,
        decisionComment: comment,
        decidedAt: new Date(),
        ...(extra.poNumber ? { poNumber: extra.poNumber } : {}),
        ...(extra.autoApproved ? { autoApproved: true } : {}),
      },
    );
    await this.event(tx, request, request.status, to, actorUserId, comment, extra);
    request.status = to;
  }

  private async event(
    tx: RequestContext,
    request: PurchaseRequest,
    from: PurchaseRequestStatus | null,
    to: PurchaseRequestStatus,
    actorUserId: string | null,
    comment: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.db
      .repo(tx, PurchaseRequestEvent)
      .insert({ requestId: request.id, fromStatus: from, toStatus: to, actorUserId, comment, data: data as never });
  }

  /**
   * Locks a request that is still pending, for a caller holding one of the roles in its unit
   * (withdrawals also let administering agency admins through); another unit's request is FORBIDDEN.
   */
  private async lockPending(
    tx: RequestContext,
    requestId: string,
    p: Principal,
    roles: Role[],
    to: PurchaseRequestStatus,
    adminsToo = false,
  ): Promise<PurchaseRequest> {
    assertKnownId(requestId, 'PurchaseRequest');
    const request = await this.db
      .repo(tx, PurchaseRequest)
      .findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw notFound('PurchaseRequest', requestId);
    const member = p.organizationIds(...roles).includes(request.orgId);
    if (!member && !(adminsToo && (await this.access.administers(tx, request.orgId)))) {
      throw forbidden(`Only a ${roles.join(' or ')} of the requesting unit may do this`);
    }
    PURCHASE_REQUEST_MACHINE.assertTransition(request.status, to, { details: { field: 'id', status: request.status } });
    return request;
  }

  private async byClientKey(
    ctx: RequestContext,
    userId: string,
    clientKey: string,
    orgId: string,
  ): Promise<PurchaseRequest | null> {
    const seen = await this.db.repo(ctx, PurchaseRequest).findOneBy({ purchaserUserId: userId, clientKey });
    if (seen && seen.orgId !== orgId) {
      throw new AppError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This idempotency key was already used for another unit’s request',
        {
          field: 'idempotencyKey',
        },
      );
    }
    return seen;
  }
}
