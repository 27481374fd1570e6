import { ProcurementErrorCode } from './procurement.errors';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, AppError, Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { normalizePrefix, padCode, RegionService } from '@bangfu/region';
import { likeAny } from './access';
import { completionBps } from './completion.service';
import { checkYear, shanghaiPeriod } from './dates';
import {
  type CompletionRanking,
  type CompletionSnapshotInfo,
  SupervisionGroupBy,
  type SupervisionFigures,
  type SupervisionRow,
} from './supervision.types';

/** The whole country (platform admins): the statistics lib's convention. */
export const WHOLE_COUNTRY = '000000000000';

/** One budget unit's figures for a year up to a month (live, or as frozen in a snapshot). */
export interface UnitFigures {
  org_id: string;
  name: string;
  region_code: string | null;
  parent_id: string | null;
  root_id: string;
  root_name: string;
  filed: boolean;
  activated: boolean;
  reserved_amount: string | number;
  previous_reserved_amount: string | number | null;
  counted_amount: string | number;
  pending_amount: string | number;
  decrease_reason?: string | null;
}

/**
 * Each agency in `units` ($1 = year, $2 = month): its department (top of the parent tree), whether a
 * filing covers it, its own reserved amount this year and last, counted and pending from the rollup
 * up to the month, and whether it bought at all (activated). Reads only procurement's rollup and the
 * organisation tree.
 */
const unitFiguresSql = (unitFilter: string) => `
  WITH RECURSIVE units AS (
    SELECT o.id, o.name, o.region_code, o.parent_id FROM organization_directory o WHERE o.kind = 'AGENCY' ${unitFilter}
  ),
  anc AS (
    SELECT u.id AS org_id, u.id AS node, u.parent_id, 0 AS depth FROM units u
    UNION ALL
    SELECT anc.org_id, p.id, p.parent_id, anc.depth + 1 FROM anc JOIN organization_directory p ON p.id = anc.parent_id WHERE anc.depth < 50
  ),
  roots AS (SELECT DISTINCT ON (org_id) org_id, node AS root_id FROM anc ORDER BY org_id, depth DESC),
  prog AS (
    SELECT org_id, SUM(counted_amount) AS counted, SUM(pending_amount) AS pending,
           bool_or(counted_amount <> 0 OR pending_amount <> 0 OR uncertified_amount <> 0) AS active
      FROM reserved_share_progress WHERE year = $1 AND month <= $2 AND org_id IN (SELECT id FROM units) GROUP BY org_id
  ),
  live AS (
    SELECT u.id AS org_id, u.name, u.region_code, u.parent_id, r.root_id, ro.name AS root_name,
           EXISTS (SELECT 1 FROM reserved_share_coverage c WHERE c.org_id = u.id AND c.year = $1) AS filed,
           COALESCE(p.active, false) AS activated,
           COALESCE(f.reserved_amount, 0) AS reserved_amount, pf.reserved_amount AS previous_reserved_amount,
           COALESCE(p.counted, 0) AS counted_amount, COALESCE(p.pending, 0) AS pending_amount, f.decrease_reason
      FROM units u
      JOIN roots r ON r.org_id = u.id
      JOIN organization_directory ro ON ro.id = r.root_id
      LEFT JOIN prog p ON p.org_id = u.id
      LEFT JOIN reserved_share_filing f ON f.org_id = u.id AND f.year = $1
      LEFT JOIN reserved_share_filing pf ON pf.org_id = u.id AND pf.year = $1 - 1
  )`;

