import { SupplierErrorCode } from './supplier.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  badInput,
  Db,
  ErrorCode,
  forbidden,
  insertUnique,
  isUuid,
  notFound,
  OrganizationKind,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { isValidCreditCode, Membership, Organization, UserService } from '@bangfu/identity';
import { normalizePrefix, type Region, RegionLevel, RegionService } from '@bangfu/region';
import { In } from 'typeorm';
import {
  ADMISSION_MACHINE,
  ADMISSION_NOTICE,
  ADMISSION_TRANSITIONS,
  AdmissionAction,
  rolesBarringApplication,
  rolesFor,
} from './admission';
import { NotificationService } from './notification.service';
import { covers, likeAny, staffSupplierIds } from './scope';
import { SupplierAdmissionEvent, SupplierKind, SupplierProfile, SupplierStatus } from './supplier.entities';
import { type ApplyAsSupplierInput, type SupplierFilter, SupplierHistoryEntry, SupplierView } from './supplier.types';

const MAX_LIST = 500;

/** 供应商准入: application, the admission state machine, and the checks other domains rely on. */
@Injectable()
export class SupplierService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly notifications: NotificationService,
    private readonly users: UserService,
  ) {}

  // ── for other domains ──────────────────────────────────────────────────────────

  /** The supplier's profile, which must be APPROVED (no permission check: callers check who is asking). */
  async requireApproved(ctx: RequestContext, supplierId: string): Promise<SupplierProfile> {
    const profile = await this.find(ctx, supplierId);
    if (!profile || profile.status !== SupplierStatus.APPROVED) {
      throw new AppError(
        ErrorCode.SUPPLIER_NOT_APPROVED,
        `Supplier ${supplierId} is not an approved supplier (status ${profile?.status ?? 'unknown'})`,
        {
          supplierId,
          status: profile?.status ?? null,
        },
      );
    }
    return profile;
  }

  /** The caller must be SUPPLIER_ADMIN/SUPPLIER_STAFF of this supplier (a PLATFORM_ADMIN passes); else FORBIDDEN. */
  async assertStaffOf(ctx: RequestContext, supplierId: string): Promise<void> {
    const p = ctx.requirePrincipal();
    if (!isStaffOf(p, supplierId) && !p.hasRole(Role.PLATFORM_ADMIN))
      throw forbidden('You do not work for this supplier');
  }

  find(ctx: RequestContext, supplierId: string): Promise<SupplierProfile | null> {
    if (!isUuid(supplierId)) return Promise.resolve(null);
    return this.db.repo(ctx, SupplierProfile).findOneBy({ organizationId: supplierId });
  }

  async get(ctx: RequestContext, supplierId: string): Promise<SupplierProfile> {
    const profile = await this.find(ctx, supplierId);
    if (!profile) throw notFound('Supplier', supplierId);
    return profile;
  }

  // ── application ────────────────────────────────────────────────────────────────

  /** Self-service: creates the SUPPLIER organisation, the caller's SUPPLIER_ADMIN membership and the APPLIED profile at once. */
  apply(ctx: RequestContext, input: ApplyAsSupplierInput): Promise<SupplierView> {
    const p = ctx.requirePrincipal();
    const other = rolesBarringApplication(p.roles, input.kind);
    if (other.length) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `Apply with a separate account: holders of ${other.join(', ')} may not apply as a supplier`,
        { reason: 'HAS_OTHER_ROLES', roles: other },
      );
    }
    return this.db.transaction(ctx, async (tx) => {
      const name = input.name?.trim();
      if (!name || name.length > 200) throw badInput('Name must be 1–200 characters', { field: 'name' });
      const creditCode = input.creditCode?.trim().toUpperCase() ?? '';
      if (!isValidCreditCode(creditCode)) {
        throw new AppError(
          ErrorCode.INVALID_CREDIT_CODE,
          `${creditCode || '(empty)'} is not a valid unified social credit code (统一社会信用代码)`,
          { field: 'creditCode' },
        );
      }
      const linkageMechanism = input.linkageMechanism?.trim() ?? '';
      if (!linkageMechanism || linkageMechanism.length > 2000)
        throw badInput('Describe the linkage mechanism in 1–2000 characters', { field: 'linkageMechanism' });
      await this.regions.requireLevel(tx, input.countyCode, [RegionLevel.COUNTY], 'countyCode');
      const sourceCountyCodes = [...new Set(input.sourceCountyCodes ?? [])];
      if (sourceCountyCodes.length && input.kind !== SupplierKind.TRADING_AGENT) {
        throw badInput('Only trading agents list source counties', { field: 'sourceCountyCodes' });
      }
      if (sourceCountyCodes.length > 100) throw badInput('At most 100 source counties', { field: 'sourceCountyCodes' });
      for (const code of sourceCountyCodes)
        await this.regions.requireLevel(tx, code, [RegionLevel.COUNTY], 'sourceCountyCodes');

      const orgs = this.db.repo(tx, Organization);
      if (await orgs.existsBy({ creditCode })) throw duplicateCreditCode(creditCode);
      const org = await insertUnique(
        () =>
          orgs.save(
            orgs.create({
              kind: OrganizationKind.SUPPLIER,
              name,
              creditCode,
              regionCode: input.countyCode,
              parentId: null,
            }),
          ),
        () => duplicateCreditCode(creditCode),
      );
      await this.db
        .repo(tx, Membership)
        .insert({ userId: p.userId, organizationId: org.id, role: Role.SUPPLIER_ADMIN, regionPrefix: null });
      const profiles = this.db.repo(tx, SupplierProfile);
      const profile = await profiles.save(
        profiles.create({
          organizationId: org.id,
          kind: input.kind,
          countyCode: input.countyCode,
          linkageMechanism,
          sourceCountyCodes,
          status: SupplierStatus.APPLIED,
        }),
      );
      await this.record(tx, profile, null, SupplierStatus.APPLIED, null);
      return toView({ ...profile, organization: org }, true);
    });
  }

  // ── admission moves ────────────────────────────────────────────────────────────

  /** Applies one move of the admission table, with its history row and a notification, in one transaction. */
  transition(
    ctx: RequestContext,
    supplierId: string,
    action: AdmissionAction,
    reason?: string | null,
  ): Promise<SupplierView> {
    const p = ctx.requirePrincipal();
    if (!p.hasRole(...rolesFor(action))) throw forbidden(`${action} requires one of: ${rolesFor(action).join(', ')}`);
    return this.db.transaction(ctx, async (tx) => {
      const profile = await this.db
        .repo(tx, SupplierProfile)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.organization_id = :id', {
          id: isUuid(supplierId) ? supplierId : '00000000-0000-0000-0000-000000000000',
        })
        .getOne();
      if (!profile) throw notFound('Supplier', supplierId);
      const allowed = ADMISSION_TRANSITIONS.filter((x) => x.action === action).map((x) => x.from);
      const move = ADMISSION_MACHINE.assert(profile.status, (x) => x.action === action, {
        message: `Cannot ${action.toLowerCase()} a supplier that is ${profile.status} (only from ${allowed.join(' or ')})`,
        details: { action },
      });
      if (!p.hasRole(...move.roles))
        throw forbidden(`Moving a ${move.from} supplier to ${move.to} requires one of: ${move.roles.join(', ')}`);
      if (
        move.coordinatorScoped &&
        !p.hasRole(Role.PLATFORM_ADMIN) &&
        !covers(p.regionPrefixes(Role.COORDINATOR), profile.countyCode)
      ) {
        throw forbidden(`Supplier ${supplierId} is registered in ${profile.countyCode}, outside your region`);
      }
      const why = reason?.trim() || null;
      if (move.reasonRequired && !why)
        throw badInput(`A reason is required to move a supplier to ${move.to}`, { field: 'reason' });
      if (why && why.length > 2000) throw badInput('The reason is limited to 2000 characters', { field: 'reason' });
      if (move.requiresEligibility) await this.assertEligible(tx, profile);

      const from = profile.status;
      profile.status = move.to;
      await this.db.repo(tx, SupplierProfile).update({ organizationId: profile.organizationId }, { status: move.to });
      // For the audit event (libs/audit): the supplier's county's auditors see its admission decisions.
      tx.audit?.note({
        entityType: 'Supplier',
        entityId: profile.organizationId,
        regionCode: profile.countyCode,
        before: { status: from },
        after: { status: move.to, reason: why },
      });
      await this.record(tx, profile, from, move.to, why);
      const org = await this.db.repo(tx, Organization).findOneByOrFail({ id: profile.organizationId });
      return toView({ ...profile, updatedAt: new Date(), organization: org }, true);
    });
  }

  /**
   * Only suppliers of ex-poverty counties (脱贫县) may be recommended or approved; a trading agent
   * may be registered anywhere but every county it sources from must be one.
   */
  async assertEligible(ctx: RequestContext, profile: SupplierProfile): Promise<void> {
    if (profile.kind === SupplierKind.TRADING_AGENT) {
      if (profile.sourceCountyCodes.length === 0) {
        throw notEligible('A trading agent must list at least one source county', profile);
      }
      const counties = await this.countyFlags(ctx, profile.sourceCountyCodes);
      const bad = profile.sourceCountyCodes.filter((code) => !counties.get(code)?.exPovertyCounty);
      if (bad.length) {
        const names = bad.map((code) => `${counties.get(code)?.name ?? '?'} (${code})`).join(', ');
        throw notEligible(`Source counties ${names} are not ex-poverty counties (脱贫县)`, profile, bad);
      }
      return;
    }
    const county = (await this.countyFlags(ctx, [profile.countyCode])).get(profile.countyCode);
    if (!county?.exPovertyCounty) {
      throw notEligible(
        `The registered county ${county?.name ?? ''} (${profile.countyCode}) is not an ex-poverty county (脱贫县)`,
        profile,
        [profile.countyCode],
      );
    }
  }

  // ── reads ──────────────────────────────────────────────────────────────────────

  /** Suppliers in the caller's scope, filtered in SQL: platform admin all, coordinators/auditors their prefixes, staff their own. */
  async list(ctx: RequestContext, filter: SupplierFilter = {}, first = 100): Promise<SupplierView[]> {
    const p = ctx.requirePrincipal();
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST)
      throw badInput(`first must be between 1 and ${MAX_LIST}`, { field: 'first' });
    const qb = this.db
      .repo(ctx, SupplierProfile)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.organization', 'o')
      .orderBy('s.applied_at', 'DESC')
      .addOrderBy('s.organization_id', 'ASC')
      .limit(first);
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const own = staffSupplierIds(p);
      const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
      if (!own.length && !prefixes.length) return [];
      const parts = [];
      if (own.length) parts.push('s.organization_id = ANY(:own::uuid[])');
      if (prefixes.length) parts.push('s.county_code LIKE ANY(:prefixes)');
      qb.andWhere(`(${parts.join(' OR ')})`, { own, prefixes: likeAny(prefixes) });
    }
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.regionCode)
      qb.andWhere('s.county_code LIKE :region', { region: `${normalizePrefix(filter.regionCode)}%` });
    return (await qb.getMany()).map((s) => toView(s, true));
  }

  /** One supplier: anyone sees an APPROVED one; others only within the caller's scope. Null when not visible. */
  async view(ctx: RequestContext, supplierId: string): Promise<SupplierView | null> {
    if (!isUuid(supplierId)) return null;
    const profile = await this.db
      .repo(ctx, SupplierProfile)
      .findOne({ where: { organizationId: supplierId }, relations: { organization: true } });
    if (!profile) return null;
    const privileged = this.isPrivileged(ctx.principal, profile);
    if (!privileged && profile.status !== SupplierStatus.APPROVED) return null;
    return toView(profile, privileged);
  }

  /** Views of several suppliers by id (no scope check; for other domains' field resolvers). */
  async viewsByIds(ctx: RequestContext, ids: string[]): Promise<SupplierView[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .repo(ctx, SupplierProfile)
      .find({ where: { organizationId: In(ids) }, relations: { organization: true } });
    return rows.map((s) => toView(s, this.isPrivileged(ctx.principal, s)));
  }

  async history(ctx: RequestContext, supplierId: string): Promise<SupplierHistoryEntry[]> {
    const rows: Array<{
      from_status: SupplierStatus | null;
      to_status: SupplierStatus;
      reason: string | null;
      actor_user_id: string | null;
      created_at: Date;
    }> = await this.db.manager(ctx).query(
      `SELECT e.from_status, e.to_status, e.reason, e.actor_user_id, e.created_at
           FROM supplier_admission_event e
          WHERE e.supplier_id = $1 ORDER BY e.created_at, e.id`,
      [supplierId],
    );
    // Actors' names from identity, one query for the whole history.
    const names = await this.users.displayNames(
      ctx,
      rows.map((r) => r.actor_user_id),
    );
    return rows.map((r) => ({
      fromStatus: r.from_status,
      toStatus: r.to_status,
      reason: r.reason,
      actorName: (r.actor_user_id && names.get(r.actor_user_id)) || null,
      createdAt: r.created_at,
    }));
  }

  /** Staff of the supplier, platform admins, and coordinators/auditors whose prefix covers its county. */
  isPrivileged(p: Principal | null, profile: Pick<SupplierProfile, 'organizationId' | 'countyCode'>): boolean {
    if (!p) return false;
    return (
      p.hasRole(Role.PLATFORM_ADMIN) ||
      isStaffOf(p, profile.organizationId) ||
      covers(p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR), profile.countyCode)
    );
  }

  private async countyFlags(ctx: RequestContext, codes: string[]): Promise<Map<string, Region>> {
    const rows = await Promise.all(codes.map((code) => this.regions.find(ctx, code)));
    return new Map(rows.filter((r): r is Region => r !== null).map((r) => [r.code, r]));
  }

  private async record(
    ctx: RequestContext,
    profile: SupplierProfile,
    from: SupplierStatus | null,
    to: SupplierStatus,
    reason: string | null,
  ): Promise<void> {
    await this.db
      .repo(ctx, SupplierAdmissionEvent)
      .insert({ supplierId: profile.organizationId, fromStatus: from, toStatus: to, actorUserId: ctx.userId, reason });
    const notice = ADMISSION_NOTICE[to];
    await this.notifications.notifyOrganization(ctx, profile.organizationId, {
      kind: notice.kind,
      title: notice.title,
      body: reason ?? '',
      data: { supplierId: profile.organizationId, fromStatus: from, toStatus: to },
    });
  }
}

