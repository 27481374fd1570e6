import { Inject, Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { SupplierSuspensionProposalService, SuspensionProposalSource } from '@bangfu/oversight';
import { SupplierWarning, SupplierWarningLevel } from './aftersales.entities';
import {
  AFTERSALES_CONFIG,
  type AftersalesConfig,
  type AftersalesRule,
  aftersalesRules,
  type SupplierFacts,
} from './aftersales.rules';
import { AftersalesNotifier } from './notify';

/**
 * 动态退出: after an upheld complaint or a new rating, the rules (aftersales.rules.ts) look at the
 * supplier's record; a rule that fires writes a SupplierWarning (once per rule and window), tells the
 * supplier, and at PROPOSAL level asks oversight to propose a suspension to the platform admin.
 */
@Injectable()
export class SupplierRulesService {
  private readonly rules: AftersalesRule[];
  constructor(
    private readonly db: Db,
    private readonly notify: AftersalesNotifier,
    private readonly proposals: SupplierSuspensionProposalService,
    @Inject(AFTERSALES_CONFIG) config: AftersalesConfig,
  ) {
    this.rules = aftersalesRules(config);
  }

  /** Runs inside the caller's transaction; returns the warnings it wrote. */
  async evaluate(tx: RequestContext, supplierId: string): Promise<SupplierWarning[]> {
    const em = this.db.manager(tx);
    // One evaluation per supplier at a time, so two upheld complaints at once cannot both warn.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('aftersales-rules'), hashtext($1))`, [supplierId]);
    const facts = this.facts(tx, supplierId);
    const written: SupplierWarning[] = [];
    for (const rule of this.rules) {
      const hit = await rule.test(facts);
      if (!hit) continue;
      const [{ n }] = await em.query(
        `SELECT count(*)::int AS n FROM supplier_warning WHERE supplier_id = $1 AND rule_code = $2 AND created_at > now() - make_interval(days => $3)`,
        [supplierId, rule.code, rule.windowDays],
      );
      if (n > 0) continue;
      const repo = this.db.repo(tx, SupplierWarning);
      const warning = await repo.save(
        repo.create({
          supplierId,
          ruleCode: rule.code,
          level: rule.level,
          reason: hit.reason,
          figures: hit.figures,
          proposalId: null,
        }),
      );
      if (rule.level === SupplierWarningLevel.PROPOSAL) {
        warning.proposalId = await this.proposeSuspension(tx, supplierId, rule, hit.reason, warning.id);
        await repo.update({ id: warning.id }, { proposalId: warning.proposalId });
      }
      await this.notify.supplier(tx, supplierId, {
        kind: rule.level === SupplierWarningLevel.PROPOSAL ? 'SUPPLIER_SUSPENSION_PROPOSED' : 'SUPPLIER_WARNED',
        title:
          rule.level === SupplierWarningLevel.PROPOSAL
            ? `售后记录触发暂停资格提议：${hit.reason}`
            : `售后预警：${hit.reason}`,
        data: { warningId: warning.id, ruleCode: rule.code },
      });
      written.push(warning);
    }
    return written;
  }

  /** The one call site into oversight (the platform admin's suspension proposals). */
  private async proposeSuspension(
    tx: RequestContext,
    supplierId: string,
    rule: AftersalesRule,
    reason: string,
    warningId: string,
  ): Promise<string> {
    const source = rule.code.startsWith('LOW_RATING')
      ? SuspensionProposalSource.RATING
      : SuspensionProposalSource.COMPLAINTS;
    const proposal = await this.proposals.propose(tx, supplierId, source, reason, {
      sourceRef: `aftersales:${warningId}`,
    });
    return proposal.id;
  }

  list(ctx: RequestContext, supplierId: string, limit = 20): Promise<SupplierWarning[]> {
    return this.db
      .repo(ctx, SupplierWarning)
      .find({ where: { supplierId }, order: { createdAt: 'DESC' }, take: limit });
  }

  private facts(tx: RequestContext, supplierId: string): SupplierFacts {
    const em = this.db.manager(tx);
    return {
      upheldWithin: async (days) => {
        const [{ n }] = await em.query(
          `SELECT count(*)::int AS n FROM complaint WHERE supplier_id = $1 AND status = 'UPHELD' AND decided_at > now() - make_interval(days => $2)`,
          [supplierId, days],
        );
        return n;
      },
      ratingsWithin: async (days) => {
        const [row] = await em.query(
          `SELECT count(*)::int AS n, avg(score)::float8 AS avg FROM supplier_rating WHERE supplier_id = $1 AND created_at > now() - make_interval(days => $2)`,
          [supplierId, days],
        );
        return { count: row.n, average: row.avg === null ? null : Number(row.avg) };
      },
    };
  }
}
