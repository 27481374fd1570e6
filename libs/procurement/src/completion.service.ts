import { Injectable } from '@nestjs/common';
import { Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';
import { likeAny, UnitAccess } from './access';
import { checkYear } from './dates';
import { FilingService } from './filing.service';
import type { CanteenMode } from './procurement.entities';
import type { ReservedShare, UnitCompletion } from './procurement.types';
import { ShareRulesService } from './share-rules.service';

const MAX_INT = 2_147_483_647;

/** counted × 10000 / reserved, rounded down (exact integers); null when nothing is reserved. */
export function completionBps(counted: number, reserved: number): number | null {
  if (reserved <= 0) return null;
  const bps = Number((BigInt(counted) * 10_000n) / BigInt(reserved));
  return Math.max(-MAX_INT, Math.min(MAX_INT, bps));
}

interface RankRow {
  id: string;
  name: string;
  region_code: string | null;
  parent_id: string | null;
  filing_id: string | null;
  filing_org_id: string | null;
  canteen_mode: CanteenMode | null;
  late: boolean | null;
  reserved: string;
  counted: string;
  pending: string;
}

/**
 * Completion figures read from the rollup (reserved_share_progress), never from order lines. A
 * filing covers its unit and, for a shared canteen, the units sharing it: their counted amounts add up.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly filings: FilingService,
    private readonly rules: ShareRulesService,
  ) {}

  async reservedShare(ctx: RequestContext, orgId: string, year: number): Promise<ReservedShare> {
    checkYear(year);
    const unit = await this.access.requireReader(ctx, orgId);
    const filing = await this.filings.covering(ctx, unit.id, year);
    const covered = filing ? await this.filings.coveredOrgIds(ctx, filing) : [unit.id];
    const rows: Array<{
      month: number;
      counted: string;
      pending: string;
      uncertified: string;
      trade_union: string;
      staff: string;
    }> = await this.db.manager(ctx).query(
      `SELECT month, SUM(counted_amount) AS counted, SUM(pending_amount) AS pending, SUM(uncertified_amount) AS uncertified, SUM(trade_union_amount) AS trade_union,
              SUM(staff_amount) AS staff
         FROM reserved_share_progress WHERE org_id = ANY($1::uuid[]) AND year = $2 GROUP BY month`,
      [covered, year],
    );
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    const sum = (key: 'counted' | 'pending' | 'uncertified' | 'trade_union' | 'staff') =>
      rows.reduce((s, r) => s + Number(r[key]), 0);
    const reservedAmount = filing?.reservedAmount ?? 0;
    const countedAmount = sum('counted');
    const bps = completionBps(countedAmount, reservedAmount);
    return {
      orgId: unit.id,
      year,
      filingOrgId: filing?.orgId ?? null,
      coveredOrgIds: covered,
      minimumBps: await this.rules.minimumFor(ctx, unit.regionCode),
      reservedAmount,
      countedAmount,
      pendingAmount: sum('pending'),
      uncertifiedAmount: sum('uncertified'),
      tradeUnionAmount: sum('trade_union'),
      staffAmount: sum('staff'),
      staffPurchasesCount: await this.rules.staffPurchasesCountFor(ctx, unit.regionCode),
      completionBasisPoints: bps,
      completionPercent: bps === null ? null : bps / 100,
      monthly: Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        countedAmount: Number(byMonth.get(i + 1)?.counted ?? 0),
      })),
      filing,
    };
  }

  /** AGENCY_ADMIN: the units below one it administers, ranked by completion (no filing: last). */
  async subordinateCompletion(ctx: RequestContext, orgId: string, year: number): Promise<UnitCompletion[]> {
    checkYear(year);
    const p = ctx.requirePrincipal();
    await this.access.unit(ctx, orgId);
    if (!p.hasRole(Role.PLATFORM_ADMIN) && !(await this.access.administers(ctx, orgId)))
      throw forbidden('Only an agency admin of this unit or a parent unit sees its subordinate units');
    return this.rank(
      ctx,
      `WITH RECURSIVE t AS (
         SELECT id, 0 AS depth FROM organization_directory WHERE id = $2
         UNION ALL SELECT o.id, t.depth + 1 FROM organization_directory o JOIN t ON o.parent_id = t.id WHERE t.depth < 50
       ) SELECT o.id, o.name, o.region_code, o.parent_id FROM organization_directory o JOIN t ON t.id = o.id WHERE t.depth > 0 AND o.kind = 'AGENCY'`,
      [year, orgId],
    );
  }

  /** COORDINATOR / AUDITOR: every unit in a region within their scope, ranked (filtered in SQL). */
  async regionCompletion(ctx: RequestContext, regionCode: string, year: number): Promise<UnitCompletion[]> {
    checkYear(year);
    const p = ctx.requirePrincipal();
    const prefix = normalizePrefix(String(regionCode ?? ''), 'regionCode');
    const admin = p.hasRole(Role.PLATFORM_ADMIN);
    const scope = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    if (!admin && !scope.some((s) => prefix.startsWith(s))) throw forbidden('This region is outside your scope');
    return this.rank(
      ctx,
      `SELECT o.id, o.name, o.region_code, o.parent_id FROM organization_directory o
        WHERE o.kind = 'AGENCY' AND o.region_code LIKE $2 ${admin ? '' : 'AND o.region_code LIKE ANY($3::text[])'}`,
      admin ? [year, `${prefix}%`] : [year, `${prefix}%`, likeAny(scope)],
    );
  }

  /** Ranks the units selected by `unitsSql` ($1 is the year): completion of the filing that covers each. */
  private async rank(ctx: RequestContext, unitsSql: string, params: unknown[]): Promise<UnitCompletion[]> {
    const rows: RankRow[] = await this.db.manager(ctx).query(
      `WITH units AS (${unitsSql}),
       cov AS (SELECT u.id AS org_id, c.filing_id FROM units u LEFT JOIN reserved_share_coverage c ON c.org_id = u.id AND c.year = $1),
       grp AS (
         SELECT c.filing_id, COALESCE(SUM(p.counted_amount), 0) AS counted, COALESCE(SUM(p.pending_amount), 0) AS pending
           FROM reserved_share_coverage c LEFT JOIN reserved_share_progress p ON p.org_id = c.org_id AND p.year = c.year
          WHERE c.year = $1 AND c.filing_id IN (SELECT filing_id FROM cov WHERE filing_id IS NOT NULL)
          GROUP BY c.filing_id),
       own AS (
         SELECT p.org_id, SUM(p.counted_amount) AS counted, SUM(p.pending_amount) AS pending
           FROM reserved_share_progress p WHERE p.year = $1 AND p.org_id IN (SELECT id FROM units) GROUP BY p.org_id)
       SELECT u.id, u.name, u.region_code, u.parent_id, f.id AS filing_id, f.org_id AS filing_org_id, f.canteen_mode, f.late,
              COALESCE(f.reserved_amount, 0) AS reserved,
              COALESCE(g.counted, o.counted, 0) AS counted, COALESCE(g.pending, o.pending, 0) AS pending
         FROM units u
         LEFT JOIN cov ON cov.org_id = u.id
         LEFT JOIN reserved_share_filing f ON f.id = cov.filing_id
         LEFT JOIN grp g ON g.filing_id = f.id
         LEFT JOIN own o ON o.org_id = u.id
        ORDER BY CASE WHEN f.reserved_amount > 0 THEN COALESCE(g.counted, 0)::numeric / f.reserved_amount END DESC NULLS LAST, u.name, u.id
        LIMIT 1000`,
      params,
    );
    return rows.map((r, i) => {
      const reserved = Number(r.reserved);
      const counted = Number(r.counted);
      const bps = completionBps(counted, reserved);
      return {
        rank: i + 1,
        orgId: r.id,
        name: r.name,
        regionCode: r.region_code,
        parentId: r.parent_id,
        filingId: r.filing_id,
        filingOrgId: r.filing_org_id,
        canteenMode: r.canteen_mode,
        late: r.late,
        reservedAmount: reserved,
        countedAmount: counted,
        pendingAmount: Number(r.pending),
        completionBasisPoints: bps,
        completionPercent: bps === null ? null : bps / 100,
      };
    });
  }
}
