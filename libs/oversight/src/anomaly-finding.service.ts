import { OversightErrorCode } from './oversight.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  badInput,
  type Connection,
  Db,
  forbidden,
  isUuid,
  notFound,
  type PageArgs,
  type RequestContext,
  Role,
  sqlNewestFirstPage,
} from '@bangfu/core';
import { UserService } from '@bangfu/identity';
import { OrderSignalsService } from '@bangfu/ordering';
import { normalizePrefix } from '@bangfu/region';
import { StatsExclusionService } from '@bangfu/statistics';
import {
  type AnomalyFigureData,
  type AnomalyKind,
  AnomalyStatus,
  type AnomalySubjectType,
  type DetectedVia,
} from './anomaly.entities';
import {
  AnomalyReviewDecision,
  type AnomalyEvidenceOrder,
  type AnomalyFindingFilter,
  type AnomalyFindingView,
} from './anomaly.types';
import { StatisticsCorrectionService } from './statistics-correction.service';
import { SuspensionProposalSource } from './suspension-proposal.entities';
import { SupplierSuspensionProposalService } from './suspension-proposal.service';

interface FindingRow {
  id: string;
  kind: AnomalyKind;
  severity: string;
  status: AnomalyStatus;
  subject_type: AnomalySubjectType;
  subject_id: string;
  subject_label: string;
  supplier_id: string | null;
  region_code: string;
  summary: string;
  figures: AnomalyFigureData[];
  order_ids: string[];
  detected_via: DetectedVia;
  detected_at: Date;
  updated_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_reason: string | null;
  excluded_from_statistics: boolean;
  suspension_proposal_id: string | null;
}

const SELECT = `SELECT f.* FROM anomaly_finding f`;

function toView(r: FindingRow, names: Map<string, string>): AnomalyFindingView {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity as AnomalyFindingView['severity'],
    status: r.status,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    supplierId: r.supplier_id,
    regionCode: r.region_code,
    summary: r.summary,
    evidence: { figures: r.figures.map((f) => ({ ...f, text: f.text ?? null })), orderIds: r.order_ids },
    detectedVia: r.detected_via,
    detectedAt: r.detected_at,
    updatedAt: r.updated_at,
    reviewedAt: r.reviewed_at,
    reviewerName: (r.reviewed_by && names.get(r.reviewed_by)) ?? null,
    reviewReason: r.review_reason,
    excludedFromStatistics: r.excluded_from_statistics,
    suspensionProposalId: r.suspension_proposal_id,
  };
}

export interface ReviewOptions {
  excludeFromStatistics?: boolean | null;
  proposeSuspension?: boolean | null;
}

/**
 * Findings for auditors: listed within the caller's region prefixes (in SQL; platform admins see all)
 * and reviewed by AUDITOR or PLATFORM_ADMIN. Confirming may exclude the finding's orders from
 * statistics (a correction per order, never a deletion) and propose suspending its supplier.
 */
@Injectable()
export class AnomalyFindingService {
  constructor(
    private readonly db: Db,
    private readonly orders: OrderSignalsService,
    private readonly corrections: StatisticsCorrectionService,
    private readonly proposals: SupplierSuspensionProposalService,
    private readonly stats: StatsExclusionService,
    private readonly users: UserService,
  ) {}

  /** Rows as views, with reviewers' names from identity (one query per page). */
  private async views(ctx: RequestContext, rows: FindingRow[]): Promise<AnomalyFindingView[]> {
    const names = await this.users.displayNames(
      ctx,
      rows.map((r) => r.reviewed_by),
    );
    return rows.map((r) => toView(r, names));
  }

  /** LIKE patterns of the caller's scope; null = everything (platform admin). */
  private scope(ctx: RequestContext, roles: Role[] = [Role.AUDITOR, Role.COORDINATOR]): string[] | null {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return null;
    return p.regionPrefixes(...roles).map((s) => `${s}%`);
  }

