import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  AppError,
  badInput,
  Db,
  forbidden,
  notFound,
  type RequestContext,
  Role,
  uniqueViolation,
} from '@bangfu/core';
import type { EntityTarget, FindOptionsWhere } from 'typeorm';
import { padCode, RegionLevel, RegionService } from '@bangfu/region';
import { assertKnownId, UnitAccess } from './access';
import { checkYear, isIsoDate, shanghaiDate } from './dates';
import { ruleJurisdiction } from './jurisdiction';
import {
  ExemptionStatus,
  JurisdictionMinimum,
  JurisdictionStaffPurchases,
  ReservedShareDeadline,
  ReservedShareExemption,
} from './procurement.entities';
import type { ExemptionFilter, RequestExemptionInput } from './procurement.types';

// The jurisdiction rules' upserts, ($1 prefix, $2 value, $3 user), run by saveRule.
const UPSERT_MINIMUM = `INSERT INTO jurisdiction_minimum (region_prefix, ratio_bps, set_by_user_id) VALUES ($1, $2, $3)
  ON CONFLICT (region_prefix) DO UPDATE SET ratio_bps = EXCLUDED.ratio_bps, set_by_user_id = EXCLUDED.set_by_user_id, updated_at = now()`;
const UPSERT_STAFF_PURCHASES = `INSERT INTO jurisdiction_staff_purchases (region_prefix, staff_purchases_count, set_by_user_id) VALUES ($1, $2, $3)
  ON CONFLICT (region_prefix) DO UPDATE SET staff_purchases_count = EXCLUDED.staff_purchases_count, set_by_user_id = EXCLUDED.set_by_user_id, updated_at = now()`;

/** The national minimum (10%) where no province or city has set its own. */
export const DEFAULT_MINIMUM_BPS = 1000;

export function checkRatio(value: unknown, field = 'ratioBps'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10_000) {
    throw new AppError(
      ProcurementErrorCode.INVALID_RATIO,
      `${field} must be a whole number of basis points between 0 and 10000 (1000 = 10%)`,
      { field },
    );
  }
  return value;
}

const text = (value: string | null | undefined, field: string, max: number): string => {
  const v = value?.trim() ?? '';
  if (!v) throw badInput(`${field} is required`, { field });
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v;
};

/**
 * The rules a filing is checked against: the minimum ratio per jurisdiction (most specific region
 * prefix of the unit wins), the filing deadline per year, and exemptions granted by the
 * coordinator of the unit's region.
 */
