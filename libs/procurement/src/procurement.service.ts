import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { AppError, Db, forbidden, type RequestContext } from '@bangfu/core';
import { BuyerKind, type Order, OrderRefund, OrderService, OrderStatus } from '@bangfu/ordering';
import { assertKnownId, UnitAccess } from './access';
import { shanghaiPeriod } from './dates';
import {
  MovementKind,
  OrderBinding,
  PurchaseRequest,
  PurchaseRequestEvent,
  PurchaseRequestStatus,
} from './procurement.entities';
import { ShareRulesService } from './share-rules.service';

/** Statuses in which an agency order is placed (approved) but not accepted yet: its amount is pending. */
const PENDING_STATUSES: ReadonlySet<OrderStatus> = new Set([
  OrderStatus.PLACED,
  OrderStatus.PAID,
  OrderStatus.CONFIRMED,
  OrderStatus.FULFILLING,
  OrderStatus.DELIVERED,
  OrderStatus.PARTIALLY_REFUNDED,
]);

interface Delta {
  counted?: number;
  pending?: number;
  uncertified?: number;
  tradeUnion?: number;
  staff?: number;
}

/**
 * Completion bookkeeping (一个口径). An agency order counts toward the unit it is bound to, in the
 * Asia/Shanghai month and year of its acceptance: the certified lines' totals net of refunds made
 * before acceptance; a refund after acceptance subtracts in the month it happens. Uncertified lines
 * are tracked separately and never counted. `syncOrder` brings the rollup in line with the order's
 * current facts: each counted fact is a movement row written once (keyed by order, kind and ref),
 * and the pending amount is a state kept on the binding, so the handler is idempotent and
 * insensitive to the order in which events arrive. Ordering may call the `onOrder*` hooks in its own
 * transaction; the `domain-events` consumer calls the same method afterwards and changes nothing.
 */
@Injectable()
export class ProcurementService {
  constructor(
    private readonly db: Db,
    private readonly orders: OrderService,
    private readonly access: UnitAccess,
    private readonly rules: ShareRulesService,
  ) {}

  onOrderPlaced(ctx: RequestContext, orderId: string): Promise<void> {
    return this.syncOrder(ctx, orderId);
  }

  onOrderAccepted(ctx: RequestContext, orderId: string): Promise<void> {
    return this.syncOrder(ctx, orderId);
  }

  onOrderRefunded(ctx: RequestContext, orderId: string): Promise<void> {
    return this.syncOrder(ctx, orderId);
  }

  onOrderCancelled(ctx: RequestContext, orderId: string): Promise<void> {
    return this.syncOrder(ctx, orderId);
  }

  /** Binds a new agency order to a unit (purchase requests bind theirs when submitted). */
  async bind(
    ctx: RequestContext,
    orderId: string,
    orgId: string,
    options: { tradeUnion?: boolean; purchaseRequestId?: string | null } = {},
  ): Promise<void> {
    await this.db
      .manager(ctx)
      .query(`INSERT INTO order_binding (order_id, org_id, trade_union, purchase_request_id) VALUES ($1, $2, $3, $4)`, [
        orderId,
        orgId,
        options.tradeUnion ?? false,
        options.purchaseRequestId ?? null,
      ]);
  }

