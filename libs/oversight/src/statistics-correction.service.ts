import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';

/**
 * Orders a confirmed finding excluded from statistics: one append-only correction row per order and
 * finding (a database trigger refuses UPDATE and DELETE), so an exclusion is recorded, never a
 * deletion of the sale. Statistics reads them through `excludedOrderIds` (see README: what is left).
 */
@Injectable()
export class StatisticsCorrectionService {
  constructor(private readonly db: Db) {}

  /** Records the corrections (joins the caller's transaction); returns how many orders were newly excluded. */
  async exclude(ctx: RequestContext, findingId: string, orderIds: string[], reason: string): Promise<number> {
    if (orderIds.length === 0) return 0;
    const rows: unknown[] = await this.db.manager(ctx).query(
      `INSERT INTO anomaly_statistics_correction (finding_id, order_id, reason, created_by)
       SELECT $1, o, $3, $4 FROM unnest($2::uuid[]) o
       WHERE NOT EXISTS (SELECT 1 FROM anomaly_statistics_correction c WHERE c.order_id = o)
       ON CONFLICT (finding_id, order_id) DO NOTHING
       RETURNING order_id`,
      [findingId, orderIds, reason, ctx.principal?.userId ?? null],
    );
    return rows.length;
  }

  /** Of the given orders (all when omitted), those excluded from statistics by a confirmed finding. */
  async excludedOrderIds(ctx: RequestContext, orderIds?: string[]): Promise<string[]> {
    const rows: Array<{ order_id: string }> = await this.db
      .manager(ctx)
      .query(
        `SELECT DISTINCT order_id FROM anomaly_statistics_correction WHERE ($1::uuid[] IS NULL OR order_id = ANY($1::uuid[])) ORDER BY order_id`,
        [orderIds ?? null],
      );
    return rows.map((r) => r.order_id);
  }
}