/** Sums a group of units' figures. Shared canteens: the filer carries the reserved amount, every covered unit its own counted. */
export function sumFigures(units: UnitFigures[]): SupervisionFigures {
  let reserved = 0;
  let previous = 0;
  let hasPrevious = false;
  let counted = 0;
  let pending = 0;
  for (const u of units) {
    reserved += Number(u.reserved_amount);
    counted += Number(u.counted_amount);
    pending += Number(u.pending_amount);
    if (u.previous_reserved_amount !== null && u.previous_reserved_amount !== undefined) {
      previous += Number(u.previous_reserved_amount);
      hasPrevious = true;
    }
  }
  const bps = completionBps(counted, reserved);
  const change = reserved - previous;
  return {
    unitsRegistered: units.length,
    unitsFiled: units.filter((u) => u.filed).length,
    unitsActivated: units.filter((u) => u.activated).length,
    reservedAmount: reserved,
    countedAmount: counted,
    pendingAmount: pending,
    completionBasisPoints: bps,
    completionPercent: bps === null ? null : bps / 100,
    previousReservedAmount: previous,
    reservedChangeAmount: change,
    reservedChangeBasisPoints:
      hasPrevious && previous > 0 ? Number((BigInt(change) * 10_000n) / BigInt(previous)) : null,
  };
}

/**
 * 单位预留份额监管: completion rankings by jurisdiction (city/county), department (parent tree) or
 * unit, with registered/filed/activated counts and the year-on-year change of the reserved amount;
 * frozen month-end snapshots, read back for published months with the difference to live figures.
 */