  /** The binding of an agency order, created from its buyer unit when missing; locked. Null for retail orders. */
  async lockBinding(ctx: RequestContext, order: Order): Promise<OrderBinding | null> {
    if (order.buyerKind !== BuyerKind.AGENCY || !order.buyerOrgId) return null;
    await this.db
      .manager(ctx)
      .query(`INSERT INTO order_binding (order_id, org_id) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, [
        order.id,
        order.buyerOrgId,
      ]);
    return this.db
      .repo(ctx, OrderBinding)
      .findOne({ where: { orderId: order.id }, lock: { mode: 'pessimistic_write' } });
  }

  /** AGENCY_ADMIN: marks an order of the unit as a trade-union (工会) purchase, or not, before it counts. */
  async flagTradeUnion(ctx: RequestContext, orderId: string, tradeUnion: boolean): Promise<OrderBinding> {
    assertKnownId(orderId, 'Order');
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.orders.get(tx, orderId);
      const binding = await this.lockBinding(tx, order);
      if (!binding)
        throw new AppError(ProcurementErrorCode.NOT_AN_AGENCY_ORDER, 'Only agency orders count toward a unit', {
          field: 'orderId',
        });
      if (!(await this.access.administers(tx, binding.orgId)))
        throw forbidden('Only an agency admin of the unit the order counts toward may flag it');
      if (order.acceptedAt)
        throw new AppError(
          ProcurementErrorCode.ORDER_ALREADY_COUNTED,
          'The order is accepted and counted; the flag can no longer change',
          { field: 'orderId' },
        );
      await this.db.repo(tx, OrderBinding).update({ orderId }, { tradeUnion });
      if (binding.purchaseRequestId)
        await this.db.repo(tx, PurchaseRequest).update({ id: binding.purchaseRequestId }, { tradeUnion });
      return this.db.repo(tx, OrderBinding).findOneByOrFail({ orderId });
    });
  }

  /** Brings the rollup and the purchase request in line with the order's current facts. */
  async syncOrder(ctx: RequestContext, orderId: string): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      const order = await this.orders.get(tx, orderId);
      if (order.staffOfOrgId) return this.syncStaff(tx, order, order.staffOfOrgId);
      const binding = await this.lockBinding(tx, order);
      if (!binding) return;
      await this.syncPending(tx, order, binding);
      if (order.acceptedAt) await this.syncCounted(tx, order, binding);
      if (binding.purchaseRequestId) await this.followRequest(tx, binding.purchaseRequestId, order);
    });
  }

  /**
   * Moves everything the order contributed from one unit to another, period by period (a re-binding):
   * the counted movements are reversed for the old unit and repeated for the new one, pending moves too.
   */
  async rebind(tx: RequestContext, binding: OrderBinding, toOrgId: string, ref: string): Promise<void> {
    const fromOrgId = binding.orgId;
    const rows: Array<{ year: number; month: number; counted: string; uncertified: string; trade_union: string }> =
      await this.db.manager(tx).query(
        `SELECT year, month, SUM(counted_delta) AS counted, SUM(uncertified_delta) AS uncertified, SUM(trade_union_delta) AS trade_union
         FROM reserved_share_movement WHERE order_id = $1 AND org_id = $2 GROUP BY year, month ORDER BY year, month`,
        [binding.orderId, fromOrgId],
      );
    for (const r of rows) {
      const d = { counted: Number(r.counted), uncertified: Number(r.uncertified), tradeUnion: Number(r.trade_union) };
      if (!d.counted && !d.uncertified && !d.tradeUnion) continue;
      await this.insertMovement(tx, binding.orderId, fromOrgId, r.year, r.month, MovementKind.REBIND_OUT, ref, {
        counted: -d.counted,
        uncertified: -d.uncertified,
        tradeUnion: -d.tradeUnion,
      });
      await this.insertMovement(tx, binding.orderId, toOrgId, r.year, r.month, MovementKind.REBIND_IN, ref, d);
    }
    if (binding.pendingAmount > 0 && binding.pendingYear && binding.pendingMonth) {
      await this.bump(tx, fromOrgId, binding.pendingYear, binding.pendingMonth, { pending: -binding.pendingAmount });
      await this.bump(tx, toOrgId, binding.pendingYear, binding.pendingMonth, { pending: binding.pendingAmount });
    }
    await this.db.repo(tx, OrderBinding).update({ orderId: binding.orderId }, { orgId: toOrgId });
    binding.orgId = toOrgId;
  }

  /** Pending = certified lines still to be accepted, in the month the order was placed (approved). */
  private async syncPending(tx: RequestContext, order: Order, binding: OrderBinding): Promise<void> {
    let want: { amount: number; year: number | null; month: number | null } = { amount: 0, year: null, month: null };
    if (!order.acceptedAt && PENDING_STATUSES.has(order.status)) {
      const [placed] = await this.orders.entered(tx, order.id, OrderStatus.PLACED);
      const lines = await this.orders.lines(tx, order.id);
      const amount = lines.filter((l) => l.certified).reduce((sum, l) => sum + l.lineTotal - l.refundedAmount, 0);
      if (placed?.at && amount > 0) want = { amount, ...shanghaiPeriod(new Date(placed.at)) };
    }
    if (
      want.amount === binding.pendingAmount &&
      want.year === binding.pendingYear &&
      want.month === binding.pendingMonth
    )
      return;
    if (binding.pendingAmount > 0 && binding.pendingYear && binding.pendingMonth) {
      await this.bump(tx, binding.orgId, binding.pendingYear, binding.pendingMonth, {
        pending: -binding.pendingAmount,
      });
    }
    if (want.amount > 0 && want.year && want.month)
      await this.bump(tx, binding.orgId, want.year, want.month, { pending: want.amount });
    await this.db
      .repo(tx, OrderBinding)
      .update({ orderId: order.id }, { pendingAmount: want.amount, pendingYear: want.year, pendingMonth: want.month });
    Object.assign(binding, { pendingAmount: want.amount, pendingYear: want.year, pendingMonth: want.month });
  }

  /** The acceptance (net of earlier refunds) and each later refund, each recorded once. */
  private async syncCounted(tx: RequestContext, order: Order, binding: OrderBinding): Promise<void> {
    const acceptedAt = order.acceptedAt as Date;
    const lines = await this.orders.lines(tx, order.id);
    const certified = new Map(lines.map((l) => [l.id, l.certified]));
    const refunds = await this.db
      .repo(tx, OrderRefund)
      .find({ where: { orderId: order.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const refundedBefore = new Map<string, number>();
    for (const r of refunds.filter((x) => x.createdAt.getTime() <= acceptedAt.getTime())) {
      for (const part of r.lines)
        refundedBefore.set(part.lineId, (refundedBefore.get(part.lineId) ?? 0) + Number(part.amount));
    }
    const accepted = { counted: 0, uncertified: 0 };
    for (const l of lines) {
      const net = l.lineTotal - (refundedBefore.get(l.id) ?? 0);
      if (l.certified) accepted.counted += net;
      else accepted.uncertified += net;
    }
    const at = shanghaiPeriod(acceptedAt);
    await this.recordOnce(tx, order.id, binding.orgId, at, MovementKind.ACCEPTED, 'accepted', {
      ...accepted,
      tradeUnion: binding.tradeUnion ? accepted.counted : 0,
    });
    for (const r of refunds.filter((x) => x.createdAt.getTime() > acceptedAt.getTime())) {
      const part = { counted: 0, uncertified: 0 };
      for (const p of r.lines) {
        if (certified.get(p.lineId)) part.counted -= Number(p.amount);
        else part.uncertified -= Number(p.amount);
      }
      await this.recordOnce(tx, order.id, binding.orgId, shanghaiPeriod(r.createdAt), MovementKind.REFUND, r.refundId, {
        ...part,
        tradeUnion: binding.tradeUnion ? part.counted : 0,
      });
    }
  }

  /**
   * A retail purchase by the unit's staff with their own money (issue 10): retail counts once paid
   * and delivered, so the certified lines net of refunds before delivery are recorded in the month of
   * delivery as staffAmount, and in countedAmount too when the unit's jurisdiction counts staff
   * purchases — decided at delivery and kept in the movement, so a later change of the rule does not
   * rewrite history. Later refunds subtract in their month, from the same figures. No binding, no
   * pending amount, no limits: the unit did not buy.
   */
  private async syncStaff(tx: RequestContext, order: Order, orgId: string): Promise<void> {
    if (!order.deliveredAt || order.paidAmount === 0) return;
    // Concurrent handlers of one order's events would both see "not recorded yet".
    await this.db.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`staff-purchase:${order.id}`]);
    const deliveredAt = order.deliveredAt;
    const lines = await this.orders.lines(tx, order.id);
    const certified = new Map(lines.map((l) => [l.id, l.certified]));
    const refunds = await this.db
      .repo(tx, OrderRefund)
      .find({ where: { orderId: order.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const certifiedRefund = (r: OrderRefund) =>
      r.lines.reduce((sum, part) => sum + (certified.get(part.lineId) ? Number(part.amount) : 0), 0);
    const before = refunds.filter((r) => r.createdAt.getTime() <= deliveredAt.getTime());
    const staff =
      lines.filter((l) => l.certified).reduce((sum, l) => sum + l.lineTotal, 0) -
      before.reduce((sum, r) => sum + certifiedRefund(r), 0);
    const [recorded]: Array<{ counted: string }> = await this.db
      .manager(tx)
      .query(
        `SELECT counted_delta AS counted FROM reserved_share_movement WHERE order_id = $1 AND kind = 'STAFF' AND ref = 'delivered'`,
        [order.id],
      );
    const counts = recorded
      ? Number(recorded.counted) !== 0
      : await this.rules.staffPurchasesCountFor(tx, (await this.access.unit(tx, orgId)).regionCode);
    await this.recordOnce(tx, order.id, orgId, shanghaiPeriod(deliveredAt), MovementKind.STAFF, 'delivered', {
      staff,
      counted: counts ? staff : 0,
    });
    for (const r of refunds.filter((x) => x.createdAt.getTime() > deliveredAt.getTime())) {
      const part = certifiedRefund(r);
      await this.recordOnce(tx, order.id, orgId, shanghaiPeriod(r.createdAt), MovementKind.STAFF_REFUND, r.refundId, {
        staff: -part,
        counted: counts ? -part : 0,
      });
    }
  }

  /** Writes the movement unless one with this order, kind and ref exists (whatever unit it went to). */
  private async recordOnce(
    tx: RequestContext,
    orderId: string,
    orgId: string,
    at: { year: number; month: number },
    kind: MovementKind,
    ref: string,
    d: Delta,
  ): Promise<void> {
    const [seen]: Array<{ n: number }> = await this.db
      .manager(tx)
      .query(`SELECT count(*)::int AS n FROM reserved_share_movement WHERE order_id = $1 AND kind = $2 AND ref = $3`, [
        orderId,
        kind,
        ref,
      ]);
    if (seen.n > 0) return;
    await this.insertMovement(tx, orderId, orgId, at.year, at.month, kind, ref, d);
  }

  private async insertMovement(
    tx: RequestContext,
    orderId: string,
    orgId: string,
    year: number,
    month: number,
    kind: MovementKind,
    ref: string,
    d: Delta,
  ): Promise<void> {
    await this.db.manager(tx).query(
      `INSERT INTO reserved_share_movement (order_id, org_id, year, month, kind, ref, counted_delta, uncertified_delta, trade_union_delta, staff_delta)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [orderId, orgId, year, month, kind, ref, d.counted ?? 0, d.uncertified ?? 0, d.tradeUnion ?? 0, d.staff ?? 0],
    );
    await this.bump(tx, orgId, year, month, d);
  }

