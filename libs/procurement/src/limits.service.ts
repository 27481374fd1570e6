import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { AppError, badInput, Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { Membership, type Organization, UserService } from '@bangfu/identity';
import { assertKnownId, UnitAccess } from './access';
import { shanghaiDate } from './dates';
import { LimitKind, ProcurementLimit, ProcurementPolicy } from './procurement.entities';
import type { ProcurementPolicyInput, UnitMember } from './procurement.types';

/** Which role a limit belongs to. */
const LIMIT_ROLE: Record<LimitKind, Role> = {
  [LimitKind.SPENDING]: Role.PURCHASER,
  [LimitKind.APPROVAL]: Role.APPROVER,
};

export const DEFAULT_SPLIT_WINDOW_MINUTES = 1440;

/** The short code of a unit in PO numbers: its 9-character organisation code (组织机构代码, part of the credit code). */
export function unitShortCode(org: Pick<Organization, 'id' | 'creditCode'>): string {
  const code = org.creditCode?.trim();
  return code && code.length === 18 ? code.slice(8, 17) : org.id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/**
 * Per-user limits (a purchaser's spending limit, an approver's approval limit; per request, fen; none
 * set means 0) and the unit policy, all set by the unit's AGENCY_ADMIN; and PO numbers.
 */
@Injectable()
export class LimitsService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly users: UserService,
  ) {}

  async limitOf(ctx: RequestContext, orgId: string, userId: string, kind: LimitKind): Promise<number> {
    const row = await this.db.repo(ctx, ProcurementLimit).findOneBy({ orgId, userId, kind });
    return row?.amount ?? 0;
  }

  /**
   * AGENCY_ADMIN: sets a user's limit in a unit it administers. Without orgId the unit is the one
   * administered unit where the user holds the matching role (PURCHASER / APPROVER).
   */
  async setLimit(
    ctx: RequestContext,
    kind: LimitKind,
    userId: string,
    amount: number,
    orgId?: string | null,
  ): Promise<ProcurementLimit> {
    const p = ctx.requirePrincipal();
    assertKnownId(userId, 'User');
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
      throw new AppError(ProcurementErrorCode.INVALID_LIMIT, 'amount must be a non-negative whole number of fen', {
        field: 'amount',
      });
    }
    const role = LIMIT_ROLE[kind];
    return this.db.transaction(ctx, async (tx) => {
      const held = (await this.db.repo(tx, Membership).findBy({ userId, role })).map((m) => m.organizationId as string);
      let unitId: string;
      if (orgId) {
        await this.access.requireAdmin(tx, orgId);
        unitId = orgId;
      } else {
        const administered = new Set(await this.access.administered(tx, p));
        const candidates = held.filter((id) => administered.has(id));
        if (candidates.length === 0) throw forbidden(`The user is not a ${role} of a unit you administer`);
        if (candidates.length > 1)
          throw new AppError(
            ProcurementErrorCode.ORG_REQUIRED,
            'The user belongs to several of your units: pass orgId',
            {
              field: 'orgId',
            },
          );
        unitId = candidates[0];
      }
      if (!held.includes(unitId)) {
        throw new AppError(
          kind === LimitKind.SPENDING ? ProcurementErrorCode.NOT_A_PURCHASER : ProcurementErrorCode.NOT_AN_APPROVER,
          `The user is not a ${role} of this unit`,
          { field: 'userId' },
        );
      }
      await this.db.manager(tx).query(
        `INSERT INTO procurement_limit (org_id, user_id, kind, amount, set_by_user_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_id, user_id, kind) DO UPDATE SET amount = EXCLUDED.amount, set_by_user_id = EXCLUDED.set_by_user_id, updated_at = now()`,
        [unitId, userId, kind, amount, p.userId],
      );
      return this.db.repo(tx, ProcurementLimit).findOneByOrFail({ orgId: unitId, userId, kind });
    });
  }

  async limits(ctx: RequestContext, orgId: string): Promise<ProcurementLimit[]> {
    await this.access.requireReader(ctx, orgId);
    return this.db.repo(ctx, ProcurementLimit).find({ where: { orgId }, order: { kind: 'ASC', userId: 'ASC' } });
  }

  /** AGENCY_ADMIN: the unit's members (direct memberships) with their roles and limits, by name. */
  async members(ctx: RequestContext, orgId: string): Promise<UnitMember[]> {
    await this.access.requireAdmin(ctx, orgId);
    // Members from identity, their limits from procurement's own table: two queries per list.
    const members = await this.users.memberDirectory(ctx, orgId);
    const limits: Array<{ user_id: string; kind: LimitKind; amount: string }> = members.length
      ? await this.db
          .manager(ctx)
          .query(
            `SELECT user_id, kind, amount FROM procurement_limit WHERE org_id = $1 AND user_id = ANY($2::uuid[])`,
            [orgId, members.map((m) => m.userId)],
          )
      : [];
    const amount = (userId: string, kind: LimitKind) =>
      limits.find((l) => l.user_id === userId && l.kind === kind)?.amount ?? null;
    const limitFor = (roles: Role[], kind: LimitKind, userId: string) =>
      roles.includes(LIMIT_ROLE[kind]) ? Number(amount(userId, kind) ?? 0) : null;
    return members.map((m) => ({
      ...m,
      spendingLimit: limitFor(m.roles, LimitKind.SPENDING, m.userId),
      approvalLimit: limitFor(m.roles, LimitKind.APPROVAL, m.userId),
    }));
  }

  /** The unit's policy (defaults when never set: approval always required, one-day split window). */
  async policy(ctx: RequestContext, orgId: string): Promise<ProcurementPolicy> {
    const row = await this.db.repo(ctx, ProcurementPolicy).findOneBy({ orgId });
    return (
      row ??
      Object.assign(new ProcurementPolicy(), {
        orgId,
        skipApprovalBelowLimit: false,
        splitWindowMinutes: DEFAULT_SPLIT_WINDOW_MINUTES,
        updatedByUserId: null,
        updatedAt: new Date(0),
      })
    );
  }

  async setPolicy(ctx: RequestContext, orgId: string, input: ProcurementPolicyInput): Promise<ProcurementPolicy> {
    const p = ctx.requirePrincipal();
    const window = input.splitWindowMinutes ?? DEFAULT_SPLIT_WINDOW_MINUTES;
    if (!Number.isInteger(window) || window < 1 || window > 43_200)
      throw badInput('splitWindowMinutes must be between 1 and 43200 (30 days)', { field: 'splitWindowMinutes' });
    return this.db.transaction(ctx, async (tx) => {
      await this.access.requireAdmin(tx, orgId);
      await this.db.manager(tx).query(
        `INSERT INTO procurement_policy (org_id, skip_approval_below_limit, split_window_minutes, updated_by_user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id) DO UPDATE SET skip_approval_below_limit = EXCLUDED.skip_approval_below_limit, split_window_minutes = EXCLUDED.split_window_minutes,
           updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
        [orgId, !!input.skipApprovalBelowLimit, window, p.userId],
      );
      return this.db.repo(tx, ProcurementPolicy).findOneByOrFail({ orgId });
    });
  }

  async policyView(ctx: RequestContext, orgId: string): Promise<ProcurementPolicy> {
    await this.access.requireReader(ctx, orgId);
    return this.policy(ctx, orgId);
  }

  /** PO-<unit code>-<yyyymmdd>-<seq>: the sequence restarts per unit and Asia/Shanghai day, allocated under a row lock. */
  async nextPoNumber(
    ctx: RequestContext,
    org: Pick<Organization, 'id' | 'creditCode'>,
    now = new Date(),
  ): Promise<string> {
    const day = shanghaiDate(now);
    const [row]: Array<{ last_seq: number }> = await this.db.manager(ctx).query(
      `INSERT INTO po_number_sequence AS s (org_id, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (org_id, day) DO UPDATE SET last_seq = s.last_seq + 1 RETURNING last_seq`,
      [org.id, day],
    );
    return `PO-${unitShortCode(org)}-${day.replace(/-/g, '')}-${String(row.last_seq).padStart(4, '0')}`;
  }
}
