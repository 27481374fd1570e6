import { Injectable } from '@nestjs/common';
import {
  AppError,
  assertUuid,
  badInput,
  type Connection,
  Db,
  newestFirstPage,
  ErrorCode,
  forbidden,
  groupBy,
  likeContains,
  notFound,
  OrganizationKind,
  type PageArgs,
  pageSize,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { UserService } from '@bangfu/identity';
import { dayStart, isCalendarDate, parseTimestamp } from '@bangfu/locale';
import { OrderAccessService } from './order-access.service';
import { assertId } from './order-state.service';
import { Order, OrderHistory, OrderLine, SupplierOrder, SupplierOrderHistory } from './ordering.entities';
import { type OrderFilter, type SupplierOrderCounts, SupplierOrderTab } from './ordering.types';
import { supplierTabWhere } from './supplier-queue';

/** A date argument ('2026-01-01' or an ISO timestamp) as an instant: the start of that Asia/Shanghai day (the next day's start for `to`), or the timestamp itself. */
function parseDay(value: string, field: string, endOfDay: boolean): Date {
  const v = value.trim();
  if (isCalendarDate(v)) return dayStart(v, endOfDay ? 'end' : 'start');
  const t = parseTimestamp(v, { zoned: false });
  if (t) return t;
  throw new AppError(
    ErrorCode.INVALID_DATE,
    `${field} must be a date like 2026-01-01 (got ${JSON.stringify(value).slice(0, 40)})`,
    { field },
  );
}

/** Reading orders: the Relay list and single orders, scoped in SQL, with children loaded per page. */
@Injectable()
export class OrderQueryService {
  constructor(
    private readonly db: Db,
    private readonly access: OrderAccessService,
    private readonly users: UserService,
  ) {}

  async list(ctx: RequestContext, filter: OrderFilter, { first, after }: PageArgs): Promise<Connection<Order>> {
    const qb = this.db.repo(ctx, Order).createQueryBuilder('o');
    const scope = await this.access.scope(ctx);
    if (scope.where) qb.andWhere(scope.where, scope.params);
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.buyerOrgId)
      qb.andWhere('o.buyer_org_id = :buyerOrgId', { buyerOrgId: assertUuid(filter.buyerOrgId, 'buyerOrgId') });
    if (filter.buyerUserId)
      qb.andWhere('o.buyer_user_id = :buyerUserId', { buyerUserId: assertUuid(filter.buyerUserId, 'buyerUserId') });
    const search = filter.search?.trim();
    if (search) {
      // Tracking numbers belong to one supplier's part: only the platform (which sees every part) searches them,
      // so a supplier cannot probe another supplier's shipments in a shared order.
      const tracking =
        scope.where === null
          ? 'OR EXISTS (SELECT 1 FROM supplier_order sso WHERE sso.order_id = o.id AND sso.tracking_no ILIKE :search)'
          : '';
      qb.andWhere(`(o.order_no ILIKE :search OR o.invoice_no ILIKE :search ${tracking})`, {
        search: likeContains(search),
      });
    }
    if (filter.channelId)
      qb.andWhere('o.channel_id = :channelId', { channelId: assertUuid(filter.channelId, 'channelId') });
    if (filter.supplierId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM supplier_order fso WHERE fso.order_id = o.id AND fso.supplier_id = :supplierId)',
        { supplierId: assertUuid(filter.supplierId, 'supplierId') },
      );
    }
    if (filter.tab) {
      if (!filter.supplierId) throw badInput('tab needs supplierId (whose shipping queue)', { field: 'tab' });
      qb.andWhere(supplierTabWhere(filter.tab), { tabSupplierId: filter.supplierId });
    }
    if (filter.from) qb.andWhere('o.created_at >= :from', { from: parseDay(filter.from, 'from', false) });
    if (filter.to) qb.andWhere('o.created_at < :to', { to: parseDay(filter.to, 'to', true) });
    return newestFirstPage(qb, { first, after }, async (rows) => {
      await this.prepare(ctx, rows.slice(0, pageSize(first)));
      return rows;
    });
  }

  /**
   * The shipping-queue tab sizes of one supplier, in one query over the same conditions the list
   * uses, so a tab's count is the list's totalCount. Its own staff and platform admins only.
   */
  async supplierCounts(ctx: RequestContext, supplierId: string): Promise<SupplierOrderCounts> {
    assertUuid(supplierId, 'supplierId');
    const p = ctx.requirePrincipal();
    if (!p.hasRole(Role.PLATFORM_ADMIN)) this.access.requireSupplierStaff(ctx, supplierId);
    const qb = this.db.repo(ctx, Order).createQueryBuilder('o').select([]);
    const scope = await this.access.scope(ctx);
    if (scope.where) qb.andWhere(scope.where, scope.params);
    qb.andWhere(supplierTabWhere(SupplierOrderTab.ALL), { tabSupplierId: supplierId });
    const tabs = {
      toShip: SupplierOrderTab.TO_SHIP,
      shipped: SupplierOrderTab.SHIPPED,
      delivered: SupplierOrderTab.DELIVERED,
    } as const;
    for (const [alias, tab] of Object.entries(tabs))
      qb.addSelect(`count(*) FILTER (WHERE ${supplierTabWhere(tab)})::int`, alias);
    qb.addSelect('count(*)::int', 'all');
    const row = await qb.getRawOne<SupplierOrderCounts>();
    return { toShip: row?.toShip ?? 0, shipped: row?.shipped ?? 0, delivered: row?.delivered ?? 0, all: row?.all ?? 0 };
  }

  /** One order, if the caller may read it (FORBIDDEN otherwise; NOT_FOUND when there is none). */
  async view(ctx: RequestContext, orderId: string): Promise<Order> {
    assertId(orderId, 'Order');
    const qb = this.db.repo(ctx, Order).createQueryBuilder('o').where('o.id = :id', { id: orderId });
    const exists = await qb.clone().getExists();
    if (!exists) throw notFound('Order', orderId);
    const scope = await this.access.scope(ctx);
    if (scope.where) qb.andWhere(scope.where, scope.params);
    const order = await qb.getOne();
    if (!order) throw forbidden('This order is not yours to see');
    await this.prepare(ctx, [order]);
    return order;
  }

  /** Sets visibility and preloads supplier orders and their lines for a page (two queries). */
  async prepare(ctx: RequestContext, orders: Order[]): Promise<void> {
    if (orders.length === 0) return;
    await this.access.applyVisibility(ctx, orders);
    const ids = orders.map((o) => o.id);
    const supplierOrders = await this.db
      .repo(ctx, SupplierOrder)
      .createQueryBuilder('so')
      .where('so.order_id = ANY(:ids::uuid[])', { ids })
      .orderBy('so.created_at', 'ASC')
      .addOrderBy('so.id', 'ASC')
      .getMany();
    const lines = supplierOrders.length
      ? await this.db
          .repo(ctx, OrderLine)
          .createQueryBuilder('l')
          .where('l.supplier_order_id = ANY(:ids::uuid[])', { ids: supplierOrders.map((so) => so.id) })
          .orderBy('l.created_at', 'ASC')
          .addOrderBy('l.id', 'ASC')
          .getMany()
      : [];
    for (const so of supplierOrders) so.loadedLines = lines.filter((l) => l.supplierOrderId === so.id);
    for (const o of orders) {
      const visible = o.visibleSupplierIds;
      o.loadedSupplierOrders = supplierOrders.filter(
        (so) => so.orderId === o.id && (visible === null || visible === undefined || visible.includes(so.supplierId)),
      );
    }
  }

  async supplierOrdersOf(ctx: RequestContext, order: Order): Promise<SupplierOrder[]> {
    if (!order.loadedSupplierOrders) await this.prepare(ctx, [order]);
    return order.loadedSupplierOrders ?? [];
  }

  /** Lines of supplier orders that were not preloaded with their order (a mutation's answer), any number at once. */
  linesOf(ctx: RequestContext, supplierOrderIds: string[]): Promise<OrderLine[]> {
    return this.db
      .repo(ctx, OrderLine)
      .createQueryBuilder('l')
      .where('l.supplier_order_id = ANY(:ids::uuid[])', { ids: supplierOrderIds })
      .orderBy('l.created_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }

  /**
   * The moves of each order, for a page of orders at once. A caller who sees only some supplier parts
   * (coordinators, auditors, supplier staff: `visibleSupplierIds` set) does not learn which user of another
   * supplier — possibly in another province — made a move (a supplier shipping its part moves the order as
   * SYSTEM with its user): actorUserId is hidden when that user works for a supplier the caller cannot see
   * (one identity read of the actors' supplier memberships per page).
   */
  async histories(ctx: RequestContext, orders: Order[]): Promise<Map<Order, OrderHistory[]>> {
    const rows = groupBy(
      await this.db
        .repo(ctx, OrderHistory)
        .createQueryBuilder('h')
        .where('h.order_id = ANY(:ids::uuid[])', { ids: [...new Set(orders.map((o) => o.id))] })
        .orderBy('h.created_at', 'ASC')
        .addOrderBy('h.id', 'ASC')
        .getMany(),
      (h) => h.orderId,
    );
    const result = new Map<Order, OrderHistory[]>();
    const partial = orders.filter((o) => {
      result.set(o, rows.get(o.id) ?? []);
      return o.visibleSupplierIds && result.get(o)!.some((h) => h.actorUserId);
    });
    if (partial.length === 0) return result;
    // Who among the moves' actors works for a supplier, and for which (identity's read, one query).
    const actors = [...new Set(partial.flatMap((o) => result.get(o)!.map((h) => h.actorUserId)).filter((u) => !!u))];
    const supplierOrgs = groupBy(
      await this.users.membershipsIn(ctx, actors as string[], OrganizationKind.SUPPLIER),
      (m) => m.userId,
    );
    for (const o of partial) {
      const visible = new Set(o.visibleSupplierIds);
      for (const h of result.get(o)!) {
        const orgs = h.actorUserId ? supplierOrgs.get(h.actorUserId) : undefined;
        if (orgs?.some((m) => !visible.has(m.organizationId))) h.actorUserId = null;
      }
    }
    return result;
  }

  supplierOrderHistory(ctx: RequestContext, supplierOrderIds: string[]): Promise<SupplierOrderHistory[]> {
    return this.db
      .repo(ctx, SupplierOrderHistory)
      .createQueryBuilder('h')
      .where('h.supplier_order_id = ANY(:ids::uuid[])', { ids: supplierOrderIds })
      .orderBy('h.created_at', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getMany();
  }
}
