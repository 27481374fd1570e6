import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import type { Fen } from '@bangfu/money';
import { ReconciliationDifference, ReconciliationReport } from './attribution.types';
import { planOrder } from './engine';
import { AttributionFactsLoader } from './facts';
import { monthsBetween, parseRange, type Range } from './periods';

const CHUNK = 500;
const REPORTED = 500;
const entryKey = (lineId: string, eventKey: string, beneficiaryKey: string, lotId: string | null) =>
  `${lineId}|${eventKey}|${beneficiaryKey}|${lotId ?? '-'}`;

interface Expected {
  orderId: string;
  orderLineId: string;
  amount: Fen;
  ruleId: string | null;
  period: string;
}

/**
 * Rebuilds a period's attribution from ordering's facts (lines, shipment allocations, refunds,
 * history), the lot contributions, linkages and rule versions, and reports every difference from
 * what is stored: entries, counted lines, and the rollups (over the whole months the period touches).
 * Read-only apart from the report row it records.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly db: Db,
    private readonly facts: AttributionFactsLoader,
  ) {}

  /** Runs on one snapshot (db.snapshot), or in the caller's transaction when there is one. */
  async reconcile(ctx: RequestContext, from: string, to: string): Promise<ReconciliationReport> {
    const range = parseRange(from, to);
    return this.db.snapshot(ctx, (tx) => this.run(tx, range));
  }

  private async run(ctx: RequestContext, range: Range): Promise<ReconciliationReport> {
    const differences: ReconciliationDifference[] = [];
    const diff = (d: ReconciliationDifference) => differences.push(d);
    const totals = { orders: 0, lines: 0, entries: 0, expected: 0, stored: 0, capped: 0 };

    const orderIds = await this.candidateOrders(ctx, range);
    for (let i = 0; i < orderIds.length; i += CHUNK) {
      const chunk = orderIds.slice(i, i + CHUNK);
      await this.reconcileOrders(ctx, chunk, range, diff, totals);
    }
    await this.reconcileRollups(ctx, monthsBetween(range.fromPeriod, range.toPeriod), diff);

    const report: ReconciliationReport = {
      id: '',
      from: range.from,
      to: range.to,
      ok: differences.length === 0,
      ordersChecked: totals.orders,
      linesChecked: totals.lines,
      entriesChecked: totals.entries,
      expectedAmount: totals.expected,
      storedAmount: totals.stored,
      cappedLines: totals.capped,
      differenceCount: differences.length,
      differences: differences.slice(0, REPORTED),
    };
    const [row] = await this.db
      .manager(ctx)
      .query(
        `INSERT INTO attribution_reconciliation (from_at, to_at, ok, difference_count, report, actor_user_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
        [
          range.from,
          range.to,
          report.ok,
          report.differenceCount,
          JSON.stringify({ ...report, id: undefined }),
          ctx.userId,
        ],
      );
    report.id = row.id;
    return report;
  }

  /**
   * Orders that counted or were refunded around the period (a day's slack each side: ordering's reader),
   * or have entries in it.
   */
  private async candidateOrders(ctx: RequestContext, range: Range): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `SELECT order_id AS id FROM attribution_entry WHERE occurred_at >= $1 AND occurred_at < $2
       UNION SELECT order_id FROM attribution_line WHERE counted_at >= $1 AND counted_at < $2`,
      [range.from, range.to],
    );
    const touching = await this.facts.orderIdsTouching(ctx, range.from, range.to);
    return [...new Set([...touching, ...rows.map((r) => r.id)])].sort();
  }

  private async reconcileOrders(
    ctx: RequestContext,
    orderIds: string[],
    range: Range,
    diff: (d: ReconciliationDifference) => void,
    totals: { orders: number; lines: number; entries: number; expected: number; stored: number; capped: number },
  ): Promise<void> {
    const inRange = (t: Date) => t.getTime() >= range.from.getTime() && t.getTime() < range.to.getTime();
    const loaded = await this.facts.load(ctx, orderIds);
    const expected = new Map<string, Expected>();
    const expectedLines = new Map<
      string,
      {
        orderId: string;
        gross: Fen;
        uncapped: Fen;
        ruleId: string | null;
        refunded: Fen;
        attributed: Fen;
        countedInRange: boolean;
      }
    >();
    for (const order of loaded.orders) {
      totals.orders += 1;
      for (const p of planOrder(order, loaded.rules, loaded.world)) {
        const countedInRange = inRange(p.countedAt);
        expectedLines.set(p.line.id, {
          orderId: order.id,
          gross: p.gross,
          uncapped: p.uncapped,
          ruleId: p.rule?.id ?? null,
          refunded: p.refunded,
          attributed: p.attributed,
          countedInRange,
        });
        if (countedInRange && p.capped) totals.capped += 1;
        for (const ev of p.events) {
          if (!inRange(ev.occurredAt)) continue;
          for (const part of ev.parts) {
            expected.set(entryKey(p.line.id, ev.eventKey, part.key, part.lotId), {
              orderId: order.id,
              orderLineId: p.line.id,
              amount: part.amount,
              ruleId: p.rule?.id ?? null,
              period: ev.period,
            });
            totals.expected += part.amount;
          }
        }
      }
    }

    const m = this.db.manager(ctx);
    const storedLines: Array<Record<string, any>> = await m.query(
      `SELECT * FROM attribution_line WHERE order_id = ANY($1::uuid[])`,
      [orderIds],
    );
    const storedLineIds = new Set<string>();
    for (const s of storedLines) {
      storedLineIds.add(s.order_line_id);
      const e = expectedLines.get(s.order_line_id);
      const storedInRange = inRange(new Date(s.counted_at));
      if (!e) {
        if (storedInRange)
          diff({
            kind: 'UNEXPECTED_LINE',
            orderId: s.order_id,
            orderLineId: s.order_line_id,
            key: s.order_line_id,
            expected: null,
            stored: `counted ${new Date(s.counted_at).toISOString()}`,
          });
        continue;
      }
      if (!storedInRange && !e.countedInRange) continue;
      totals.lines += 1;
      const want = `gross ${e.gross} uncapped ${e.uncapped} rule ${e.ruleId} refunded ${e.refunded} attributed ${e.attributed}`;
      const got = `gross ${Number(s.gross_amount)} uncapped ${Number(s.uncapped_amount)} rule ${s.rule_id} refunded ${Number(s.refunded_amount)} attributed ${Number(s.attributed_amount)}`;
      if (want !== got)
        diff({
          kind: 'LINE_MISMATCH',
          orderId: s.order_id,
          orderLineId: s.order_line_id,
          key: s.order_line_id,
          expected: want,
          stored: got,
        });
    }
    for (const [lineId, e] of expectedLines) {
      if (e.countedInRange && !storedLineIds.has(lineId))
        diff({
          kind: 'MISSING_LINE',
          orderId: e.orderId,
          orderLineId: lineId,
          key: lineId,
          expected: `gross ${e.gross}`,
          stored: null,
        });
    }

    const stored: Array<Record<string, any>> = await m.query(
      `SELECT order_id, order_line_id, event_key, beneficiary_key, lot_id, amount, rule_id, period FROM attribution_entry
        WHERE order_id = ANY($1::uuid[]) AND occurred_at >= $2 AND occurred_at < $3`,
      [orderIds, range.from, range.to],
    );
    const seen = new Set<string>();
    for (const s of stored) {
      const key = entryKey(s.order_line_id, s.event_key, s.beneficiary_key, s.lot_id);
      seen.add(key);
      const amount = Number(s.amount);
      totals.entries += 1;
      totals.stored += amount;
      const e = expected.get(key);
      if (!e)
        diff({
          kind: 'UNEXPECTED_ENTRY',
          orderId: s.order_id,
          orderLineId: s.order_line_id,
          key,
          expected: null,
          stored: String(amount),
        });
      else if (e.amount !== amount)
        diff({
          kind: 'AMOUNT_MISMATCH',
          orderId: s.order_id,
          orderLineId: s.order_line_id,
          key,
          expected: String(e.amount),
          stored: String(amount),
        });
      else if (e.ruleId !== s.rule_id || e.period !== s.period) {
        diff({
          kind: 'RULE_MISMATCH',
          orderId: s.order_id,
          orderLineId: s.order_line_id,
          key,
          expected: `${e.ruleId} ${e.period}`,
          stored: `${s.rule_id} ${s.period}`,
        });
      }
    }
    for (const [key, e] of expected) {
      if (!seen.has(key))
        diff({
          kind: 'MISSING_ENTRY',
          orderId: e.orderId,
          orderLineId: e.orderLineId,
          key,
          expected: String(e.amount),
          stored: null,
        });
    }
  }

  /** Rollups against the stored entries of whole months (and household counters against household months). */
  private async reconcileRollups(
    ctx: RequestContext,
    months: string[],
    diff: (d: ReconciliationDifference) => void,
  ): Promise<void> {
    const m = this.db.manager(ctx);
    const report = (table: string, rows: Array<{ k: string; expected: string | null; stored: string | null }>) => {
      for (const r of rows)
        diff({
          kind: 'ROLLUP_MISMATCH',
          orderId: null,
          orderLineId: null,
          key: `${table}:${r.k}`,
          expected: r.expected,
          stored: r.stored,
        });
    };
    report(
      'attribution_monthly',
      await m.query(
        `WITH e AS (SELECT beneficiary_key, period, product_id, sum(amount) AS amount FROM attribution_entry WHERE period = ANY($1::text[]) GROUP BY 1, 2, 3),
              r AS (SELECT beneficiary_key, period, product_id, amount FROM attribution_monthly WHERE period = ANY($1::text[]))
         SELECT concat_ws('|', coalesce(e.beneficiary_key, r.beneficiary_key), coalesce(e.period, r.period), coalesce(e.product_id, r.product_id)) AS k,
                e.amount::text AS expected, r.amount::text AS stored
           FROM e FULL JOIN r ON r.beneficiary_key = e.beneficiary_key AND r.period = e.period AND r.product_id = e.product_id
          WHERE coalesce(e.amount, 0) <> coalesce(r.amount, 0)`,
        [months],
      ),
    );
    report(
      'attribution_household_month',
      await m.query(
        `WITH e AS (SELECT household_id, period, sum(amount) AS amount FROM attribution_entry WHERE household_id IS NOT NULL AND period = ANY($1::text[]) GROUP BY 1, 2),
              r AS (SELECT household_id, period, amount FROM attribution_household_month WHERE period = ANY($1::text[]))
         SELECT concat_ws('|', coalesce(e.household_id, r.household_id), coalesce(e.period, r.period)) AS k, e.amount::text AS expected, r.amount::text AS stored
           FROM e FULL JOIN r ON r.household_id = e.household_id AND r.period = e.period
          WHERE coalesce(e.amount, 0) <> coalesce(r.amount, 0)`,
        [months],
      ),
    );
    report(
      'attribution_region_month',
      await m.query(
        `WITH a AS (SELECT region_code, period,
                           sum(amount) FILTER (WHERE beneficiary_kind = 'HOUSEHOLD') AS h, sum(amount) FILTER (WHERE beneficiary_kind = 'VILLAGE_COLLECTIVE') AS v,
                           sum(amount) FILTER (WHERE beneficiary_kind = 'COOPERATIVE') AS c, sum(amount) FILTER (WHERE beneficiary_kind = 'UNASSIGNED') AS u
                      FROM attribution_entry WHERE period = ANY($1::text[]) GROUP BY 1, 2),
              d AS (SELECT region_code, period, count(*) AS d, count(*) FILTER (WHERE status = 'EX_POVERTY') AS e, count(*) FILTER (WHERE status = 'MONITORED') AS mo
                      FROM attribution_household_month WHERE period = ANY($1::text[]) AND amount > 0 GROUP BY 1, 2),
              e AS (SELECT coalesce(a.region_code, d.region_code) AS region_code, coalesce(a.period, d.period) AS period,
                           concat_ws(' ', coalesce(a.h, 0), coalesce(a.v, 0), coalesce(a.c, 0), coalesce(a.u, 0), coalesce(d.d, 0), coalesce(d.e, 0), coalesce(d.mo, 0)) AS v
                      FROM a FULL JOIN d ON d.region_code = a.region_code AND d.period = a.period),
              r AS (SELECT region_code, period, concat_ws(' ', household_amount, village_collective_amount, cooperative_amount, unassigned_amount,
                                                          households_driven, ex_poverty_households_driven, monitored_households_driven) AS v
                      FROM attribution_region_month WHERE period = ANY($1::text[]))
         SELECT concat_ws('|', coalesce(e.region_code, r.region_code), coalesce(e.period, r.period)) AS k, e.v AS expected, r.v AS stored
           FROM e FULL JOIN r ON r.region_code = e.region_code AND r.period = e.period
          WHERE coalesce(e.v, '0 0 0 0 0 0 0') <> coalesce(r.v, '0 0 0 0 0 0 0')`,
        [months],
      ),
    );
  }
}
