import { Injectable, Logger } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { type AnomalyKind, AnomalyStatus, DetectedVia } from './anomaly.entities';
import { ANOMALY_RULES, type Candidate, type DetectionScope, thresholdsResolver } from './anomaly.rules';
import { DetectorDepsFactory } from './detector-deps';
import { AnomalyThresholdService } from './anomaly-threshold.service';

export interface DetectionResult {
  candidates: number;
  opened: number;
  /** Open findings whose evidence this run refreshed (same evidence key or, for bursts, a shared order). */
  refreshed: number;
  openedIds: string[];
}

export const evidenceKey = (c: Candidate): string => `${c.kind}:${c.subjectType}:${c.subjectId}:${c.fingerprint}`;
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Runs the rules and records what they find. A finding is opened once per evidence key (unique in
 * the table, so an event and the schedule racing each other still open one); later runs only
 * refresh the figures and add orders while it is OPEN, and never touch a reviewed one.
 */
@Injectable()
export class AnomalyDetectionService {
  private readonly log = new Logger('AnomalyDetection');
  constructor(
    private readonly db: Db,
    private readonly deps: DetectorDepsFactory,
    private readonly thresholds: AnomalyThresholdService,
  ) {}

  /** `regionPrefix` ('' = everywhere) keeps only findings in that subtree; `kinds` limits the rules run. */
  async run(
    ctx: RequestContext,
    scope: DetectionScope,
    via: DetectedVia,
    options: { regionPrefix?: string; kinds?: AnomalyKind[] } = {},
  ): Promise<DetectionResult> {
    const result: DetectionResult = { candidates: 0, opened: 0, refreshed: 0, openedIds: [] };
    const deps = this.deps.forRun(ctx);
    // Detect everything first, record afterwards. Recording a burst takes a transaction-scoped advisory
    // lock, and a run called inside a transaction (every event consumer runs in the dispatcher's, the
    // admin's scan in its mutation's) holds it until that transaction commits: recorded between rules,
    // the lock stayed held while the later rules ran their queries, so every other consumer of the same
    // supplier sat waiting on pg_advisory_xact_lock behind a session idle in transaction. Recorded at
    // the end, it is held for the few statements between the last record and the commit.
    const found: Candidate[] = [];
    // Every rule's regional overrides in one statement (an order event runs six rules).
    const overrides = await this.thresholds.overridesByKind(ctx);
    for (const rule of ANOMALY_RULES) {
      if (options.kinds && !options.kinds.includes(rule.kind)) continue;
      const th = thresholdsResolver(rule, overrides.get(rule.kind) ?? []);
      const candidates = (await rule.detect(ctx, deps, scope, th)).filter((c) =>
        c.regionCode.startsWith(options.regionPrefix ?? ''),
      );
      // Within a rule in evidence-key order, so concurrent runs take their locks in the same order.
      found.push(...candidates.sort((a, b) => compareKeys(evidenceKey(a), evidenceKey(b))));
    }
    result.candidates = found.length;
    for (const c of found) {
      const r = await this.record(ctx, c, via);
      if (r.opened) {
        result.opened++;
        result.openedIds.push(r.id);
      } else if (r.refreshed) result.refreshed++;
    }
    if (result.opened) this.log.log(`${via}: opened ${result.opened} finding(s), refreshed ${result.refreshed}`);
    return result;
  }

  /** The admin's `runAnomalyDetection`: the scan as one mutation, so in one transaction (all or nothing). */
  runNow(ctx: RequestContext, regionPrefix: string): Promise<DetectionResult> {
    return this.db.transaction(ctx, (tx) =>
      this.run(tx, { orderIds: null, now: new Date() }, DetectedVia.MANUAL, { regionPrefix }),
    );
  }

  /** One candidate, in its own transaction: opened, or merged into the finding holding the same evidence. */
  private record(
    ctx: RequestContext,
    c: Candidate,
    via: DetectedVia,
  ): Promise<{ id: string; opened: boolean; refreshed: boolean }> {
    return this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      if (c.mergeOnOverlap) {
        // Serialise runs on this subject so two overlapping bursts cannot both open.
        await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1764001900))`, [`${c.kind}:${c.subjectId}`]);
        const [hit]: Array<{ id: string; status: AnomalyStatus }> = await m.query(
          `SELECT id, status FROM anomaly_finding WHERE kind = $1 AND subject_id = $2 AND order_ids && $3::uuid[] ORDER BY detected_at LIMIT 1 FOR UPDATE`,
          [c.kind, c.subjectId, c.orderIds],
        );
        if (hit)
          return {
            id: hit.id,
            opened: false,
            refreshed: hit.status === AnomalyStatus.OPEN && (await this.refresh(tx, hit.id, c)),
          };
      }
      const rows: Array<{ id: string; inserted: boolean }> = await m.query(
        `INSERT INTO anomaly_finding (kind, severity, subject_type, subject_id, subject_label, supplier_id, region_code, summary, figures, order_ids, evidence_key, detected_via)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::uuid[], $11, $12)
         ON CONFLICT (evidence_key) DO NOTHING
         RETURNING id, true AS inserted`,
        [
          c.kind,
          c.severity,
          c.subjectType,
          c.subjectId,
          c.subjectLabel,
          c.supplierId,
          c.regionCode,
          c.summary,
          JSON.stringify(c.figures),
          c.orderIds,
          evidenceKey(c),
          via,
        ],
      );
      if (rows.length) return { id: rows[0].id, opened: true, refreshed: false };
      const [existing]: Array<{ id: string; status: AnomalyStatus }> = await m.query(
        `SELECT id, status FROM anomaly_finding WHERE evidence_key = $1 FOR UPDATE`,
        [evidenceKey(c)],
      );
      return {
        id: existing.id,
        opened: false,
        refreshed: existing.status === AnomalyStatus.OPEN && (await this.refresh(tx, existing.id, c)),
      };
    });
  }

  /** An open finding takes the latest figures and any new orders; true when something changed. */
  private async refresh(tx: RequestContext, id: string, c: Candidate): Promise<boolean> {
    const [, changed]: [unknown, number] = await this.db.manager(tx).query(
      `UPDATE anomaly_finding f SET figures = $2::jsonb, summary = $3, severity = $4, updated_at = now(),
              order_ids = (SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}') FROM unnest(f.order_ids || $5::uuid[]) x)
        WHERE f.id = $1 AND f.status = 'OPEN'
          AND (f.figures IS DISTINCT FROM $2::jsonb OR f.severity IS DISTINCT FROM $4 OR NOT (f.order_ids @> $5::uuid[]))`,
      [id, JSON.stringify(c.figures), c.summary, c.severity, c.orderIds],
    );
    return changed > 0;
  }
}
