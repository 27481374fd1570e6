import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { AppError, badInput, Db, notFound, type RequestContext, Role, uniqueViolation } from '@bangfu/core';
import { Organization, UserService } from '@bangfu/identity';
import { In } from 'typeorm';
import { assertKnownId, UnitAccess } from './access';
import { checkYear } from './dates';
import {
  CanteenMode,
  ReservedShareAmendment,
  ReservedShareCoverage,
  ReservedShareFiling,
} from './procurement.entities';
import type { AmendReservedShareInput, CatererAccountInput, FileReservedShareInput } from './procurement.types';
import { checkRatio, ShareRulesService } from './share-rules.service';

/** budget × ratio / 10000, rounded half up to the fen, in exact integer arithmetic. */
export function reservedAmountOf(budget: number, ratioBps: number): number {
  return Number((BigInt(budget) * BigInt(ratioBps) + 5000n) / 10000n);
}

/**
 * ¥10 billion: far above any budget unit's yearly canteen food budget. A larger figure is a typo (yuan typed as fen,
 * extra zeros) that would file an unreachable reserved amount and show 0 % completion all year.
 */
export const MAX_CANTEEN_BUDGET = 1_000_000_000_000;

export function checkBudget(value: unknown, field = 'canteenBudget'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_CANTEEN_BUDGET) {
    throw new AppError(
      ProcurementErrorCode.INVALID_BUDGET,
      `${field} must be a whole number of fen from 0 to ${MAX_CANTEEN_BUDGET}`,
      { field, max: MAX_CANTEEN_BUDGET },
    );
  }
  return value;
}

const optionalText = (value: string | null | undefined, field: string, max: number): string | null => {
  const v = value?.trim() ?? '';
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v || null;
};

/** What a version of a filing says; kept before and after each amendment. */
interface FilingSnapshot {
  canteenMode: CanteenMode;
  canteenBudget: number;
  ratioBps: number;
  minimumBps: number;
  reservedAmount: number;
  exemptionId: string | null;
  catererName: string | null;
  catererUserId: string | null;
  coveredOrgIds: string[];
  note: string | null;
  decreaseReason: string | null;
}

interface Draft {
  canteenMode: CanteenMode;
  canteenBudget: number;
  ratioBps: number;
  coveredOrgIds: string[];
  catererName: string | null;
  note: string | null;
}

/** What a filing says once its draft is checked, filed or amended alike (the caterer's account is set apart). */
function draftColumns(
  draft: Draft,
  checked: { minimumBps: number; exemptionId: string | null; decreaseReason: string | null },
): Omit<FilingSnapshot, 'coveredOrgIds' | 'catererUserId'> {
  return {
    canteenMode: draft.canteenMode,
    canteenBudget: draft.canteenBudget,
    ratioBps: draft.ratioBps,
    minimumBps: checked.minimumBps,
    reservedAmount: reservedAmountOf(draft.canteenBudget, draft.ratioBps),
    exemptionId: checked.exemptionId,
    catererName: draft.catererName,
    note: draft.note,
    decreaseReason: checked.decreaseReason,
  };
}

/**
 * 预留份额申报: one filing per unit and year (a second is ALREADY_FILED: amend instead), checked
 * against the jurisdiction minimum (or an approved exemption), late filings accepted and flagged,
 * every version kept in reserved_share_amendment.
 */