function isStaffOf(p: Principal, supplierId: string): boolean {
  return staffSupplierIds(p).includes(supplierId);
}

function duplicateCreditCode(creditCode: string): AppError {
  return new AppError(
    ErrorCode.DUPLICATE_CREDIT_CODE,
    `An organisation with credit code ${creditCode} already exists`,
    {
      field: 'creditCode',
    },
  );
}

function notEligible(reason: string, profile: SupplierProfile, countyCodes: string[] = []): AppError {
  return new AppError(SupplierErrorCode.SUPPLIER_NOT_ELIGIBLE, `Not eligible for admission: ${reason}`, {
    reason,
    supplierId: profile.organizationId,
    countyCodes,
  });
}

export function toView(s: SupplierProfile & { organization?: Organization }, privileged: boolean): SupplierView {
  const view = new SupplierView();
  Object.assign(view, {
    id: s.organizationId,
    name: s.organization?.name ?? '',
    creditCode: s.organization?.creditCode ?? null,
    kind: s.kind,
    status: s.status,
    countyCode: s.countyCode,
    linkageMechanism: s.linkageMechanism,
    sourceCountyCodes: s.sourceCountyCodes ?? [],
    appliedAt: s.appliedAt,
    updatedAt: s.updatedAt,
    privileged,
  });
  return view;
}
