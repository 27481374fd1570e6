import { SupplierErrorCode } from './supplier.errors';
import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AppError,
  badInput,
  type Connection,
  Db,
  forbidden,
  isUuid,
  lockRow,
  newestFirstPage,
  type PageArgs,
  type Principal,
  type RequestContext,
  Role,
  uniqueViolation,
} from '@bangfu/core';
import { Membership, Organization, UserService } from '@bangfu/identity';
import { normalizePrefix, RegionLevel, RegionService } from '@bangfu/region';
import { type SelectQueryBuilder } from 'typeorm';
import { maskName, normalizeIdNumber } from './masking';
import { covers, likeAny, SQL_TODAY, staffSupplierIds } from './scope';
import { Household } from './supplier.entities';
import { type CreateHouseholdInput, type HouseholdFilter } from './supplier.types';

export interface HouseholdLoginInput {
  phone?: string | null;
  email?: string | null;
  password: string;
}

/** 农户: registration, FARMER logins, scoped listing and per-caller name masking. */
@Injectable()
export class HouseholdService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ── for other domains ──────────────────────────────────────────────────────────

  /** Every household must have a linkage to the supplier valid today (Asia/Shanghai), else HOUSEHOLD_NOT_LINKED. */
  async assertLinked(ctx: RequestContext, supplierId: string, householdIds: string[]): Promise<void> {
    const wanted = [...new Set(householdIds)];
    if (wanted.length === 0) return;
    const bad = wanted.filter((id) => !isUuid(id));
    const rows: Array<{ household_id: string }> = bad.length
      ? []
      : await this.db.manager(ctx).query(
          `SELECT DISTINCT household_id FROM linkage
            WHERE supplier_id = $1 AND household_id = ANY($2::uuid[])
              AND valid_from <= ${SQL_TODAY} AND (valid_to IS NULL OR valid_to >= ${SQL_TODAY})`,
          [supplierId, wanted],
        );
    const linked = new Set(rows.map((r) => r.household_id));
    const missing = wanted.filter((id) => !linked.has(id));
    if (missing.length) {
      throw new AppError(
        SupplierErrorCode.HOUSEHOLD_NOT_LINKED,
        `${missing.length} household(s) have no current linkage (利益联结) with this supplier`,
        { householdIds: missing },
      );
    }
  }

  /** Households with a linkage to the supplier valid today. */
  async linkedHouseholdCount(ctx: RequestContext, supplierId: string): Promise<number> {
    if (!isUuid(supplierId)) return 0;
    const [row]: Array<{ n: string }> = await this.db.manager(ctx).query(
      `SELECT count(DISTINCT household_id) AS n FROM linkage
        WHERE supplier_id = $1 AND household_id IS NOT NULL
          AND valid_from <= ${SQL_TODAY} AND (valid_to IS NULL OR valid_to >= ${SQL_TODAY})`,
      [supplierId],
    );
    return Number(row.n);
  }

  /** Households with a linkage valid today to any of the suppliers (for other domains' scoped lists). */
  async linkedHouseholdIds(ctx: RequestContext, supplierIds: string[]): Promise<string[]> {
    const ids = supplierIds.filter((id) => isUuid(id));
    if (!ids.length) return [];
    const rows: Array<{ household_id: string }> = await this.db.manager(ctx).query(
      `SELECT DISTINCT household_id FROM linkage
        WHERE supplier_id = ANY($1::uuid[]) AND household_id IS NOT NULL
          AND valid_from <= ${SQL_TODAY} AND (valid_to IS NULL OR valid_to >= ${SQL_TODAY})`,
      [ids],
    );
    return rows.map((r) => r.household_id);
  }

  /** Suppliers with a linkage valid today to the household (whom its produce offers are shown to). */
  async linkedSupplierIds(ctx: RequestContext, householdId: string): Promise<string[]> {
    if (!isUuid(householdId)) return [];
    const rows: Array<{ supplier_id: string }> = await this.db.manager(ctx).query(
      `SELECT DISTINCT supplier_id FROM linkage
        WHERE household_id = $1 AND valid_from <= ${SQL_TODAY} AND (valid_to IS NULL OR valid_to >= ${SQL_TODAY})`,
      [householdId],
    );
    return rows.map((r) => r.supplier_id);
  }

  // ── writes ─────────────────────────────────────────────────────────────────────

  /** Registered by a supplier's staff (for that supplier) or by a coordinator whose prefix covers the village. */
  create(ctx: RequestContext, input: CreateHouseholdInput): Promise<Household> {
    const p = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      await this.regions.requireLevel(tx, input.villageCode, [RegionLevel.VILLAGE], 'villageCode');
      const createdByOrgId = await this.creatingOrg(tx, p, input);
      const headName = input.headName?.trim();
      if (!headName || Array.from(headName).length > 50)
        throw badInput('The head of household name must be 1–50 characters', { field: 'headName' });
      if (!Number.isInteger(input.size) || input.size < 1 || input.size > 30)
        throw badInput('Household size must be 1–30', { field: 'size' });
      let idNumberHmac: string | null = null;
      if (input.idNumber != null && input.idNumber.trim() !== '') {
        const id = normalizeIdNumber(input.idNumber);
        if (!id)
          throw new AppError(
            SupplierErrorCode.INVALID_ID_NUMBER,
            'The ID-card number is not a valid 18-character resident ID',
            {
              field: 'idNumber',
            },
          );
        idNumberHmac = this.idHmac(id);
        if (await this.db.repo(tx, Household).existsBy({ idNumberHmac })) throw duplicateHousehold();
      }
      const repo = this.db.repo(tx, Household);
      try {
        const saved = await repo.save(
          repo.create({
            villageCode: input.villageCode,
            headName,
            size: input.size,
            status: input.status,
            idNumberHmac,
            createdByUserId: p.userId,
            createdByOrgId,
          }),
        );
        return (await this.present(tx, [saved]))[0];
      } catch (e) {
        if (uniqueViolation(e)) throw duplicateHousehold();
        throw e;
      }
    });
  }

  /** A FARMER account for the household, member of the supplier that registered (or is linked to) it. */
  createLogin(ctx: RequestContext, householdId: string, input: HouseholdLoginInput): Promise<Household> {
    const p = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const household = await this.lockedHousehold(tx, householdId);
      const mine = staffSupplierIds(p);
      let supplierOrgId: string | null =
        household.createdByOrgId && mine.includes(household.createdByOrgId) ? household.createdByOrgId : null;
      if (!supplierOrgId && mine.length) {
        const [linked]: Array<{ supplier_id: string }> = await this.db
          .manager(tx)
          .query(
            `SELECT supplier_id FROM linkage WHERE household_id = $1 AND supplier_id = ANY($2::uuid[]) ORDER BY created_at LIMIT 1`,
            [household.id, mine],
          );
        supplierOrgId = linked?.supplier_id ?? null;
      }
      if (!supplierOrgId)
        throw forbidden('Only the supplier that registered or is linked to this household may create its login');
      if (household.userId)
        throw new AppError(SupplierErrorCode.HOUSEHOLD_HAS_LOGIN, 'This household already has a login', {
          field: 'householdId',
        });
      const user = await this.users.createAccount(tx, {
        email: input.email,
        phone: input.phone,
        password: input.password,
        displayName: household.headName,
      });
      await this.db
        .repo(tx, Membership)
        .insert({ userId: user.id, organizationId: supplierOrgId, role: Role.FARMER, regionPrefix: null });
      await this.db.repo(tx, Household).update({ id: household.id }, { userId: user.id });
      return (await this.present(tx, [{ ...household, userId: user.id }]))[0];
    });
  }

  // ── reads ──────────────────────────────────────────────────────────────────────

  /** The FARMER's own household (full name), or null. */
  async mine(ctx: RequestContext): Promise<Household | null> {
    const p = ctx.requirePrincipal();
    const h = await this.db.repo(ctx, Household).findOneBy({ userId: p.userId });
    return h ? (await this.present(ctx, [h]))[0] : null;
  }

  /** One household if the caller's scope includes it (else null), masked per caller. */
  async find(ctx: RequestContext, id: string): Promise<Household | null> {
    const p = ctx.requirePrincipal();
    if (!isUuid(id)) return null;
    const qb = this.db.repo(ctx, Household).createQueryBuilder('h').where('h.id = :id', { id });
    this.scope(qb, p);
    const h = await qb.getOne();
    return h ? (await this.present(ctx, [h]))[0] : null;
  }

  /** Households in the caller's scope, filtered in SQL, newest first, as a Relay connection. */
  async list(
    ctx: RequestContext,
    filter: HouseholdFilter = {},
    { first, after }: PageArgs,
  ): Promise<Connection<Household>> {
    const p = ctx.requirePrincipal();
    const qb = this.db.repo(ctx, Household).createQueryBuilder('h');
    this.scope(qb, p);
    if (filter.villageCode) qb.andWhere('h.village_code = :village', { village: filter.villageCode });
    if (filter.regionCode)
      qb.andWhere('h.village_code LIKE :region', { region: `${normalizePrefix(filter.regionCode)}%` });
    if (filter.status) qb.andWhere('h.status = :status', { status: filter.status });
    if (filter.supplierId) {
      if (!isUuid(filter.supplierId)) throw badInput('supplierId is not an id', { field: 'supplierId' });
      qb.andWhere(
        '(h.created_by_org_id = :fSupplier OR EXISTS (SELECT 1 FROM linkage fl WHERE fl.household_id = h.id AND fl.supplier_id = :fSupplier))',
        {
          fSupplier: filter.supplierId,
        },
      );
    }
    return newestFirstPage(qb, { first, after }, (rows) => this.present(ctx, rows));
  }

  /** Households by id with the caller's masking applied and no scope filter (for other domains' field resolvers). */
  async byIds(ctx: RequestContext, ids: string[]): Promise<Household[]> {
    const wanted = ids.filter((id) => isUuid(id));
    if (!wanted.length) return [];
    const rows = await this.db
      .repo(ctx, Household)
      .createQueryBuilder('h')
      .where('h.id = ANY(:ids::uuid[])', { ids: wanted })
      .getMany();
    return this.present(ctx, rows);
  }

  // ── helpers ────────────────────────────────────────────────────────────────────

  /** Adds the caller's scope to a query on alias h (its own household, its suppliers' households, its region). */
  private scope(qb: SelectQueryBuilder<Household>, p: Principal): void {
    if (p.hasRole(Role.PLATFORM_ADMIN)) return;
    const own = staffSupplierIds(p);
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    const parts = ['h.user_id = :hUser'];
    if (own.length)
      parts.push(
        'h.created_by_org_id = ANY(:hOwn::uuid[])',
        'EXISTS (SELECT 1 FROM linkage sl WHERE sl.household_id = h.id AND sl.supplier_id = ANY(:hOwn::uuid[]))',
      );
    if (prefixes.length) parts.push('h.village_code LIKE ANY(:hPrefixes)');
    qb.andWhere(`(${parts.join(' OR ')})`, { hUser: p.userId, hOwn: own, hPrefixes: likeAny(prefixes) });
  }

  /**
   * Decides per household whether the caller sees the head's name: the household itself, the
   * supplier that registered it, any supplier linked to it, and auditors whose prefix covers the
   * village. Everyone else (platform admins and coordinators included) sees it masked.
   */
  private async present(ctx: RequestContext, rows: Household[]): Promise<Household[]> {
    const p = ctx.principal;
    const own = p ? staffSupplierIds(p) : [];
    const auditorPrefixes = p ? p.regionPrefixes(Role.AUDITOR) : [];
    const linked = new Set<string>();
    if (own.length && rows.length) {
      const found: Array<{ household_id: string }> = await this.db
        .manager(ctx)
        .query(
          `SELECT DISTINCT household_id FROM linkage WHERE household_id = ANY($1::uuid[]) AND supplier_id = ANY($2::uuid[])`,
          [rows.map((h) => h.id), own],
        );
      for (const r of found) linked.add(r.household_id);
    }
    return rows.map((h) => {
      const visible =
        !!p &&
        (h.userId === p.userId ||
          (h.createdByOrgId !== null && own.includes(h.createdByOrgId)) ||
          linked.has(h.id) ||
          covers(auditorPrefixes, h.villageCode));
      const out = Object.assign(new Household(), h);
      out.nameMasked = !visible;
      if (!visible) out.headName = maskName(h.headName);
      return out;
    });
  }

  private async creatingOrg(ctx: RequestContext, p: Principal, input: CreateHouseholdInput): Promise<string> {
    const own = staffSupplierIds(p);
    if (input.supplierId) {
      if (!own.includes(input.supplierId)) throw forbidden('You do not work for this supplier');
      return input.supplierId;
    }
    if (own.length === 1) return own[0];
    if (own.length > 1)
      throw badInput('You work for several suppliers: say which one registers the household', { field: 'supplierId' });
    const office = p.memberships.find(
      (m) => m.role === Role.COORDINATOR && m.regionPrefix !== null && input.villageCode.startsWith(m.regionPrefix),
    );
    if (office) {
      const org = await this.db.repo(ctx, Organization).findOneBy({ id: office.organizationId });
      if (org) return org.id;
    }
    if (p.hasRole(Role.COORDINATOR)) throw forbidden(`Village ${input.villageCode} lies outside your region`);
    throw forbidden('Only a supplier or the coordinator of the region may register households');
  }

  private async lockedHousehold(ctx: RequestContext, id: string): Promise<Household> {
    return lockRow(this.db, ctx, Household, id, 'Household');
  }

  private idHmac(idNumber: string): string {
    return householdIdHmac(this.config.JWT_SECRET, idNumber);
  }
}

/** Keyed with the server secret so the stored value cannot be reversed by enumerating ID numbers. */
export function householdIdHmac(secret: string, idNumber: string): string {
  return createHmac('sha256', secret).update(idNumber).digest('hex');
}

function duplicateHousehold(): AppError {
  return new AppError(
    SupplierErrorCode.DUPLICATE_HOUSEHOLD,
    'A household with this ID-card number is already registered',
    {
      field: 'idNumber',
    },
  );
}
