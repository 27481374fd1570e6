import { Injectable } from '@nestjs/common';
import { Db, forbidden, type Principal, type RequestContext, Role } from '@bangfu/core';
import { OrganizationService } from '@bangfu/identity';
import { ActorKind, type Order } from './ordering.entities';

/** Agency roles that act for their unit's orders (approvers approve requests, they do not act on orders). */
export const BUYER_AGENCY_ROLES = [Role.PURCHASER, Role.AGENCY_ADMIN];
export const SUPPLIER_STAFF_ROLES = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];

/** SQL and parameters restricting `orders o` to what a principal may read. */
export interface OrderScope {
  /** null: everything (platform admin). */
  where: string | null;
  params: Record<string, unknown>;
}

/**
 * Who may see and act on which order. Reading: buyers (own orders; agency staff their unit,
 * agency admins their subtree), supplier staff (orders with their supplier order, their part only),
 * coordinators and auditors (supplier orders whose supplier's county lies in their prefix, those
 * parts only), platform admins everything. Acting as buyer: the buyer user, PURCHASER/AGENCY_ADMIN
 * of the buyer unit, AGENCY_ADMIN of a parent unit, platform admin.
 */
@Injectable()
export class OrderAccessService {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationService,
  ) {}

  /** Agency organisations whose orders the principal reads as buyer (own units, admins' subtrees). */
  async buyerOrgIds(ctx: RequestContext, p: Principal): Promise<string[]> {
    const members = p.organizationIds(Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN);
    const subtree = await this.organizations.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN));
    return [...new Set([...members, ...subtree])];
  }

  /** Agency organisations the principal acts for as buyer. */
  private async actingOrgIds(ctx: RequestContext, p: Principal): Promise<string[]> {
    const members = p.organizationIds(...BUYER_AGENCY_ROLES);
    const subtree = await this.organizations.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN));
    return [...new Set([...members, ...subtree])];
  }

  /** The actor kind the caller acts as on this order's buyer side, or FORBIDDEN. */
  async requireBuyer(ctx: RequestContext, order: Order): Promise<ActorKind> {
    const p = ctx.requirePrincipal();
    if (order.buyerUserId === p.userId) return ActorKind.BUYER;
    if (order.buyerOrgId && (await this.actingOrgIds(ctx, p)).includes(order.buyerOrgId)) return ActorKind.BUYER;
    if (p.hasRole(Role.PLATFORM_ADMIN)) return ActorKind.PLATFORM_ADMIN;
    throw forbidden("You may only act on your own (or your unit's) orders");
  }

  /** Whether the caller may act as the buyer (without throwing). */
  async isBuyer(ctx: RequestContext, order: Order): Promise<boolean> {
    const p = ctx.requirePrincipal();
    if (order.buyerUserId === p.userId) return true;
    return !!order.buyerOrgId && (await this.actingOrgIds(ctx, p)).includes(order.buyerOrgId);
  }

  requireSupplierStaff(ctx: RequestContext, supplierId: string): void {
    const p = ctx.requirePrincipal();
    if (!p.organizationIds(...SUPPLIER_STAFF_ROLES).includes(supplierId))
      throw forbidden("Only the supplier's own staff may do this");
  }

  isSupplierStaff(ctx: RequestContext, supplierId: string): boolean {
    return !!ctx.principal?.organizationIds(...SUPPLIER_STAFF_ROLES).includes(supplierId);
  }

  /** The read scope as SQL over `orders o`, evaluated in the database. */
  async scope(ctx: RequestContext): Promise<OrderScope> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return { where: null, params: {} };
    const parts = ['o.buyer_user_id = :scopeUserId'];
    const params: Record<string, unknown> = { scopeUserId: p.userId };
    const orgs = await this.buyerOrgIds(ctx, p);
    if (orgs.length) {
      parts.push('o.buyer_org_id = ANY(:scopeOrgIds::uuid[])');
      params.scopeOrgIds = orgs;
    }
    const part = this.partScope(p, 'so', 'sp');
    if (part) {
      parts.push(
        `EXISTS (SELECT 1 FROM supplier_order so JOIN supplier_directory sp ON sp.organization_id = so.supplier_id WHERE so.order_id = o.id AND ${part.where})`,
      );
      Object.assign(params, part.params);
    }
    return { where: `(${parts.join(' OR ')})`, params };
  }

  /** The supplier-side part of the scope (own supplier orders, region prefixes), or null when the caller has none. */
  partScope(p: Principal, so: string, sp: string): { where: string; params: Record<string, unknown> } | null {
    const suppliers = p.organizationIds(...SUPPLIER_STAFF_ROLES);
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).map((x) => `${x}%`);
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    if (suppliers.length) {
      parts.push(`${so}.supplier_id = ANY(:scopeSupplierIds::uuid[])`);
      params.scopeSupplierIds = suppliers;
    }
    if (prefixes.length) {
      parts.push(`${sp}.county_code LIKE ANY(:scopePrefixes::text[])`);
      params.scopePrefixes = prefixes;
    }
    return parts.length ? { where: `(${parts.join(' OR ')})`, params } : null;
  }

  /**
   * Sets `visibleSupplierIds` on each order: null when the caller sees the whole order (buyer side,
   * platform admin), else the suppliers whose part it may see. One query for the whole page.
   */
  async applyVisibility(ctx: RequestContext, orders: Order[]): Promise<void> {
    if (orders.length === 0) return;
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) {
      for (const o of orders) o.visibleSupplierIds = null;
      return;
    }
    const orgs = new Set(await this.buyerOrgIds(ctx, p));
    const partial = orders.filter((o) => o.buyerUserId !== p.userId && !(o.buyerOrgId && orgs.has(o.buyerOrgId)));
    for (const o of orders) o.visibleSupplierIds = null;
    if (partial.length === 0) return;
    const part = this.partScope(p, 'so', 'sp');
    const visible = new Map<string, string[]>(partial.map((o) => [o.id, []]));
    if (part) {
      const qb = this.db
        .manager(ctx)
        .createQueryBuilder()
        .select(['so.order_id AS order_id', 'so.supplier_id AS supplier_id'])
        .from('supplier_order', 'so')
        .innerJoin('supplier_directory', 'sp', 'sp.organization_id = so.supplier_id')
        .where('so.order_id = ANY(:ids::uuid[])', { ids: partial.map((o) => o.id) })
        .andWhere(part.where, part.params);
      for (const row of await qb.getRawMany<{ order_id: string; supplier_id: string }>())
        visible.get(row.order_id)?.push(row.supplier_id);
    }
    for (const o of partial) o.visibleSupplierIds = visible.get(o.id) ?? [];
  }
}
