import { Injectable } from '@nestjs/common';
import {
  AppError,
  Db,
  ErrorCode,
  forbidden,
  notFound,
  OrganizationKind,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { normalizePrefix, RegionLevel, RegionService } from '@bangfu/region';
import { isValidCreditCode } from './credit-code';
import { Organization } from './identity.entities';

export interface CreateOrganizationInput {
  kind: OrganizationKind;
  name: string;
  creditCode?: string | null;
  parentId?: string | null;
  regionCode?: string | null;
}

/** Where each organisation kind may be registered (region level), as data. */
const REGION_LEVELS: Record<OrganizationKind, RegionLevel[]> = {
  [OrganizationKind.AGENCY]: [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWN],
  [OrganizationKind.SUPPLIER]: [RegionLevel.COUNTY, RegionLevel.TOWN, RegionLevel.VILLAGE],
  [OrganizationKind.COORDINATION_OFFICE]: [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY],
  [OrganizationKind.PLATFORM]: [RegionLevel.PROVINCE],
};

@Injectable()
export class OrganizationService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<Organization> {
    const org = await this.find(ctx, id);
    if (!org) throw notFound('Organization', id);
    return org;
  }

  /** The organisation, or null (no permission check: callers decide who may read what). */
  find(ctx: RequestContext, id: string): Promise<Organization | null> {
    return this.db.repo(ctx, Organization).findOneBy({ id });
  }

  /** Names by organisation id, for other libs' lists (audit's actor organisations); unknown ids are left out. */
  async names(ctx: RequestContext, ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.db
      .manager(ctx)
      .query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [wanted]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The organisation and all its descendants (agency tree), in one recursive query. */
  async subtreeIds(ctx: RequestContext, rootIds: string[]): Promise<string[]> {
    if (rootIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `WITH RECURSIVE t AS (
         SELECT id FROM organization WHERE id = ANY($1::uuid[])
         UNION SELECT o.id FROM organization o JOIN t ON o.parent_id = t.id
       ) SELECT id FROM t`,
      [rootIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The most specific coordination office(s) whose region covers the code (the county's office
   * before the city's, the city's before the province's): whom to notify about a village's affairs.
   */
  async coordinationOfficesCovering(ctx: RequestContext, regionCode: string): Promise<Organization[]> {
    const offices = await this.db
      .repo(ctx, Organization)
      .createQueryBuilder('o')
      .where('o.kind = :kind', { kind: OrganizationKind.COORDINATION_OFFICE })
      .andWhere(`o.status = 'ACTIVE'`)
      .andWhere('o.region_code IS NOT NULL AND left(o.region_code, 2) = left(:code, 2)', { code: regionCode })
      .getMany();
    const covering = offices
      .map((o) => ({ o, prefix: normalizePrefix(o.regionCode as string) }))
      .filter(({ prefix }) => regionCode.startsWith(prefix));
    const longest = Math.max(0, ...covering.map((c) => c.prefix.length));
    return covering.filter((c) => c.prefix.length === longest).map((c) => c.o);
  }

  /** Organisations the caller may see, filtered in SQL by its memberships and region scope. */
  async list(ctx: RequestContext, kind?: OrganizationKind | null): Promise<Organization[]> {
    const p = ctx.requirePrincipal();
    const qb = this.db.repo(ctx, Organization).createQueryBuilder('o').orderBy('o.name', 'ASC').limit(500);
    if (kind) qb.andWhere('o.kind = :kind', { kind });
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const visible = await this.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN));
      const own = p.organizationIds();
      const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
      const ids = [...new Set([...visible, ...own])];
      // A retail customer belongs to no organisation and has no region scope: nothing to look up.
      if (ids.length === 0 && prefixes.length === 0) return [];
      qb.andWhere(`(o.id = ANY(:ids::uuid[]) ${prefixes.length ? `OR o.region_code LIKE ANY(:prefixes)` : ''})`, {
        ids,
        prefixes: prefixes.map((x) => `${x}%`),
      });
    }
    return qb.getMany();
  }

  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    const p = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const name = input.name?.trim();
      if (!name || name.length > 200)
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'Name must be 1–200 characters', { field: 'name' });
      const creditCode = input.creditCode?.trim().toUpperCase() || null;
      if (creditCode && !isValidCreditCode(creditCode)) {
        throw new AppError(
          ErrorCode.INVALID_CREDIT_CODE,
          `${creditCode} is not a valid unified social credit code (统一社会信用代码)`,
          { field: 'creditCode' },
        );
      }
      if (input.kind !== OrganizationKind.PLATFORM && !creditCode) {
        throw new AppError(ErrorCode.INVALID_CREDIT_CODE, 'A unified social credit code is required', {
          field: 'creditCode',
        });
      }
      if (input.parentId) {
        if (input.kind !== OrganizationKind.AGENCY)
          throw new AppError(ErrorCode.BAD_USER_INPUT, 'Only agencies form a parent tree', { field: 'parentId' });
        const parent = await this.get(tx, input.parentId);
        if (parent.kind !== OrganizationKind.AGENCY)
          throw new AppError(ErrorCode.BAD_USER_INPUT, 'The parent must be an agency', { field: 'parentId' });
      }
      if (!p.hasRole(Role.PLATFORM_ADMIN)) {
        // An agency admin may add subordinate units below the units it administers, nothing else.
        const administered = await this.subtreeIds(tx, p.organizationIds(Role.AGENCY_ADMIN));
        if (input.kind !== OrganizationKind.AGENCY || !input.parentId || !administered.includes(input.parentId))
          throw forbidden();
      }
      if (input.regionCode) await this.regions.requireLevel(tx, input.regionCode, REGION_LEVELS[input.kind]);
      if (creditCode && (await this.db.repo(tx, Organization).existsBy({ creditCode }))) {
        throw new AppError(
          ErrorCode.DUPLICATE_CREDIT_CODE,
          `An organisation with credit code ${creditCode} already exists`,
          {
            field: 'creditCode',
          },
        );
      }
      const repo = this.db.repo(tx, Organization);
      return repo.save(
        repo.create({
          kind: input.kind,
          name,
          creditCode,
          parentId: input.parentId ?? null,
          regionCode: input.regionCode ?? null,
        }),
      );
    });
  }
}
