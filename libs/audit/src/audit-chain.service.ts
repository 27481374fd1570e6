import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { addDays, dayStart, shanghaiDate } from '@bangfu/locale';
import { AuditSealer } from './audit-sealer';
import type { AuditChainCheckpoint, AuditChainStatus, AuditChainVerification } from './audit.types';

const GENESIS = '0'.repeat(64);

/**
 * Recomputes the chain in SQL with the same `audit_event_hash` the append trigger used. An event is
 * broken when its stored hash differs from its content's (edited), when its `prev_hash` is not the
 * hash of the event before it or its predecessor is missing (deleted, reordered, inserted), or when
 * a published checkpoint names it with another hash (the chain was rewritten consistently after).
 * The event just before the period is read too, so the first event's link is checked.
 */
const VERIFY_SQL = `
  WITH bounds AS (SELECT min(seq) AS lo, max(seq) AS hi FROM audit_event WHERE at >= $1 AND at < $2),
  r AS (
    SELECT e.id, e.seq, e.hash, e.prev_hash, audit_event_hash(e) AS expected,
           lag(e.hash) OVER w AS prev_row_hash, lag(e.seq) OVER w AS prev_seq
    FROM audit_event e, bounds b
    WHERE e.seq BETWEEN b.lo - 1 AND b.hi
    WINDOW w AS (ORDER BY e.seq)
  ),
  broken AS (
    SELECT r.id, r.seq FROM r, bounds b
    WHERE r.seq >= b.lo AND (
      r.hash <> r.expected
      OR (r.prev_seq IS NULL AND NOT (r.seq = 1 AND r.prev_hash = '${GENESIS}'))
      OR (r.prev_seq IS NOT NULL AND (r.prev_seq <> r.seq - 1 OR r.prev_hash <> r.prev_row_hash))
    )
    UNION ALL
    SELECT e.id, e.seq FROM audit_chain_checkpoint c JOIN audit_event e ON e.seq = c.head_seq, bounds b
    WHERE c.head_seq BETWEEN b.lo AND b.hi AND e.hash <> c.head_hash
  )
  SELECT (SELECT count(*) FROM r, bounds b WHERE r.seq >= b.lo)::bigint AS checked,
         (SELECT id FROM broken ORDER BY seq LIMIT 1) AS broken,
         (SELECT hi FROM bounds) AS hi,
         (SELECT max(seq) FROM audit_event) AS last_seq,
         (SELECT seq FROM audit_chain_head) AS head_seq`;

@Injectable()
export class AuditChainService {
  constructor(
    private readonly db: Db,
    private readonly sealer: AuditSealer,
  ) {}

  async verify(ctx: RequestContext, from: Date, to: Date): Promise<AuditChainVerification> {
    await this.sealer.now();
    const [row] = await this.db.manager(ctx).query(VERIFY_SQL, [from, to]);
    // Events cut off the end of the chain leave no successor to name: the head still counts them.
    const tailCut = to.getTime() > Date.now() - 1000 && Number(row.head_seq) !== Number(row.last_seq ?? 0);
    return {
      ok: !row.broken && !tailCut,
      checkedCount: Number(row.checked),
      firstBrokenEventId: row.broken ?? null,
      from,
      to,
    };
  }

  /**
   * Verifies one Asia/Shanghai day and publishes its chain head (the last event before the day's
   * end) as an append-only checkpoint. Verifying a day twice publishes twice; both rows stand.
   */
  async verifyDay(ctx: RequestContext, day: string): Promise<AuditChainCheckpoint> {
    const from = dayStart(day);
    const to = dayStart(day, 'end');
    return this.db.transaction(ctx, async (tx) => {
      const v = await this.verify(tx, from, to);
      const [head] = await this.db
        .manager(tx)
        .query(`SELECT seq, hash FROM audit_event WHERE at < $1 ORDER BY seq DESC LIMIT 1`, [to]);
      const [cp] = await this.db.manager(tx).query(
        `INSERT INTO audit_chain_checkpoint (day, ok, checked_count, first_broken_event_id, head_seq, head_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING verified_at`,
        [day, v.ok, v.checkedCount, v.firstBrokenEventId, head?.seq ?? 0, head?.hash ?? GENESIS],
      );
      return {
        day,
        verifiedAt: cp.verified_at,
        ok: v.ok,
        checkedCount: v.checkedCount,
        firstBrokenEventId: v.firstBrokenEventId,
        headSeq: Number(head?.seq ?? 0),
        headHash: head?.hash ?? GENESIS,
      };
    });
  }

  async status(ctx: RequestContext, limit = 10): Promise<AuditChainStatus> {
    await this.sealer.now();
    const em = this.db.manager(ctx);
    const [head] = await em.query(`SELECT seq, hash FROM audit_chain_head WHERE id = 1`);
    const rows = await em.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, verified_at, ok, checked_count, first_broken_event_id, head_seq, head_hash
       FROM audit_chain_checkpoint ORDER BY verified_at DESC LIMIT $1`,
      [limit],
    );
    return {
      headSeq: Number(head.seq),
      headHash: head.hash,
      checkpoints: rows.map((r: Record<string, unknown>) => ({
        day: r.day as string,
        verifiedAt: r.verified_at as Date,
        ok: r.ok as boolean,
        checkedCount: Number(r.checked_count),
        firstBrokenEventId: (r.first_broken_event_id as string | null) ?? null,
        headSeq: Number(r.head_seq),
        headHash: r.head_hash as string,
      })),
    };
  }
}

/** Yesterday in Asia/Shanghai (UTC+8, no DST) as YYYY-MM-DD: the day the nightly job verifies. */
export function previousShanghaiDay(now = new Date()): string {
  return addDays(shanghaiDate(now), -1);
}
