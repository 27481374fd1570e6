import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { AppError, badInput, Db, forbidden, notFound, type RequestContext, Role, uniqueViolation } from '@bangfu/core';
import { OrderService, OrderStatus, SupplierOrderStatus } from '@bangfu/ordering';
import { assertKnownId, UnitAccess } from './access';
import { OrderBinding, OrderRebinding, RebindingStatus } from './procurement.entities';
import type { RebindingFilter } from './procurement.types';
import { ProcurementService } from './procurement.service';

/**
 * Re-binding an order to another unit (it then counts there, in the same periods). Before shipment
 * an agency admin administering both units re-binds at once; a shipped (or accepted) order, or a
 * move to a unit outside the requester's subtree, needs the approval of a coordinator of the
 * current unit's region.
 */
@Injectable()
export class RebindingService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly orders: OrderService,
    private readonly procurement: ProcurementService,
  ) {}

  async request(ctx: RequestContext, orderId: string, toOrgId: string, reason: string): Promise<OrderRebinding> {
    const p = ctx.requirePrincipal();
    const why = reason?.trim();
    if (!why) throw badInput('reason is required', { field: 'reason' });
    if (why.length > 2000) throw badInput('reason must be at most 2000 characters', { field: 'reason' });
    assertKnownId(orderId, 'Order');
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.orders.get(tx, orderId);
      const binding = await this.procurement.lockBinding(tx, order);
      if (!binding)
        throw new AppError(ProcurementErrorCode.NOT_AN_AGENCY_ORDER, 'Only agency orders count toward a unit', {
          field: 'orderId',
        });
      if (!(await this.access.administers(tx, binding.orgId)))
        throw forbidden('Only an agency admin of the unit the order counts toward may ask to re-bind it');
      const to = await this.access.unit(tx, toOrgId, 'toOrgId');
      if (to.id === binding.orgId)
        throw new AppError(ProcurementErrorCode.SAME_UNIT, 'The order already counts toward this unit', {
          field: 'toOrgId',
        });
      if (order.status === OrderStatus.CANCELLED || order.status === OrderStatus.REJECTED) {
        throw new AppError(ProcurementErrorCode.ORDER_CLOSED, `A ${order.status} order counts nowhere`, {
          field: 'orderId',
        });
      }
      const shipped = (await this.orders.supplierOrders(tx, order.id)).some(
        (so) => so.status === SupplierOrderStatus.SHIPPED || so.status === SupplierOrderStatus.DELIVERED,
      );
      const immediate = !shipped && !order.acceptedAt && (await this.access.administers(tx, to.id));
      const repo = this.db.repo(tx, OrderRebinding);
      let row: OrderRebinding;
      try {
        row = await repo.save(
          repo.create({
            orderId: order.id,
            fromOrgId: binding.orgId,
            toOrgId: to.id,
            reason: why,
            status: immediate ? RebindingStatus.APPLIED : RebindingStatus.PENDING,
            requestedByUserId: p.userId,
            decidedByUserId: immediate ? p.userId : null,
            decidedAt: immediate ? new Date() : null,
          }),
        );
      } catch (e) {
        if (uniqueViolation(e, 'order_rebinding_pending_idx'))
          throw new AppError(
            ProcurementErrorCode.REBINDING_PENDING,
            'A re-binding of this order is already waiting for a coordinator',
            {
              field: 'orderId',
            },
          );
        throw e;
      }
      if (immediate) await this.procurement.rebind(tx, binding, to.id, row.id);
      return row;
    });
  }

  /** COORDINATOR covering the unit the order counts toward now: approve (applied at once) or reject. */
  async decide(ctx: RequestContext, id: string, approve: boolean, comment: string | null): Promise<OrderRebinding> {
    const p = ctx.requirePrincipal();
    assertKnownId(id, 'OrderRebinding');
    const note = comment?.trim() || null;
    if (!approve && !note) throw badInput('reason is required', { field: 'reason' });
    return this.db.transaction(ctx, async (tx) => {
      const row = await this.db
        .repo(tx, OrderRebinding)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('OrderRebinding', id);
      const from = await this.access.unit(tx, row.fromOrgId);
      if (!this.access.coversRegion(p, from.regionCode))
        throw forbidden('Only a coordinator of the region of the unit the order counts toward decides');
      if (row.status !== RebindingStatus.PENDING)
        throw new AppError(ProcurementErrorCode.REBINDING_NOT_PENDING, `The re-binding is already ${row.status}`, {
          status: row.status,
        });
      const changes = {
        status: approve ? RebindingStatus.APPROVED : RebindingStatus.REJECTED,
        decidedByUserId: p.userId,
        decisionComment: note,
        decidedAt: new Date(),
      };
      if (approve) {
        const order = await this.orders.get(tx, row.orderId);
        const binding = (await this.procurement.lockBinding(tx, order)) as OrderBinding;
        if (binding.orgId !== row.fromOrgId)
          throw new AppError(
            ProcurementErrorCode.REBINDING_STALE,
            'The order no longer counts toward the unit this request moves it from',
            { field: 'id' },
          );
        await this.procurement.rebind(tx, binding, row.toOrgId, row.id);
      }
      await this.db.repo(tx, OrderRebinding).update({ id }, changes);
      return Object.assign(row, changes);
    });
  }

  /** Re-bindings in scope: coordinators/auditors by the from-unit's region, admins of either unit, platform all. */
  async list(ctx: RequestContext, filter: RebindingFilter): Promise<OrderRebinding[]> {
    const p = ctx.requirePrincipal();
    const qb = this.db
      .repo(ctx, OrderRebinding)
      .createQueryBuilder('r')
      .innerJoin('organization_directory', 'o', 'o.id = r.from_org_id')
      .orderBy('r.created_at', 'DESC')
      .limit(500);
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const ids = await this.access.administered(ctx, p);
      const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).map((x) => `${x}%`);
      qb.andWhere(
        `(r.from_org_id = ANY(:ids::uuid[]) OR r.to_org_id = ANY(:ids::uuid[]) ${prefixes.length ? 'OR o.region_code LIKE ANY(:prefixes::text[])' : ''})`,
        { ids, prefixes },
      );
    }
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    return qb.getMany();
  }
}