  /**
   * Adds to one rollup cell (unit, year, month) atomically. The row is created empty first: the
   * CHECK on pending_amount would reject a negative value in an INSERT even when the row exists.
   */
  private async bump(tx: RequestContext, orgId: string, year: number, month: number, d: Delta): Promise<void> {
    if (!d.counted && !d.pending && !d.uncertified && !d.tradeUnion && !d.staff) return;
    const m = this.db.manager(tx);
    await m.query(
      `INSERT INTO reserved_share_progress (org_id, year, month) VALUES ($1, $2, $3) ON CONFLICT (org_id, year, month) DO NOTHING`,
      [orgId, year, month],
    );
    await m.query(
      `UPDATE reserved_share_progress SET
         counted_amount = counted_amount + $4, pending_amount = pending_amount + $5,
         uncertified_amount = uncertified_amount + $6, trade_union_amount = trade_union_amount + $7, staff_amount = staff_amount + $8, updated_at = now()
       WHERE org_id = $1 AND year = $2 AND month = $3`,
      [orgId, year, month, d.counted ?? 0, d.pending ?? 0, d.uncertified ?? 0, d.tradeUnion ?? 0, d.staff ?? 0],
    );
  }

  /** A request whose order was cancelled or rejected outside procurement (e.g. cancelOrder) follows it. */
  private async followRequest(tx: RequestContext, requestId: string, order: Order): Promise<void> {
    const request = await this.db
      .repo(tx, PurchaseRequest)
      .findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request || request.status !== PurchaseRequestStatus.PENDING_APPROVAL) return;
    const to =
      order.status === OrderStatus.CANCELLED
        ? PurchaseRequestStatus.WITHDRAWN
        : order.status === OrderStatus.REJECTED
          ? PurchaseRequestStatus.REJECTED
          : null;
    if (!to) return;
    await this.db
      .repo(tx, PurchaseRequest)
      .update(
        { id: request.id },
        { status: to, decidedAt: new Date(), decisionComment: `order ${order.status.toLowerCase()}` },
      );
    await this.db.repo(tx, PurchaseRequestEvent).insert({
      requestId: request.id,
      fromStatus: request.status,
      toStatus: to,
      actorUserId: null,
      comment: `order ${order.orderNo} ${order.status}`,
      data: {},
    });
  }
}
