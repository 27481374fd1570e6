import { Injectable } from '@nestjs/common';
import { type Principal, type RequestContext, Role } from '@bangfu/core';
import { OrganizationService } from '@bangfu/identity';

export const SUPPLIER_ROLES = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
export const BUYER_ROLES = [Role.CUSTOMER, Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN];

/** SQL (over `complaint c`) restricting complaints to what a principal may read; null: everything. */
export interface ComplaintScope {
  where: string | null;
  params: Record<string, unknown>;
}

/**
 * Who reads which complaint: its buyer side (the buyer user, its unit, the unit's agency admins up
 * the tree), the complained supplier's staff, coordinators and auditors whose region prefix covers the
 * supplier's county, platform admins all. Evaluated in SQL, never after loading.
 */
@Injectable()
export class AftersalesScope {
  constructor(private readonly organizations: OrganizationService) {}

  async buyerOrgIds(ctx: RequestContext, p: Principal): Promise<string[]> {
    const members = p.organizationIds(Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN);
    const subtree = await this.organizations.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN));
    return [...new Set([...members, ...subtree])];
  }

  /** Whether the caller acts as this order's buyer: the buyer user, or PURCHASER/AGENCY_ADMIN of its unit (or an ancestor's admin). */
  async isBuyerOf(ctx: RequestContext, order: { buyerUserId: string; buyerOrgId: string | null }): Promise<boolean> {
    const p = ctx.requirePrincipal();
    if (order.buyerUserId === p.userId) return true;
    if (!order.buyerOrgId) return false;
    const acting = [
      ...p.organizationIds(Role.PURCHASER, Role.AGENCY_ADMIN),
      ...(await this.organizations.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN))),
    ];
    return acting.includes(order.buyerOrgId);
  }

  async complaints(ctx: RequestContext): Promise<ComplaintScope> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return { where: null, params: {} };
    const params: Record<string, unknown> = { scopeUserId: p.userId };
    const parts = ['c.buyer_user_id = :scopeUserId'];
    const orgs = await this.buyerOrgIds(ctx, p);
    if (orgs.length) {
      parts.push('c.buyer_org_id = ANY(:scopeOrgIds::uuid[])');
      params.scopeOrgIds = orgs;
    }
    const suppliers = p.organizationIds(...SUPPLIER_ROLES);
    if (suppliers.length) {
      parts.push('c.supplier_id = ANY(:scopeSupplierIds::uuid[])');
      params.scopeSupplierIds = suppliers;
    }
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).map((x) => `${x}%`);
    if (prefixes.length) {
      parts.push('c.region_code LIKE ANY(:scopePrefixes::text[])');
      params.scopePrefixes = prefixes;
    }
    return { where: `(${parts.join(' OR ')})`, params };
  }

  /** Whether a coordinator's prefix (or platform admin) covers this region: who decides complaints. */
  canDecide(p: Principal, regionCode: string): boolean {
    if (p.hasRole(Role.PLATFORM_ADMIN)) return true;
    return p.regionPrefixes(Role.COORDINATOR).some((prefix) => regionCode.startsWith(prefix));
  }

  /** Region readers (coordinators, auditors) whose prefix covers the region. */
  readsRegion(p: Principal, regionCode: string): boolean {
    return p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).some((prefix) => regionCode.startsWith(prefix));
  }
}
