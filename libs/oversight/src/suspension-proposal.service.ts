import { OversightErrorCode } from './oversight.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  badInput,
  type Connection,
  Db,
  isUuid,
  lockRow,
  notFound,
  type PageArgs,
  type RequestContext,
  sqlNewestFirstPage,
} from '@bangfu/core';
import { AdmissionAction, SupplierService, type SupplierView } from '@bangfu/supplier';
import {
  SupplierSuspensionProposal,
  SuspensionProposalSource,
  SuspensionProposalStatus,
} from './suspension-proposal.entities';
import { SuspensionDecision, type SupplierSuspensionProposalView } from './suspension-proposal.types';

const SOURCES = new Set<string>(Object.values(SuspensionProposalSource));

interface ProposalRow {
  id: string;
  supplier_id: string;
  source: SuspensionProposalSource;
  source_ref: string;
  reason: string;
  status: SuspensionProposalStatus;
  proposed_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
}

const SELECT = `SELECT p.id, p.supplier_id, p.source, p.source_ref, p.reason, p.status, p.proposed_at, p.decided_at, p.decision_reason
                  FROM supplier_suspension_proposal p`;

function toView(r: ProposalRow, supplier: SupplierView | undefined): SupplierSuspensionProposalView {
  return {
    id: r.id,
    supplierId: r.supplier_id,
    supplierName: supplier?.name ?? '',
    supplierStatus: supplier?.status ?? '',
    source: r.source,
    sourceRef: r.source_ref,
    reason: r.reason,
    status: r.status,
    proposedAt: r.proposed_at,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
  };
}

function cleanReason(reason: string | null | undefined, field = 'reason'): string {
  const why = String(reason ?? '').trim();
  if (!why || why.length > 2000) throw badInput('Give a reason of 1–2000 characters', { field });
  return why;
}

/**
 * 动态退出: anything that concludes a supplier should stop selling (a confirmed anomaly finding,
 * repeated upheld complaints, a low rating) proposes a suspension here; the platform admin accepts
 * (the supplier moves APPROVED → SUSPENDED through the supplier lib's admission table) or rejects.
 */
@Injectable()
export class SupplierSuspensionProposalService {
  constructor(
    private readonly db: Db,
    private readonly suppliers: SupplierService,
  ) {}

  /** Rows as views, with each supplier's name and admission status from libs/supplier (one query per page). */
  private async views(ctx: RequestContext, rows: ProposalRow[]): Promise<SupplierSuspensionProposalView[]> {
    const suppliers = await this.suppliers.viewsByIds(ctx, [...new Set(rows.map((r) => r.supplier_id))]);
    const byId = new Map(suppliers.map((v) => [v.id, v]));
    return rows.map((r) => toView(r, byId.get(r.supplier_id)));
  }

  /**
   * For other domains (no role check: the caller decided a proposal is due). Idempotent: while a
   * proposal from the same source and reference is open, the open one is returned instead of a second.
   */
  async propose(
    ctx: RequestContext,
    supplierId: string,
    source: SuspensionProposalSource | `${SuspensionProposalSource}`,
    reason: string,
    options: { sourceRef?: string | null } = {},
  ): Promise<SupplierSuspensionProposalView> {
    if (!SOURCES.has(source)) throw badInput(`Unknown suspension proposal source ${source}`, { field: 'source' });
    const why = cleanReason(reason);
    const sourceRef = String(options.sourceRef ?? '').slice(0, 200);
    return this.db.transaction(ctx, async (tx) => {
      if (!(await this.suppliers.find(tx, supplierId))) throw notFound('Supplier', supplierId);
      const em = this.db.manager(tx);
      await em.query(
        `INSERT INTO supplier_suspension_proposal (supplier_id, source, source_ref, reason, proposed_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (supplier_id, source, source_ref) WHERE status = 'PROPOSED' DO NOTHING`,
        [supplierId, source, sourceRef, why, tx.principal?.userId ?? null],
      );
      const rows: ProposalRow[] = await em.query(
        `${SELECT} WHERE p.supplier_id = $1 AND p.source = $2 AND p.source_ref = $3 AND p.status = 'PROPOSED'`,
        [supplierId, source, sourceRef],
      );
      return (await this.views(tx, rows))[0];
    });
  }

  /** Newest first; platform admins only (the resolver says so). */
  async list(
    ctx: RequestContext,
    status: SuspensionProposalStatus | null | undefined,
    { first, after }: PageArgs,
  ): Promise<Connection<SupplierSuspensionProposalView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (status) where.push(`p.status = $${params.push(status)}`);
    return sqlNewestFirstPage(
      this.db.manager(ctx),
      { select: SELECT, from: 'supplier_suspension_proposal p', time: 'p.proposed_at', id: 'p.id', where, params },
      { first, after },
      (rows: ProposalRow[]) => this.views(ctx, rows),
      (p) => [p.proposedAt, p.id],
    );
  }

  async get(ctx: RequestContext, id: string): Promise<SupplierSuspensionProposalView> {
    const rows: ProposalRow[] = isUuid(id) ? await this.db.manager(ctx).query(`${SELECT} WHERE p.id = $1`, [id]) : [];
    if (!rows.length) throw notFound('SupplierSuspensionProposal', id);
    return (await this.views(ctx, rows))[0];
  }

  /** Platform admin: ACCEPT suspends the supplier in the same transaction; REJECT closes the proposal. */
  async decide(
    ctx: RequestContext,
    id: string,
    decision: SuspensionDecision,
    reason: string,
  ): Promise<SupplierSuspensionProposalView> {
    const why = cleanReason(reason);
    return this.db.transaction(ctx, async (tx) => {
      const proposal = await lockRow(this.db, tx, SupplierSuspensionProposal, id, 'SupplierSuspensionProposal');
      if (proposal.status !== SuspensionProposalStatus.PROPOSED) {
        throw new AppError(
          OversightErrorCode.PROPOSAL_ALREADY_DECIDED,
          `This proposal was already decided (${proposal.status})`,
          {
            status: proposal.status,
          },
        );
      }
      const accepted = decision === SuspensionDecision.ACCEPT;
      if (accepted) await this.suppliers.transition(tx, proposal.supplierId, AdmissionAction.SUSPEND, why);
      await this.db.repo(tx, SupplierSuspensionProposal).update(
        { id },
        {
          status: accepted ? SuspensionProposalStatus.ACCEPTED : SuspensionProposalStatus.REJECTED,
          decidedBy: tx.requirePrincipal().userId,
          decidedAt: new Date(),
          decisionReason: why,
        },
      );
      return this.get(tx, id);
    });
  }
}