@Injectable()
export class ShareRulesService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly access: UnitAccess,
  ) {}

  /** The minimum for a unit's region code: the longest matching prefix, else the national default. */
  minimumFor(ctx: RequestContext, regionCode: string | null): Promise<number> {
    return this.ruleFor(ctx, 'jurisdiction_minimum', 'ratio_bps', regionCode, DEFAULT_MINIMUM_BPS);
  }

  /** A jurisdiction rule's value for a region code: the longest matching prefix decides, else `fallback`. */
  private async ruleFor<T>(
    ctx: RequestContext,
    table: 'jurisdiction_minimum' | 'jurisdiction_staff_purchases',
    column: string,
    regionCode: string | null,
    fallback: T,
  ): Promise<T> {
    if (!regionCode) return fallback;
    const [row]: Array<{ value: T | null }> = await this.db
      .manager(ctx)
      .query(
        `SELECT ${column} AS value FROM ${table} WHERE $1 LIKE region_prefix || '%' ORDER BY length(region_prefix) DESC LIMIT 1`,
        [regionCode],
      );
    return row?.value ?? fallback;
  }

  /** PLATFORM_ADMIN: the minimum of a province (2-digit prefix) or city (4-digit prefix). */
  async setMinimum(ctx: RequestContext, regionCode: string, ratioBps: number): Promise<JurisdictionMinimum> {
    const prefix = ruleJurisdiction(ctx, regionCode, 'jurisdiction minimums');
    checkRatio(ratioBps);
    return this.saveRule(ctx, JurisdictionMinimum, prefix, UPSERT_MINIMUM, ratioBps);
  }

  /**
   * Whether staff purchases with their own money count toward a unit's completion where it sits: the
   * longest matching prefix decides, else they do not (they are retail; the unit did not pay).
   */
  staffPurchasesCountFor(ctx: RequestContext, regionCode: string | null): Promise<boolean> {
    return this.ruleFor(ctx, 'jurisdiction_staff_purchases', 'staff_purchases_count', regionCode, false);
  }

  /** PLATFORM_ADMIN: whether staff purchases count in a province (2-digit prefix) or city (4-digit prefix). */
  async setStaffPurchasesCount(
    ctx: RequestContext,
    regionCode: string,
    count: boolean,
  ): Promise<JurisdictionStaffPurchases> {
    const prefix = ruleJurisdiction(ctx, regionCode, 'jurisdiction rules');
    if (typeof count !== 'boolean')
      throw badInput('staffPurchasesCount must be true or false', { field: 'staffPurchasesCount' });
    return this.saveRule(ctx, JurisdictionStaffPurchases, prefix, UPSERT_STAFF_PURCHASES, count);
  }

  /** Upserts one jurisdiction rule `($1 prefix, $2 value, $3 user)` of a known province or city and reads it back. */
  private saveRule<E extends JurisdictionMinimum | JurisdictionStaffPurchases>(
    ctx: RequestContext,
    entity: EntityTarget<E>,
    prefix: string,
    upsert: string,
    value: number | boolean,
  ): Promise<E> {
    return this.db.transaction(ctx, async (tx) => {
      await this.regions.requireLevel(tx, padCode(prefix), [RegionLevel.PROVINCE, RegionLevel.CITY]);
      await this.db.manager(tx).query(upsert, [prefix, value, tx.requirePrincipal().userId]);
      return this.db.repo(tx, entity).findOneByOrFail({ regionPrefix: prefix } as FindOptionsWhere<E>);
    });
  }

  listStaffPurchaseRules(ctx: RequestContext): Promise<JurisdictionStaffPurchases[]> {
    return this.db.repo(ctx, JurisdictionStaffPurchases).find({ order: { regionPrefix: 'ASC' } });
  }

  listMinimums(ctx: RequestContext): Promise<JurisdictionMinimum[]> {
    return this.db.repo(ctx, JurisdictionMinimum).find({ order: { regionPrefix: 'ASC' } });
  }

  /** The filing deadline of a year: configured, else March 31 of that year (Asia/Shanghai, inclusive). */
  async deadlineFor(ctx: RequestContext, year: number): Promise<string> {
    const row = await this.db.repo(ctx, ReservedShareDeadline).findOneBy({ year });
    return row?.deadline ?? `${year}-03-31`;
  }

  /** Late when today in Asia/Shanghai is after the deadline day. */
  isLate(deadline: string, now = new Date()): boolean {
    return shanghaiDate(now) > deadline;
  }

  async setDeadline(ctx: RequestContext, year: number, deadline: string): Promise<string> {
    const p = ctx.requirePrincipal();
    if (!p.hasRole(Role.PLATFORM_ADMIN)) throw forbidden('Only platform admins set filing deadlines');
    checkYear(year);
    if (!isIsoDate(deadline))
      throw new AppError(ErrorCode.INVALID_DATE, 'deadline must be a date like 2027-03-31', { field: 'deadline' });
    await this.db.manager(ctx).query(
      `INSERT INTO reserved_share_deadline (year, deadline, set_by_user_id) VALUES ($1, $2, $3)
         ON CONFLICT (year) DO UPDATE SET deadline = EXCLUDED.deadline, set_by_user_id = EXCLUDED.set_by_user_id, updated_at = now()`,
      [year, deadline, p.userId],
    );
    return deadline;
  }

  /** The approved exemption allowing this ratio for the unit and year, if any. */
  async exemptionAllowing(
    ctx: RequestContext,
    orgId: string,
    year: number,
    ratioBps: number,
  ): Promise<ReservedShareExemption | null> {
    const rows = await this.db
      .repo(ctx, ReservedShareExemption)
      .createQueryBuilder('e')
      .where('e.org_id = :orgId AND e.year = :year AND e.status = :status AND e.ratio_bps <= :ratio', {
        orgId,
        year,
        status: ExemptionStatus.APPROVED,
        ratio: ratioBps,
      })
      .getMany();
    return rows[0] ?? null;
  }

  /** AGENCY_ADMIN: ask the coordinator of the unit's region to allow a ratio below the minimum. */
  async requestExemption(ctx: RequestContext, input: RequestExemptionInput): Promise<ReservedShareExemption> {
    const p = ctx.requirePrincipal();
    checkYear(input.year);
    checkRatio(input.ratioBps);
    const reason = text(input.reason, 'reason', 2000);
    return this.db.transaction(ctx, async (tx) => {
      const unit = await this.access.requireAdmin(tx, input.orgId);
      if (!unit.regionCode)
        throw new AppError(
          ProcurementErrorCode.NO_JURISDICTION,
          'The unit has no region code, so no coordinator can decide an exemption',
          { field: 'orgId' },
        );
      const minimumBps = await this.minimumFor(tx, unit.regionCode);
      if (input.ratioBps >= minimumBps) {
        throw new AppError(
          ProcurementErrorCode.EXEMPTION_NOT_NEEDED,
          `${input.ratioBps} bps is not below the minimum of ${minimumBps} bps`,
          { field: 'ratioBps', minimumBps },
        );
      }
      const repo = this.db.repo(tx, ReservedShareExemption);
      try {
        return await repo.save(
          repo.create({
            orgId: unit.id,
            year: input.year,
            ratioBps: input.ratioBps,
            minimumBps,
            reason,
            requestedByUserId: p.userId,
          }),
        );
      } catch (e) {
        if (uniqueViolation(e, 'reserved_share_exemption_live_idx')) {
          throw new AppError(
            ProcurementErrorCode.EXEMPTION_EXISTS,
            'An exemption for this unit and year is already pending or approved',
            {
              field: 'orgId',
            },
          );
        }
        throw e;
      }
    });
  }

  /** COORDINATOR of the unit's region: approve or reject a pending exemption. */
  async decideExemption(
    ctx: RequestContext,
    id: string,
    approve: boolean,
    comment: string | null,
  ): Promise<ReservedShareExemption> {
    const p = ctx.requirePrincipal();
    assertKnownId(id, 'Exemption');
    const why = approve ? comment?.trim() || null : text(comment, 'reason', 2000);
    return this.db.transaction(ctx, async (tx) => {
      const ex = await this.db
        .repo(tx, ReservedShareExemption)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ex) throw notFound('Exemption', id);
      const unit = await this.access.unit(tx, ex.orgId);
      if (!this.access.coversRegion(p, unit.regionCode))
        throw forbidden('Only a coordinator of the unit’s region decides its exemption');
      if (ex.status !== ExemptionStatus.PENDING)
        throw new AppError(ProcurementErrorCode.EXEMPTION_NOT_PENDING, `The exemption is already ${ex.status}`, {
          status: ex.status,
        });
      const changes = {
        status: approve ? ExemptionStatus.APPROVED : ExemptionStatus.REJECTED,
        decidedByUserId: p.userId,
        decisionComment: why,
        decidedAt: new Date(),
      };
      await this.db.repo(tx, ReservedShareExemption).update({ id }, changes);
      return Object.assign(ex, changes);
    });
  }

  /** Exemptions in scope: coordinators/auditors their region, admins their subtree, platform all (SQL-filtered). */
  async listExemptions(ctx: RequestContext, filter: ExemptionFilter): Promise<ReservedShareExemption[]> {
    const qb = this.db
      .repo(ctx, ReservedShareExemption)
      .createQueryBuilder('e')
      .innerJoin('organization_directory', 'o', 'o.id = e.org_id')
      .orderBy('e.created_at', 'DESC')
      .limit(500);
    const scope = await this.access.readScope(ctx, 'o');
    if (scope) qb.andWhere(scope.where, scope.params);
    if (filter.orgId) {
      assertKnownId(filter.orgId, 'Organization');
      qb.andWhere('e.org_id = :orgId', { orgId: filter.orgId });
    }
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    return qb.getMany();
  }
}
