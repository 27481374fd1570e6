import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { AnomalyStatus, DetectedVia } from './anomaly.entities';
import { type Candidate, EXTERNAL_FINDING_KINDS } from './anomaly.rules';

/**
 * What another domain reports: a detector's candidate (the fingerprint identifies the evidence within kind and
 * subject, e.g. the dispute id, and never opens a second finding), orders optional, never merged.
 */
export type ExternalFindingInput = Omit<Candidate, 'orderIds' | 'mergeOnOverlap'> & { orderIds?: string[] };

/**
 * Findings another domain records as they happen (kinds of EXTERNAL_FINDING_KINDS), in the caller's
 * transaction: the finding exists exactly when the record that caused it commits. Needs only the
 * database, so the caller imports `ExternalFindingModule` without oversight's detectors and their
 * domains (and oversight never imports the caller: the graph stays acyclic).
 */
@Injectable()
export class ExternalFindingService {
  constructor(private readonly db: Db) {}

  /** Opens an OPEN finding, or returns the one already holding this evidence (never refreshed: it is a record). */
  async record(
    ctx: RequestContext,
    input: ExternalFindingInput,
  ): Promise<{ id: string; opened: boolean; status: AnomalyStatus }> {
    // A detector's kind recorded from outside would bypass its thresholds: a programming error, not input.
    if (!EXTERNAL_FINDING_KINDS.has(input.kind))
      throw new Error(`${input.kind} is found by oversight's detectors, not recorded from outside`);
    if (!/^[0-9]{12}$/.test(input.regionCode))
      throw new Error(`regionCode ${input.regionCode} is not a 12-digit division code`);
    const key = `${input.kind}:${input.subjectType}:${input.subjectId}:${input.fingerprint}`;
    const m = this.db.manager(ctx);
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO anomaly_finding (kind, severity, subject_type, subject_id, subject_label, supplier_id, region_code, summary, figures, order_ids, evidence_key, detected_via)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::uuid[], $11, $12)
       ON CONFLICT (evidence_key) DO NOTHING
       RETURNING id`,
      [
        input.kind,
        input.severity,
        input.subjectType,
        input.subjectId,
        input.subjectLabel,
        input.supplierId,
        input.regionCode,
        input.summary,
        JSON.stringify(input.figures),
        input.orderIds ?? [],
        key,
        DetectedVia.EVENT,
      ],
    );
    if (rows.length) return { id: rows[0].id, opened: true, status: AnomalyStatus.OPEN };
    const [existing]: Array<{ id: string; status: AnomalyStatus }> = await m.query(
      `SELECT id, status FROM anomaly_finding WHERE evidence_key = $1`,
      [key],
    );
    return { id: existing.id, opened: false, status: existing.status };
  }
}