  async list(
    ctx: RequestContext,
    filter: AnomalyFindingFilter | null | undefined,
    { first, after }: PageArgs,
  ): Promise<Connection<AnomalyFindingView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const scope = this.scope(ctx);
    if (scope) where.push(`f.region_code LIKE ANY($${params.push(scope)}::text[])`);
    if (filter?.status) where.push(`f.status = $${params.push(filter.status)}`);
    if (filter?.kind) where.push(`f.kind = $${params.push(filter.kind)}`);
    if (filter?.subjectType) where.push(`f.subject_type = $${params.push(filter.subjectType)}`);
    const region = String(filter?.regionCode ?? '').trim();
    if (region && region !== '000000000000')
      where.push(`f.region_code LIKE $${params.push(`${normalizePrefix(region)}%`)}`);
    return sqlNewestFirstPage(
      this.db.manager(ctx),
      { select: SELECT, from: 'anomaly_finding f', time: 'f.detected_at', id: 'f.id', where, params },
      { first, after },
      (rows: FindingRow[]) => this.views(ctx, rows),
      (f) => [f.detectedAt, f.id],
    );
  }

  /** One finding in the caller's scope (NOT_FOUND when there is none, FORBIDDEN outside the scope). */
  async get(ctx: RequestContext, id: string, roles?: Role[]): Promise<AnomalyFindingView> {
    const rows: FindingRow[] = isUuid(id) ? await this.db.manager(ctx).query(`${SELECT} WHERE f.id = $1`, [id]) : [];
    if (!rows.length) throw notFound('AnomalyFinding', id);
    const scope = this.scope(ctx, roles);
    if (scope && !scope.some((s) => rows[0].region_code.startsWith(s.slice(0, -1))))
      throw forbidden('This finding is outside your region');
    return (await this.views(ctx, rows))[0];
  }

  /** The orders behind a finding, for links (the finding itself was scope-checked). */
  evidenceOrders(ctx: RequestContext, finding: AnomalyFindingView): Promise<AnomalyEvidenceOrder[]> {
    return this.orders.summaries(ctx, finding.evidence.orderIds);
  }

  async review(
    ctx: RequestContext,
    id: string,
    decision: AnomalyReviewDecision,
    reason: string,
    options: ReviewOptions = {},
  ): Promise<AnomalyFindingView> {
    const p = ctx.requirePrincipal();
    const why = String(reason ?? '').trim();
    if (!why || why.length > 2000) throw badInput('Give a reason of 1–2000 characters', { field: 'reason' });
    const confirm = decision === AnomalyReviewDecision.CONFIRM;
    if (!confirm && (options.excludeFromStatistics || options.proposeSuspension)) {
      throw badInput('Only a confirmed finding can exclude orders or propose a suspension', {
        field: options.excludeFromStatistics ? 'excludeFromStatistics' : 'proposeSuspension',
      });
    }
    return this.db.transaction(ctx, async (tx) => {
      // Scope first (auditors review in their own region only), then lock the row we are about to change.
      await this.get(tx, id, [Role.AUDITOR]);
      const [row]: FindingRow[] = await this.db
        .manager(tx)
        .query(`SELECT * FROM anomaly_finding WHERE id = $1 FOR UPDATE`, [id]);
      if (row.status !== AnomalyStatus.OPEN) {
        throw new AppError(
          OversightErrorCode.FINDING_ALREADY_REVIEWED,
          `This finding was already reviewed (${row.status})`,
          {
            status: row.status,
          },
        );
      }
      let proposalId: string | null = null;
      if (confirm && options.proposeSuspension) {
        if (!row.supplier_id)
          throw new AppError(
            OversightErrorCode.FINDING_HAS_NO_SUPPLIER,
            'This finding concerns no supplier; there is nobody to suspend',
            { field: 'proposeSuspension' },
          );
        const proposal = await this.proposals.propose(
          tx,
          row.supplier_id,
          SuspensionProposalSource.ANOMALY_FINDING,
          `${row.kind}: ${row.summary} — ${why}`,
          { sourceRef: row.id },
        );
        proposalId = proposal.id;
      }
      const exclude = confirm && !!options.excludeFromStatistics;
      if (exclude) {
        await this.corrections.exclude(tx, row.id, row.order_ids, `${row.kind}: ${why}`);
        // Statistics reverses what these orders counted, in this transaction (oversight imports statistics, not the reverse).
        await this.stats.excludeOrders(tx, row.order_ids, {
          source: 'ANOMALY_FINDING',
          sourceRef: row.id,
          reason: `${row.kind}: ${why}`,
        });
      }
      await this.db.manager(tx).query(
        `UPDATE anomaly_finding SET status = $2, reviewed_by = $3, reviewed_at = now(), review_reason = $4, excluded_from_statistics = $5,
                suspension_proposal_id = $6, updated_at = now()
          WHERE id = $1`,
        [id, confirm ? AnomalyStatus.CONFIRMED : AnomalyStatus.DISMISSED, p.userId, why, exclude, proposalId],
      );
      return this.get(tx, id);
    });
  }
}