@Injectable()
export class SupervisionService {
  private readonly log = new Logger('Supervision');
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
  ) {}

  async ranking(
    ctx: RequestContext,
    input: { regionCode: string; year: number; month?: number | null; groupBy: SupervisionGroupBy },
  ): Promise<CompletionRanking> {
    const year = checkYear(input.year);
    const month = input.month === null || input.month === undefined ? null : checkMonth(input.month);
    const groupBy = input.groupBy;
    if (!Object.values(SupervisionGroupBy).includes(groupBy))
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'groupBy is not a grouping', { field: 'groupBy' });
    const { prefix, filter, params } = this.scope(ctx, input.regionCode);
    const live: UnitFigures[] = await this.db
      .manager(ctx)
      .query(`${unitFiguresSql(filter)} SELECT * FROM live ORDER BY name, org_id LIMIT 20000`, [
        year,
        month ?? 12,
        ...params,
      ]);
    const snapshot = month === null ? null : await this.snapshotInfo(ctx, year, month);
    const frozen: UnitFigures[] | null = snapshot
      ? await this.db.manager(ctx).query(
          `SELECT org_id, name, region_code, parent_id, root_id, root_name, filed, activated, reserved_amount, previous_reserved_amount, counted_amount, pending_amount
             FROM completion_snapshot_row o WHERE year = $1 AND month = $2 ${filter} ORDER BY name, org_id LIMIT 20000`,
          [year, month, ...params],
        )
      : null;
    const base = frozen ?? live;
    const keyOf = (u: UnitFigures) => groupKey(groupBy, u);
    const groups = new Map<string, { base: UnitFigures[]; live: UnitFigures[] }>();
    const group = (k: string) => groups.get(k) ?? groups.set(k, { base: [], live: [] }).get(k)!;
    for (const u of base) group(keyOf(u)).base.push(u);
    if (frozen) for (const u of live) group(keyOf(u)).live.push(u);
    const reasons = new Map(live.map((u) => [u.org_id, u.decrease_reason ?? null]));
    const labels = await this.labels(
      ctx,
      groupBy,
      [...groups.entries()].map(([k, g]) => [k, g.base[0] ?? g.live[0]]),
    );
    const row = (
      key: string,
      label: string,
      regionCode: string | null,
      b: UnitFigures[],
      l: UnitFigures[] | null,
    ): SupervisionRow => {
      const figures = sumFigures(b);
      const liveFigures = l ? sumFigures(l) : null;
      return {
        rank: 0,
        key,
        label,
        regionCode,
        figures,
        live: liveFigures,
        countedDifference: liveFigures ? liveFigures.countedAmount - figures.countedAmount : null,
        reservedDifference: liveFigures ? liveFigures.reservedAmount - figures.reservedAmount : null,
        completionDifferenceBasisPoints:
          liveFigures && liveFigures.completionBasisPoints !== null && figures.completionBasisPoints !== null
            ? liveFigures.completionBasisPoints - figures.completionBasisPoints
            : null,
        decreaseReason: groupBy === SupervisionGroupBy.UNIT ? (reasons.get(key) ?? null) : null,
      };
    };
    const rows = [...groups.entries()].map(([k, g]) =>
      row(k, labels.get(k) ?? k, regionOfKey(groupBy, k, g.base[0] ?? g.live[0]), g.base, frozen ? g.live : null),
    );
    rows.sort(
      (a, b) =>
        (b.figures.completionBasisPoints ?? -Infinity) - (a.figures.completionBasisPoints ?? -Infinity) ||
        b.figures.countedAmount - a.figures.countedAmount ||
        a.label.localeCompare(b.label, 'zh') ||
        a.key.localeCompare(b.key),
    );
    rows.forEach((r, i) => (r.rank = i + 1));
    const path = prefix ? (await this.regions.path(ctx, padCode(prefix))).map((r) => r.name) : [];
    return {
      regionCode: prefix ? padCode(prefix) : WHOLE_COUNTRY,
      regionPath: path,
      year,
      month,
      groupBy,
      snapshot,
      rows,
      total: row(
        'total',
        path.length ? path[path.length - 1] : '全国',
        prefix ? padCode(prefix) : null,
        base,
        frozen ? live : null,
      ),
    };
  }

  /** Region names from the province down (empty for the whole country). */
  async regionPath(ctx: RequestContext, regionCode: string): Promise<string[]> {
    if (regionCode === WHOLE_COUNTRY) return [];
    return (await this.regions.path(ctx, padCode(normalizePrefix(regionCode, 'regionCode')))).map((r) => r.name);
  }

  async snapshotInfo(ctx: RequestContext, year: number, month: number): Promise<CompletionSnapshotInfo | null> {
    const [s]: Array<{ year: number; month: number; source: string; published_at: Date; unit_count: number }> =
      await this.db
        .manager(ctx)
        .query(
          `SELECT year, month, source, published_at, unit_count FROM completion_snapshot WHERE year = $1 AND month = $2`,
          [year, month],
        );
    return s
      ? {
          year: s.year,
          month: s.month,
          source: s.source,
          publishedAt: new Date(s.published_at),
          unitCount: s.unit_count,
        }
      : null;
  }

  async snapshots(ctx: RequestContext, year: number): Promise<CompletionSnapshotInfo[]> {
    checkYear(year);
    const rows: Array<{ year: number; month: number; source: string; published_at: Date; unit_count: number }> =
      await this.db
        .manager(ctx)
        .query(
          `SELECT year, month, source, published_at, unit_count FROM completion_snapshot WHERE year = $1 ORDER BY month`,
          [year],
        );
    return rows.map((s) => ({
      year: s.year,
      month: s.month,
      source: s.source,
      publishedAt: new Date(s.published_at),
      unitCount: s.unit_count,
    }));
  }

  /**
   * Freezes every unit's figures for a month that has ended (Asia/Shanghai): MONTH_NOT_ENDED before,
   * SNAPSHOT_EXISTS when already published (by the job or an admin) — a published month never changes.
   */
  async publish(
    ctx: RequestContext,
    year: number,
    month: number,
    source: 'JOB' | 'ADMIN',
    now = new Date(),
  ): Promise<CompletionSnapshotInfo> {
    checkYear(year);
    checkMonth(month);
    const today = shanghaiPeriod(now);
    if (year * 12 + month >= today.year * 12 + today.month)
      throw new AppError(
        ProcurementErrorCode.MONTH_NOT_ENDED,
        `${year}-${String(month).padStart(2, '0')} has not ended yet (Asia/Shanghai)`,
        { field: 'month' },
      );
    return this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`completion-snapshot:${year}-${month}`]);
      const existing = await this.snapshotInfo(tx, year, month);
      if (existing)
        throw new AppError(ProcurementErrorCode.SNAPSHOT_EXISTS, `${year}-${month} is already published and frozen`, {
          field: 'month',
          publishedAt: existing.publishedAt.toISOString(),
        });
      await m.query(
        `${unitFiguresSql('')},
         hdr AS (
           INSERT INTO completion_snapshot (year, month, source, published_by_user_id, unit_count)
           SELECT $1, $2, $3, $4, (SELECT count(*) FROM live) RETURNING year, month
         )
         INSERT INTO completion_snapshot_row (year, month, org_id, name, region_code, parent_id, root_id, root_name, filed, activated, reserved_amount, previous_reserved_amount, counted_amount, pending_amount)
         SELECT hdr.year, hdr.month, l.org_id, l.name, l.region_code, l.parent_id, l.root_id, l.root_name, l.filed, l.activated, l.reserved_amount, l.previous_reserved_amount, l.counted_amount, l.pending_amount
           FROM live l CROSS JOIN hdr`,
        [year, month, source, ctx.principal?.userId ?? null],
      );
      const info = (await this.snapshotInfo(tx, year, month)) as CompletionSnapshotInfo;
      this.log.log(`published completion snapshot ${year}-${month} (${info.unitCount} units, ${source})`);
      return info;
    });
  }

  /** The scheduled job: the month before `now`, once (a published month is left alone). */
  async publishPreviousMonth(ctx: RequestContext, now = new Date()): Promise<CompletionSnapshotInfo | null> {
    const t = shanghaiPeriod(now);
    const year = t.month === 1 ? t.year - 1 : t.year;
    const month = t.month === 1 ? 12 : t.month - 1;
    if (await this.snapshotInfo(ctx, year, month)) return null;
    try {
      return await this.publish(ctx, year, month, 'JOB', now);
    } catch (e) {
      if (e instanceof AppError && e.code === 'SNAPSHOT_EXISTS') return null; // another process won
      throw e;
    }
  }

  /** Region prefix and the SQL filter over organisation alias `o` ($3…): the region asked, within the caller's scope. */
  private scope(ctx: RequestContext, regionCode: string): { prefix: string; filter: string; params: unknown[] } {
    const p = ctx.requirePrincipal();
    const admin = p.hasRole(Role.PLATFORM_ADMIN);
    const code = String(regionCode ?? '');
    const prefix = code === WHOLE_COUNTRY ? '' : normalizePrefix(code, 'regionCode');
    if (admin)
      return prefix
        ? { prefix, filter: `AND o.region_code LIKE $3`, params: [`${prefix}%`] }
        : { prefix, filter: '', params: [] };
    const scope = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    if (!scope.some((s) => prefix.startsWith(s))) throw forbidden('This region is outside your scope');
    return {
      prefix,
      filter: `AND o.region_code LIKE $3 AND o.region_code LIKE ANY($4::text[])`,
      params: [`${prefix}%`, likeAny(scope)],
    };
  }

  private async labels(
    ctx: RequestContext,
    groupBy: SupervisionGroupBy,
    groups: Array<[string, UnitFigures]>,
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [key, u] of groups) {
      if (groupBy === SupervisionGroupBy.UNIT) out.set(key, u.name);
      else if (groupBy === SupervisionGroupBy.DEPARTMENT) out.set(key, u.root_name);
      else if (!key) out.set(key, '未设地区');
      else out.set(key, (await this.regions.find(ctx, padCode(key)))?.name ?? key);
    }
    return out;
  }
}

export function checkMonth(month: number, field = 'month'): number {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new AppError(ProcurementErrorCode.INVALID_MONTH, `${field} must be 1–12`, { field });
  return month;
}

function groupKey(groupBy: SupervisionGroupBy, u: UnitFigures): string {
  switch (groupBy) {
    case SupervisionGroupBy.CITY:
      return (u.region_code ?? '').slice(0, 4);
    case SupervisionGroupBy.COUNTY:
      return (u.region_code ?? '').slice(0, 6);
    case SupervisionGroupBy.DEPARTMENT:
      return u.root_id;
    default:
      return u.org_id;
  }
}

function regionOfKey(groupBy: SupervisionGroupBy, key: string, u: UnitFigures | undefined): string | null {
  if (groupBy === SupervisionGroupBy.CITY || groupBy === SupervisionGroupBy.COUNTY) return key ? padCode(key) : null;
  return u?.region_code ?? null;
}