@Injectable()
export class FilingService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly rules: ShareRulesService,
    private readonly users: UserService,
  ) {}

  async file(ctx: RequestContext, input: FileReservedShareInput): Promise<ReservedShareFiling> {
    const p = ctx.requirePrincipal();
    const year = checkYear(input.year);
    const draft = this.draft(input.orgId, {
      canteenMode: input.canteenMode,
      canteenBudget: checkBudget(input.canteenBudget),
      ratioBps: input.canteenMode === CanteenMode.NONE ? (input.ratioBps ?? 0) : input.ratioBps,
      coveredOrgIds: input.coveredOrgIds ?? [],
      catererName: input.catererName ?? null,
      note: input.note ?? null,
    });
    return this.db.transaction(ctx, async (tx) => {
      const unit = await this.access.requireAdmin(tx, input.orgId);
      for (const id of draft.coveredOrgIds) await this.access.requireAdmin(tx, id, 'coveredOrgIds');
      const own = await this.db.repo(tx, ReservedShareFiling).findOneBy({ orgId: unit.id, year });
      if (own)
        throw new AppError(
          ProcurementErrorCode.ALREADY_FILED,
          `${unit.name} has already filed for ${year}; amend the filing instead`,
          {
            field: 'year',
            filingId: own.id,
          },
        );
      await this.assertNotCovered(tx, [unit.id], year, null, 'orgId');
      await this.assertNotCovered(tx, draft.coveredOrgIds, year, null, 'coveredOrgIds');
      const { minimumBps, exemptionId } = await this.checkMinimum(tx, unit, year, draft);
      const decreaseReason = await this.checkDecrease(
        tx,
        unit.id,
        year,
        reservedAmountOf(draft.canteenBudget, draft.ratioBps),
        optionalText(input.decreaseReason, 'decreaseReason', 2000),
      );
      const deadline = await this.rules.deadlineFor(tx, year);
      const repo = this.db.repo(tx, ReservedShareFiling);
      const filing = await this.saveNew(
        tx,
        repo.create({
          orgId: unit.id,
          year,
          ...draftColumns(draft, { minimumBps, exemptionId, decreaseReason }),
          catererUserId: null,
          deadline,
          late: this.rules.isLate(deadline),
          version: 1,
          filedByUserId: p.userId,
        }),
        unit.name,
      );
      await this.cover(tx, filing, draft.coveredOrgIds);
      await this.db.repo(tx, ReservedShareAmendment).insert({
        filingId: filing.id,
        version: 1,
        kind: 'FILED',
        actorUserId: p.userId,
        reason: null,
        before: null,
        after: this.snapshot(filing, draft.coveredOrgIds) as never,
      });
      return filing;
    });
  }

  async amend(ctx: RequestContext, input: AmendReservedShareInput): Promise<ReservedShareFiling> {
    const p = ctx.requirePrincipal();
    const year = checkYear(input.year);
    const reason = input.reason?.trim();
    if (!reason) throw badInput('reason is required: say why the filing changes', { field: 'reason' });
    if (reason.length > 2000) throw badInput('reason must be at most 2000 characters', { field: 'reason' });
    if (input.canteenBudget !== null && input.canteenBudget !== undefined) checkBudget(input.canteenBudget);
    return this.db.transaction(ctx, async (tx) => {
      const unit = await this.access.requireAdmin(tx, input.orgId);
      const filing = await this.db
        .repo(tx, ReservedShareFiling)
        .findOne({ where: { orgId: unit.id, year }, lock: { mode: 'pessimistic_write' } });
      if (!filing)
        throw new AppError(ProcurementErrorCode.NOT_FILED, `${unit.name} has not filed for ${year}; file first`, {
          field: 'year',
        });
      const coveredBefore = await this.coveredOthers(tx, filing);
      const mode = input.canteenMode ?? filing.canteenMode;
      const draft = this.draft(unit.id, {
        canteenMode: mode,
        canteenBudget: input.canteenBudget ?? filing.canteenBudget,
        ratioBps: input.ratioBps ?? (mode === CanteenMode.NONE ? 0 : filing.ratioBps),
        coveredOrgIds: input.coveredOrgIds ?? (mode === CanteenMode.SHARED ? coveredBefore : []),
        catererName:
          mode === CanteenMode.OUTSOURCED ? (input.catererName ?? filing.catererName) : (input.catererName ?? null),
        note: input.note ?? filing.note,
      });
      for (const id of draft.coveredOrgIds.filter((x) => !coveredBefore.includes(x)))
        await this.access.requireAdmin(tx, id, 'coveredOrgIds');
      await this.assertNotCovered(tx, draft.coveredOrgIds, year, filing.id, 'coveredOrgIds');
      const { minimumBps, exemptionId } = await this.checkMinimum(tx, unit, year, draft);
      const before = this.snapshot(filing, coveredBefore);
      const newAmount = reservedAmountOf(draft.canteenBudget, draft.ratioBps);
      const givenReason = optionalText(input.decreaseReason, 'decreaseReason', 2000);
      const decreaseReason = await this.checkDecrease(
        tx,
        unit.id,
        year,
        newAmount,
        givenReason ?? filing.decreaseReason,
      );
      const changes: Partial<ReservedShareFiling> = {
        ...draftColumns(draft, { minimumBps, exemptionId, decreaseReason }),
        catererUserId: draft.canteenMode === CanteenMode.OUTSOURCED ? filing.catererUserId : null,
      };
      const after = this.snapshot({ ...filing, ...changes } as ReservedShareFiling, draft.coveredOrgIds);
      if (JSON.stringify(before) === JSON.stringify(after))
        throw new AppError(ProcurementErrorCode.NOTHING_TO_AMEND, 'The amendment changes nothing', { field: 'orgId' });
      const version = filing.version + 1;
      await this.db.repo(tx, ReservedShareFiling).update({ id: filing.id }, { ...changes, version });
      await this.db.repo(tx, ReservedShareCoverage).delete({ filingId: filing.id });
      await this.cover(tx, filing, draft.coveredOrgIds);
      await this.db.repo(tx, ReservedShareAmendment).insert({
        filingId: filing.id,
        version,
        kind: 'AMENDED',
        actorUserId: p.userId,
        reason,
        before: before as never,
        after: after as never,
      });
      return this.db.repo(tx, ReservedShareFiling).findOneByOrFail({ id: filing.id });
    });
  }

  /** OUTSOURCED canteens: the caterer's own PURCHASER account under the unit, recorded on the filing. */
  async createCatererAccount(
    ctx: RequestContext,
    filingId: string,
    input: CatererAccountInput,
  ): Promise<ReservedShareFiling> {
    assertKnownId(filingId, 'Filing');
    return this.db.transaction(ctx, async (tx) => {
      const filing = await this.db
        .repo(tx, ReservedShareFiling)
        .findOne({ where: { id: filingId }, lock: { mode: 'pessimistic_write' } });
      if (!filing) throw notFound('Filing', filingId);
      await this.access.requireAdmin(tx, filing.orgId);
      if (filing.canteenMode !== CanteenMode.OUTSOURCED)
        throw new AppError(ProcurementErrorCode.NOT_OUTSOURCED, 'Only an OUTSOURCED canteen has a caterer account', {
          field: 'filingId',
        });
      if (filing.catererUserId)
        throw new AppError(ProcurementErrorCode.CATERER_EXISTS, 'This filing already has a caterer account', {
          field: 'filingId',
          userId: filing.catererUserId,
        });
      const user = await this.users.createStaff(tx, { ...input, role: Role.PURCHASER, organizationId: filing.orgId });
      await this.db.repo(tx, ReservedShareFiling).update({ id: filing.id }, { catererUserId: user.id });
      return this.db.repo(tx, ReservedShareFiling).findOneByOrFail({ id: filing.id });
    });
  }

  /** The filing that covers the unit in the year (its own, or the shared-canteen filing of another unit). */
  async covering(ctx: RequestContext, orgId: string, year: number): Promise<ReservedShareFiling | null> {
    const cov = await this.db.repo(ctx, ReservedShareCoverage).findOneBy({ orgId, year });
    return cov ? this.db.repo(ctx, ReservedShareFiling).findOneBy({ id: cov.filingId }) : null;
  }

  /** Every unit the filing covers, the filer first. */
  async coveredOrgIds(ctx: RequestContext, filing: ReservedShareFiling): Promise<string[]> {
    return [filing.orgId, ...(await this.coveredOthers(ctx, filing))];
  }

  amendments(ctx: RequestContext, filingId: string): Promise<ReservedShareAmendment[]> {
    return this.db.repo(ctx, ReservedShareAmendment).find({ where: { filingId }, order: { version: 'ASC' } });
  }

  /** All filings made by the unit or covering it, newest year first (reader-checked). */
  async listForUnit(ctx: RequestContext, orgId: string): Promise<ReservedShareFiling[]> {
    await this.access.requireReader(ctx, orgId);
    return this.db
      .repo(ctx, ReservedShareFiling)
      .createQueryBuilder('f')
      .where('f.org_id = :orgId OR f.id IN (SELECT filing_id FROM reserved_share_coverage WHERE org_id = :orgId)', {
        orgId,
      })
      .orderBy('f.year', 'DESC')
      .getMany();
  }

  async namesOf(ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const orgs = await this.db.repo(ctx, Organization).findBy({ id: In(ids) });
    return new Map(orgs.map((o) => [o.id, o.name]));
  }

  private draft(orgId: string, d: Omit<Draft, 'ratioBps'> & { ratioBps: number | null | undefined }): Draft {
    if (!Object.values(CanteenMode).includes(d.canteenMode))
      throw badInput('canteenMode is not a canteen mode', { field: 'canteenMode' });
    if (d.ratioBps === null || d.ratioBps === undefined)
      throw new AppError(ProcurementErrorCode.INVALID_RATIO, 'ratioBps is required (basis points, 1000 = 10%)', {
        field: 'ratioBps',
      });
    const ratioBps = checkRatio(d.ratioBps);
    if (d.canteenMode === CanteenMode.NONE && ratioBps !== 0)
      throw new AppError(
        ProcurementErrorCode.INVALID_RATIO,
        'A unit without a canteen (NONE) reserves nothing: ratioBps must be 0',
        {
          field: 'ratioBps',
        },
      );
    const covered = [...new Set((d.coveredOrgIds ?? []).map(String))];
    if (d.canteenMode === CanteenMode.SHARED) {
      if (covered.length === 0)
        throw new AppError(
          ProcurementErrorCode.COVERED_UNITS_REQUIRED,
          'A SHARED filing names the units sharing the canteen',
          {
            field: 'coveredOrgIds',
          },
        );
      if (covered.includes(orgId))
        throw badInput('The filing unit is covered anyway; list only the other units', { field: 'coveredOrgIds' });
      if (covered.length > 200) throw badInput('At most 200 covered units', { field: 'coveredOrgIds' });
      covered.forEach((id) => assertKnownId(id, 'Organization'));
    } else if (covered.length) {
      throw badInput('Only a SHARED filing covers other units', { field: 'coveredOrgIds' });
    }
    const catererName = optionalText(d.catererName, 'catererName', 200);
    if (d.canteenMode === CanteenMode.OUTSOURCED && !catererName)
      throw new AppError(ProcurementErrorCode.CATERER_REQUIRED, 'An OUTSOURCED canteen names its caterer', {
        field: 'catererName',
      });
    if (d.canteenMode !== CanteenMode.OUTSOURCED && catererName)
      throw badInput('Only an OUTSOURCED canteen has a caterer', { field: 'catererName' });
    return {
      canteenMode: d.canteenMode,
      canteenBudget: d.canteenBudget,
      ratioBps,
      coveredOrgIds: covered,
      catererName,
      note: optionalText(d.note, 'note', 2000),
    };
  }

  /** A ratio under the unit's jurisdiction minimum needs an approved exemption (NONE reserves nothing and needs none). */
  private async checkMinimum(
    tx: RequestContext,
    unit: Organization,
    year: number,
    draft: Draft,
  ): Promise<{ minimumBps: number; exemptionId: string | null }> {
    const minimumBps = await this.rules.minimumFor(tx, unit.regionCode);
    if (draft.canteenMode === CanteenMode.NONE || draft.ratioBps >= minimumBps)
      return { minimumBps, exemptionId: null };
    const exemption = await this.rules.exemptionAllowing(tx, unit.id, year, draft.ratioBps);
    if (!exemption) {
      throw new AppError(
        ProcurementErrorCode.RATIO_BELOW_MINIMUM,
        `The minimum for this unit is ${minimumBps} bps (${minimumBps / 100}%); a lower ratio needs an exemption approved by the region’s coordinator`,
        {
          field: 'ratioBps',
          minimumBps,
          ratioBps: draft.ratioBps,
        },
      );
    }
    return { minimumBps, exemptionId: exemption.id };
  }

  /**
   * 同比下降须说明: a reserved amount below the unit's own filing of the previous year needs a reason
   * (supervisors compare years; a silent drop is how a unit shrinks its obligation). Returns the
   * reason to store: kept only while the amount is below last year's.
   */
  private async checkDecrease(
    tx: RequestContext,
    orgId: string,
    year: number,
    amount: number,
    reason: string | null,
  ): Promise<string | null> {
    const previous = await this.db.repo(tx, ReservedShareFiling).findOneBy({ orgId, year: year - 1 });
    if (!previous || amount >= previous.reservedAmount) return null;
    if (!reason) {
      throw new AppError(
        ProcurementErrorCode.RESERVED_DECREASE_REASON_REQUIRED,
        `The reserved amount is below ${year - 1}’s (${previous.reservedAmount} fen): say why in decreaseReason`,
        {
          field: 'decreaseReason',
          previousReservedAmount: previous.reservedAmount,
          reservedAmount: amount,
        },
      );
    }
    return reason;
  }

  private async assertNotCovered(
    tx: RequestContext,
    orgIds: string[],
    year: number,
    exceptFilingId: string | null,
    field: string,
  ): Promise<void> {
    if (orgIds.length === 0) return;
    const rows: Array<{ org_id: string; filing_id: string }> = await this.db
      .manager(tx)
      .query(
        `SELECT org_id, filing_id FROM reserved_share_coverage WHERE year = $1 AND org_id = ANY($2::uuid[]) AND filing_id IS DISTINCT FROM $3`,
        [year, orgIds, exceptFilingId],
      );
    if (rows.length) {
      throw new AppError(
        field === 'orgId' ? ProcurementErrorCode.ALREADY_COVERED : ProcurementErrorCode.UNIT_ALREADY_COVERED,
        'A unit is already covered by another filing for this year (its own, or a shared canteen’s)',
        {
          field,
          orgIds: rows.map((r) => r.org_id),
          filingId: rows[0].filing_id,
        },
      );
    }
  }

  private async saveNew(
    tx: RequestContext,
    filing: ReservedShareFiling,
    unitName: string,
  ): Promise<ReservedShareFiling> {
    try {
      return await this.db.repo(tx, ReservedShareFiling).save(filing);
    } catch (e) {
      // A concurrent first filing of the same unit and year won the race.
      if (uniqueViolation(e))
        throw new AppError(
          ProcurementErrorCode.ALREADY_FILED,
          `${unitName} has already filed for ${filing.year}; amend the filing instead`,
          { field: 'year' },
        );
      throw e;
    }
  }

  private async cover(tx: RequestContext, filing: ReservedShareFiling, others: string[]): Promise<void> {
    try {
      await this.db
        .repo(tx, ReservedShareCoverage)
        .insert([filing.orgId, ...others].map((orgId) => ({ orgId, year: filing.year, filingId: filing.id })));
    } catch (e) {
      // A concurrent filing covered one of the units between our check and insert.
      if (uniqueViolation(e))
        throw new AppError(
          ProcurementErrorCode.ALREADY_COVERED,
          'A unit was just covered by another filing for this year',
          {
            field: 'coveredOrgIds',
          },
        );
      throw e;
    }
  }

  private async coveredOthers(ctx: RequestContext, filing: ReservedShareFiling): Promise<string[]> {
    const rows = await this.db
      .repo(ctx, ReservedShareCoverage)
      .find({ where: { filingId: filing.id }, order: { orgId: 'ASC' } });
    return rows.map((r) => r.orgId).filter((id) => id !== filing.orgId);
  }

  private snapshot(f: ReservedShareFiling, coveredOrgIds: string[]): FilingSnapshot {
    return {
      canteenMode: f.canteenMode,
      canteenBudget: f.canteenBudget,
      ratioBps: f.ratioBps,
      minimumBps: f.minimumBps,
      reservedAmount: f.reservedAmount,
      exemptionId: f.exemptionId,
      catererName: f.catererName,
      catererUserId: f.catererUserId,
      coveredOrgIds: [...coveredOrgIds].sort(),
      note: f.note,
      decreaseReason: f.decreaseReason ?? null,
    };
  }
}
