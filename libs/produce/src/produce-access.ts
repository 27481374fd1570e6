import { Injectable } from '@nestjs/common';
import { ErrorCode, AppError, forbidden, type Principal, type RequestContext, Role } from '@bangfu/core';
import { type Household, HouseholdService } from '@bangfu/supplier';
import { STAFF_ROLES } from './produce.rules';

/** Who may see offers, as SQL on alias `o` (produce_offer) with named parameters. */
export interface OfferScope {
  sql: string;
  params: Record<string, unknown>;
}

/** A town work team (驻镇工作队) or county coordinator: a COORDINATOR prefix at county (6) or town (9) level or finer. */
const ASSISTING_PREFIX_MIN = 6;

/**
 * Produce scope rules in one place: a farmer its own household; supplier staff the households
 * linked to them today (and offers they already committed to); coordinators and auditors their
 * region prefix; platform admins everything. Linkage and households are the supplier domain's:
 * read through HouseholdService, never its tables.
 */
@Injectable()
export class ProduceAccess {
  constructor(private readonly households: HouseholdService) {}

  async offerScope(ctx: RequestContext): Promise<OfferScope | null> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return null;
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    if (p.hasRole(Role.FARMER)) {
      const own = await this.households.mine(ctx);
      if (own) {
        parts.push('o.household_id = :scopeOwn');
        params.scopeOwn = own.id;
      }
    }
    const staff = p.organizationIds(...STAFF_ROLES);
    if (staff.length) {
      params.scopeLinked = await this.households.linkedHouseholdIds(ctx, staff);
      params.scopeStaff = staff;
      parts.push(
        'o.household_id = ANY(:scopeLinked::uuid[])',
        'EXISTS (SELECT 1 FROM produce_commitment sc WHERE sc.offer_id = o.id AND sc.supplier_id = ANY(:scopeStaff::uuid[]))',
      );
    }
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    if (prefixes.length) {
      parts.push('o.village_code LIKE ANY(:scopePrefixes)');
      params.scopePrefixes = prefixes.map((x) => `${x}%`);
    }
    return { sql: parts.length ? `(${parts.join(' OR ')})` : 'false', params };
  }

  /**
   * Who sees produce rows that name a household, a supplier and a village (commitments, receipts), as SQL
   * on the given columns: a farmer its own household's, supplier staff their own supplier's (never a
   * competitor's prices), coordinators and auditors their region's; null for platform admins (everything).
   */
  async partyScope(
    ctx: RequestContext,
    column: { household: string; supplier: string; village: string },
  ): Promise<OfferScope | null> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return null;
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    const own = p.hasRole(Role.FARMER) ? await this.ownHousehold(ctx).catch(() => null) : null;
    if (own) {
      parts.push(`${column.household} = :sOwn`);
      params.sOwn = own.id;
    }
    const staff = this.staffSupplierIds(p);
    if (staff.length) {
      parts.push(`${column.supplier} = ANY(:sStaff::uuid[])`);
      params.sStaff = staff;
    }
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    if (prefixes.length) {
      parts.push(`${column.village} LIKE ANY(:sPrefixes)`);
      params.sPrefixes = prefixes.map((x) => `${x}%`);
    }
    return { sql: parts.length ? `(${parts.join(' OR ')})` : 'false', params };
  }

  /** The FARMER's own household, or NO_HOUSEHOLD. */
  async ownHousehold(ctx: RequestContext): Promise<Household> {
    const own = await this.households.mine(ctx);
    if (!own) throw new AppError(ErrorCode.NO_HOUSEHOLD, 'This login is not tied to a household', {});
    return own;
  }

  /** A household by id, masked for the caller (NOT_FOUND when there is none). */
  async household(ctx: RequestContext, id: string): Promise<Household> {
    const [h] = await this.households.byIds(ctx, [id]);
    if (!h) throw new AppError(ErrorCode.NOT_FOUND, `Household ${id} not found`, { entity: 'Household', id });
    return h;
  }

  /** The coordination office a county coordinator / town work team assists from, when its prefix covers the village. */
  assistingOffice(p: Principal, villageCode: string): string | null {
    const m = p.memberships.find(
      (x) =>
        x.role === Role.COORDINATOR &&
        x.regionPrefix !== null &&
        x.regionPrefix.length >= ASSISTING_PREFIX_MIN &&
        villageCode.startsWith(x.regionPrefix),
    );
    return m?.organizationId ?? null;
  }

  /**
   * Acting for the household on an offer: its own farmer, or (for an assisted offer) a county
   * coordinator / town work team covering the village. Everyone else is FORBIDDEN.
   */
  async assertActsForHousehold(
    ctx: RequestContext,
    offer: { householdId: string; villageCode: string; assisted: boolean },
  ): Promise<'FARMER' | 'ASSISTANT'> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.FARMER)) {
      const own = await this.households.mine(ctx);
      if (own?.id === offer.householdId) return 'FARMER';
    }
    if (offer.assisted && this.assistingOffice(p, offer.villageCode)) return 'ASSISTANT';
    throw forbidden('Only the household, or the coordinator who assisted it, may do this');
  }

  staffSupplierIds(p: Principal): string[] {
    return p.organizationIds(...STAFF_ROLES);
  }

  linkedSupplierIds(ctx: RequestContext, householdId: string): Promise<string[]> {
    return this.households.linkedSupplierIds(ctx, householdId);
  }

  assertLinked(ctx: RequestContext, supplierId: string, householdId: string): Promise<void> {
    return this.households.assertLinked(ctx, supplierId, [householdId]);
  }
}
