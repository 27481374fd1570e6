import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  Db,
  forbidden,
  isUuid,
  notFound,
  OrganizationKind,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { Organization, OrganizationService } from '@bangfu/identity';

/** Agency roles whose holders belong to a unit. */
export const AGENCY_ROLES = [Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN];

/** Who may read a unit's orders, filings and documents: its agency roles and the overseers (UnitAccess checks which unit). */
export const UNIT_READERS = [...AGENCY_ROLES, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];

export function assertKnownId(id: string, what: string): void {
  if (typeof id !== 'string' || !isUuid(id)) throw notFound(what, String(id));
}

/** The caller, who must be a PURCHASER of the unit to act for it (`action` completes the FORBIDDEN message). */
export function requireUnitPurchaser(ctx: RequestContext, orgId: string, action: string): Principal {
  const p = ctx.requirePrincipal();
  assertKnownId(orgId, 'Organization');
  if (!p.organizationIds(Role.PURCHASER).includes(orgId))
    throw forbidden(`Only a purchaser (PURCHASER) of that unit ${action}`);
  return p;
}

export function covers(prefixes: string[], code: string | null): boolean {
  return !!code && prefixes.some((prefix) => code.startsWith(prefix));
}

export function likeAny(prefixes: string[]): string[] {
  return prefixes.map((prefix) => `${prefix}%`);
}

/**
 * Who may act on or read a budget unit's procurement data: its members, the agency admins of the
 * unit or of a parent unit (subtree), coordinators/auditors whose region prefix covers the unit,
 * platform admins.
 */
@Injectable()
export class UnitAccess {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationService,
  ) {}

  /** The organisation, which must be an agency (budget unit). */
  async unit(ctx: RequestContext, orgId: string, field = 'orgId'): Promise<Organization> {
    assertKnownId(orgId, 'Organization');
    const org = await this.db.repo(ctx, Organization).findOneBy({ id: orgId });
    if (!org) throw notFound('Organization', orgId);
    if (org.kind !== OrganizationKind.AGENCY)
      throw new AppError(ProcurementErrorCode.NOT_AN_AGENCY, `${org.name} is not an agency (budget unit)`, { field });
    return org;
  }

  /** Units the principal administers: its AGENCY_ADMIN units and everything below them. */
  administered(ctx: RequestContext, p: Principal): Promise<string[]> {
    return this.organizations.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN));
  }

  async administers(ctx: RequestContext, orgId: string): Promise<boolean> {
    const p = ctx.requirePrincipal();
    return (await this.administered(ctx, p)).includes(orgId);
  }

  /** The unit, when the caller is an AGENCY_ADMIN of it or of a parent unit; else FORBIDDEN. */
  async requireAdmin(ctx: RequestContext, orgId: string, field = 'orgId'): Promise<Organization> {
    const org = await this.unit(ctx, orgId, field);
    if (!(await this.administers(ctx, orgId)))
      throw forbidden('Only an agency admin (AGENCY_ADMIN) of this unit or a parent unit may do this');
    return org;
  }

  /** Whether a COORDINATOR (or other region-scoped role) of the principal covers the region. */
  coversRegion(p: Principal, regionCode: string | null, roles: Role[] = [Role.COORDINATOR]): boolean {
    return covers(p.regionPrefixes(...roles), regionCode);
  }

  async canRead(ctx: RequestContext, org: Organization): Promise<boolean> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return true;
    if (p.organizationIds(...AGENCY_ROLES).includes(org.id)) return true;
    if (this.coversRegion(p, org.regionCode, [Role.COORDINATOR, Role.AUDITOR])) return true;
    return (await this.administered(ctx, p)).includes(org.id);
  }

  async requireReader(ctx: RequestContext, orgId: string): Promise<Organization> {
    const org = await this.unit(ctx, orgId);
    if (!(await this.canRead(ctx, org))) throw forbidden('This unit is outside your scope');
    return org;
  }

  /**
   * SQL over an organisation alias restricting to the units the principal reads (null: all).
   * Region scope and memberships are evaluated in the database, never after loading.
   */
  async readScope(
    ctx: RequestContext,
    alias: string,
  ): Promise<{ where: string; params: Record<string, unknown> } | null> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return null;
    const ids = [...new Set([...p.organizationIds(...AGENCY_ROLES), ...(await this.administered(ctx, p))])];
    const prefixes = likeAny(p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR));
    const parts = [`${alias}.id = ANY(:scopeOrgIds::uuid[])`];
    if (prefixes.length) parts.push(`${alias}.region_code LIKE ANY(:scopePrefixes::text[])`);
    return { where: `(${parts.join(' OR ')})`, params: { scopeOrgIds: ids, scopePrefixes: prefixes } };
  }
}
