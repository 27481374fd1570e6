import { AttributionErrorCode } from './attribution.errors';
import { Injectable, Logger } from '@nestjs/common';
import { AppError, assertUuid, Db, notFound, type RequestContext } from '@bangfu/core';
import type { OrderFacts as EventOrderFacts } from '@bangfu/events';
import type { Fen } from '@bangfu/money';
import { AttributionWriter, type Batch, type EntryRow } from './attribution-writer';
import {
  type BeneficiaryKind,
  lineRefunds,
  type OrderFacts,
  type Part,
  type PlannedLine,
  planOrder,
  refundEventKey,
  refundStep,
  slotKey,
  subtractParts,
} from './engine';
import { AttributionFactsLoader, type LoadedFacts, orderFactsOf } from './facts';
import { periodOf } from './periods';

/** What one attribution run wrote for an order. */
export interface AttributionResult {
  orderId: string;
  /** Whether the order counts (agency: accepted; retail: paid and delivered). */
  counted: boolean;
  /** Order lines attributed for the first time by this run. */
  linesAttributed: number;
  entriesWritten: number;
  /** Lines whose rule asked for more than their revenue; capped at the revenue. */
  cappedLineIds: string[];
}

/** What one `attributeOrders` batch wrote. */
export interface BatchAttributionResult {
  /** Distinct order ids asked for. */
  orders: number;
  /** Orders that got lines or entries in this batch (the others were up to date already). */
  ordersAttributed: number;
  /** Orders that do not count yet: skipped. */
  notCounted: string[];
  /** Ids ordering does not know: skipped. */
  unknown: string[];
  linesAttributed: number;
  entriesWritten: number;
  cappedLineIds: string[];
}

const emptyBatch = (): BatchAttributionResult => ({
  orders: 0,
  ordersAttributed: 0,
  notCounted: [],
  unknown: [],
  linesAttributed: 0,
  entriesWritten: 0,
  cappedLineIds: [],
});

function addBatch(total: BatchAttributionResult, r: BatchAttributionResult): void {
  total.orders += r.orders;
  total.ordersAttributed += r.ordersAttributed;
  total.notCounted.push(...r.notCounted);
  total.unknown.push(...r.unknown);
  total.linesAttributed += r.linesAttributed;
  total.entriesWritten += r.entriesWritten;
  total.cappedLineIds.push(...r.cappedLineIds);
}

interface StoredLine {
  order_line_id: string;
  order_id: string;
  rule_id: string | null;
  rule_version: number | null;
  rule_kind: string | null;
  counted_at: Date;
  line_total: string;
  gross_amount: string;
  refunded_amount: string;
}

/**
 * Writes attribution when order lines count and reverses it when they are refunded. Every entry
 * point locks the order row and brings its stored attribution up to date with the order's facts,
 * so calling it from ordering's transaction (same transaction as the move) and again from the
 * `domain-events` consumer (after commit) writes each entry exactly once, in whichever order they run.
 */
@Injectable()
export class AttributionService {
  private readonly log = new Logger('Attribution');

  constructor(
    private readonly db: Db,
    private readonly facts: AttributionFactsLoader,
    private readonly writer: AttributionWriter,
  ) {}

  /**
   * The order's lines count (agency order ACCEPTED, or retail order PAID and DELIVERED): writes their
   * attribution entries and rollups in the caller's transaction. Call it after the move that makes
   * the order count. ORDER_NOT_COUNTED when the order does not count yet. Idempotent.
   */
  async attributeOrder(ctx: RequestContext, orderId: string): Promise<AttributionResult> {
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.lockAndLoad(tx, orderId);
      if (!order.facts.countedAt) {
        throw new AppError(
          AttributionErrorCode.ORDER_NOT_COUNTED,
          'The order does not count yet: agency orders count when accepted, retail orders when paid and delivered',
          { orderId },
        );
      }
      return this.sync(tx, order);
    });
  }

  /**
   * The batch path (backfills, repairs, the bench): brings many orders up to date in ONE transaction
   * with one write per table — facts read once for all of them, one insert each for lines, refunds and
   * entries, rollup deltas summed over the whole batch and upserted once per rollup table in key
   * order. Writes exactly what `syncOrder` on each order would (same engine, same stored-state
   * comparison): orders already attributed are skipped or only get their new refunds; orders that do
   * not count yet, or do not exist, are skipped and reported, not refused.
   *
   * Locks: attribution's advisory lock of every order, in one statement, in id order. It does not take
   * ordering's row locks (its reader locks one order at a time): every run that writes an order's
   * attribution holds that advisory lock until commit, so a move committing meanwhile is picked up by
   * its own run after ours, which then sees our rows.
   */
  async attributeOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<BatchAttributionResult> {
    for (const id of orderIds) assertUuid(id, 'orderIds');
    const ids = [...new Set(orderIds.map((id) => id.toLowerCase()))].sort();
    const result = { ...emptyBatch(), orders: ids.length };
    if (ids.length === 0) return result;
    return this.db.transaction(ctx, async (tx) => {
      await this.db
        .manager(tx)
        .query(
          `SELECT count(pg_advisory_xact_lock(hashtextextended(id, 1764000700))) FROM unnest($1::text[]) AS t(id)`,
          [ids],
        );
      const loaded = await this.facts.load(tx, ids);
      const found = new Set(loaded.orders.map((o) => o.id));
      result.unknown = ids.filter((id) => !found.has(id));
      for (const r of await this.syncMany(tx, loaded.orders, loaded, true)) {
        addBatch(result, {
          ...emptyBatch(),
          ordersAttributed: r.linesAttributed > 0 || r.entriesWritten > 0 ? 1 : 0,
          notCounted: r.counted ? [] : [r.orderId],
          linesAttributed: r.linesAttributed,
          entriesWritten: r.entriesWritten,
          cappedLineIds: r.cappedLineIds,
        });
      }
      return result;
    });
  }

  /** `attributeOrders` over `ids`, `size` orders per transaction (backfills: `attribution:reconcile --repair`); the totals. */
  async attributeInBatches(ctx: RequestContext, ids: readonly string[], size: number): Promise<BatchAttributionResult> {
    const total = emptyBatch();
    for (let i = 0; i < ids.length; i += size) addBatch(total, await this.attributeOrders(ctx, ids.slice(i, i + size)));
    return total;
  }

  /**
   * A refund was recorded on the order (order_refund row `refundId`): writes proportional reversing
   * entries for lines that already counted, in the refund's period. `amountsPerLine`, when given, must
   * match what ordering recorded (REFUND_MISMATCH). Refunds before the order counts reverse nothing:
   * the lines count net of them. Idempotent.
   */
  async reverseRefund(
    ctx: RequestContext,
    orderId: string,
    refundId: string,
    amountsPerLine?: Array<{ lineId: string; amount: Fen }> | null,
  ): Promise<AttributionResult> {
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.lockAndLoad(tx, orderId);
      const refund = order.facts.refunds.find((r) => r.refundId === refundId);
      if (!refund)
        throw new AppError(
          AttributionErrorCode.REFUND_NOT_FOUND,
          `Refund ${refundId} is not recorded on order ${orderId}`,
          {
            field: 'refundId',
          },
        );
      if (amountsPerLine) {
        const norm = (xs: Array<{ lineId: string; amount: Fen }>) =>
          xs
            .filter((x) => x.amount !== 0)
            .map((x) => `${x.lineId}:${x.amount}`)
            .sort()
            .join(',');
        if (norm(amountsPerLine) !== norm(refund.lines)) {
          throw new AppError(
            AttributionErrorCode.REFUND_MISMATCH,
            'The amounts per line differ from the refund recorded on the order',
            {
              field: 'amountsPerLine',
              recorded: refund.lines,
            },
          );
        }
      }
      return this.sync(tx, order);
    });
  }

  /** Brings an order's attribution up to date with its facts, read by id (repairs, the bench). */
  async syncOrder(ctx: RequestContext, orderId: string): Promise<AttributionResult> {
    return this.db.transaction(ctx, async (tx) => this.sync(tx, await this.lockAndLoad(tx, orderId)));
  }

  /**
   * Brings the order's attribution up to date with the facts an OrderCounted / OrderRefunded event
   * carries (attribution.consumer.ts: in the publishing transaction, and again after commit). Reads
   * none of ordering's tables; the advisory lock serialises the runs of one order (in the publishing
   * transaction ordering also holds the order row).
   */
  async syncFacts(ctx: RequestContext, event: EventOrderFacts): Promise<AttributionResult> {
    assertUuid(event.orderId, 'orderId');
    return this.db.transaction(ctx, async (tx) => {
      await this.lockOrder(tx, event.orderId);
      const loaded = await this.facts.withWorld(tx, [orderFactsOf(event)]);
      return this.sync(tx, { facts: loaded.orders[0], loaded });
    });
  }

  /** Attribution's own lock on an order: every run of one order takes it, whichever way it learnt the facts. */
  private async lockOrder(tx: RequestContext, orderId: string): Promise<void> {
    await this.db.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1764000700))`, [orderId]);
  }

  private async lockAndLoad(tx: RequestContext, orderId: string) {
    assertUuid(orderId, 'orderId');
    // The order row lock (ordering's, through its reader) serialises us with ordering's moves.
    if (!(await this.facts.lockOrder(tx, orderId))) throw notFound('Order', orderId);
    // Row first, then attribution's lock: the order of the move that runs the consumer in its transaction.
    await this.lockOrder(tx, orderId);
    const loaded = await this.facts.load(tx, [orderId]);
    return { facts: loaded.orders[0], loaded };
  }

  private async sync(
    tx: RequestContext,
    order: Awaited<ReturnType<AttributionService['lockAndLoad']>>,
  ): Promise<AttributionResult> {
    return (await this.syncMany(tx, [order.facts], order.loaded, false))[0];
  }

  /**
   * Brings each order's attribution up to date with its facts, all in one write (`AttributionWriter`:
   * one statement per table, rollup deltas summed over every order). The caller holds the orders' locks.
   */
  private async syncMany(
    tx: RequestContext,
    orders: OrderFacts[],
    loaded: LoadedFacts,
    batched: boolean,
  ): Promise<AttributionResult[]> {
    const results = orders.map((facts): AttributionResult => ({
      orderId: facts.id,
      counted: facts.countedAt !== null,
      linesAttributed: 0,
      entriesWritten: 0,
      cappedLineIds: [],
    }));
    const counted = orders.filter((o) => o.countedAt !== null);
    if (counted.length === 0) return results;
    const m = this.db.manager(tx);
    const stored = new Map<string, StoredLine>(
      (
        (await m.query(`SELECT * FROM attribution_line WHERE order_id = ANY($1::uuid[])`, [
          counted.map((o) => o.id),
        ])) as StoredLine[]
      ).map((s) => [s.order_line_id, s]),
    );
    // Only lines already stored can have refunds still to reverse: a first count skips this read.
    const storedOrders = [...new Set([...stored.values()].map((s) => s.order_id))];
    const seenRefunds = new Set<string>(
      storedOrders.length === 0
        ? []
        : (
            (await m.query(`SELECT order_line_id, refund_id FROM attribution_refund WHERE order_id = ANY($1::uuid[])`, [
              storedOrders,
            ])) as Array<{ order_line_id: string; refund_id: string }>
          ).map((r) => `${r.order_line_id}|${r.refund_id}`),
    );
    const batch: Batch = { lines: [], refunds: [], entries: [], lineUpdates: [] };
    for (const [i, facts] of orders.entries()) {
      if (!facts.countedAt) continue;
      const result = results[i];
      const linesBefore = batch.lines.length;
      const entriesBefore = batch.entries.length;
      for (const p of planOrder(facts, loaded.rules, loaded.world)) {
        const s = stored.get(p.line.id);
        if (!s) this.addNewLine(batch, p);
        else await this.addPendingRefunds(tx, batch, facts, s, seenRefunds);
      }
      for (const l of batch.lines.slice(linesBefore))
        if (l.uncappedAmount > l.grossAmount) result.cappedLineIds.push(l.orderLineId);
      if (result.cappedLineIds.length) {
        this.log.warn(
          `order ${facts.id}: ${result.cappedLineIds.length} line(s) capped at their revenue (rule pays out more than the line earns): ${result.cappedLineIds.join(', ')}`,
        );
      }
      result.linesAttributed = batch.lines.length - linesBefore;
      result.entriesWritten = batch.entries.length - entriesBefore;
    }
    await this.writer.write(tx, batch, { checkBeforeRollups: batched });
    return results;
  }

  /** A line counting for the first time: its whole plan (count, and any refund after it) at once. */
  private addNewLine(batch: Batch, p: PlannedLine): void {
    const rule = { ruleId: p.rule?.id ?? null, ruleVersion: p.rule?.version ?? null, ruleKind: p.rule?.kind ?? null };
    batch.lines.push({
      orderLineId: p.line.id,
      orderId: p.line.orderId,
      supplierId: p.line.supplierId,
      productId: p.line.productId,
      ...rule,
      countedAt: p.countedAt,
      period: p.period,
      quantity: p.line.quantity,
      lineTotal: p.line.lineTotal,
      grossAmount: p.gross,
      uncappedAmount: p.uncapped,
      refundedAmount: p.refunded,
      attributedAmount: p.attributed,
    });
    for (const r of p.refunds)
      batch.refunds.push({ orderLineId: p.line.id, orderId: p.line.orderId, reversedAmount: r.reversed, ...r });
    for (const ev of p.events) {
      for (const part of ev.parts) batch.entries.push(entry(p.line, rule, ev.eventKey, ev.period, ev.occurredAt, part));
    }
  }

  /** Refunds of an already counted line that are not reversed yet, taken from what is stored. */
  private async addPendingRefunds(
    tx: RequestContext,
    batch: Batch,
    facts: OrderFacts,
    s: StoredLine,
    seen: Set<string>,
  ): Promise<void> {
    const pending = lineRefunds(facts, s.order_line_id)
      .filter((r) => !seen.has(`${s.order_line_id}|${r.refundId}`))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.refundId < b.refundId ? -1 : 1));
    if (pending.length === 0) return;
    const line = facts.lines.find((l) => l.id === s.order_line_id)!;
    const rule = { ruleId: s.rule_id, ruleVersion: s.rule_version, ruleKind: s.rule_kind };
    let remaining = await this.remainingParts(tx, s.order_line_id);
    const gross = Number(s.gross_amount);
    const lineTotal = Number(s.line_total);
    let refunded = Number(s.refunded_amount);
    for (const r of pending) {
      const taken = refundStep(remaining, gross, lineTotal, refunded, refunded + r.amount);
      remaining = subtractParts(remaining, taken);
      refunded += r.amount;
      // Never before the line counted (only possible if history rows are missing).
      const at = r.occurredAt.getTime() < new Date(s.counted_at).getTime() ? new Date(s.counted_at) : r.occurredAt;
      const period = periodOf(at);
      const reversed = taken.reduce((a, t) => a + t.amount, 0);
      batch.refunds.push({
        orderLineId: s.order_line_id,
        refundId: r.refundId,
        orderId: facts.id,
        amount: r.amount,
        beforeCount: false,
        reversedAmount: reversed,
        occurredAt: at,
        period,
      });
      for (const t of taken)
        batch.entries.push(entry(line, rule, refundEventKey(r.refundId), period, at, { ...t, amount: -t.amount }));
    }
    batch.lineUpdates.push({
      orderLineId: s.order_line_id,
      refundedAmount: refunded,
      attributedAmount: remaining.reduce((a, p) => a + p.amount, 0),
    });
  }

  private async remainingParts(tx: RequestContext, orderLineId: string): Promise<Part[]> {
    const rows: Array<Record<string, any>> = await this.db.manager(tx).query(
      `SELECT beneficiary_kind, beneficiary_key, household_id, village_code, organization_id, region_code, lot_id, sum(amount) AS amount
         FROM attribution_entry WHERE order_line_id = $1
        GROUP BY beneficiary_kind, beneficiary_key, household_id, village_code, organization_id, region_code, lot_id`,
      [orderLineId],
    );
    return rows
      .map((r) => ({
        kind: r.beneficiary_kind as BeneficiaryKind,
        key: r.beneficiary_key,
        householdId: r.household_id,
        villageCode: r.village_code,
        organizationId: r.organization_id,
        regionCode: r.region_code,
        lotId: r.lot_id,
        amount: Number(r.amount),
      }))
      .sort((a, b) => (slotKey(a) < slotKey(b) ? -1 : slotKey(a) > slotKey(b) ? 1 : 0));
  }
}

function entry(
  line: { id: string; orderId: string; supplierId: string; productId: string },
  rule: { ruleId: string | null; ruleVersion: number | null; ruleKind: string | null },
  eventKey: string,
  period: string,
  occurredAt: Date,
  part: Part,
): EntryRow {
  // Field by field, not spread: one entry per beneficiary and lot of every line, and spreading two
  // objects was the batch path's costliest function in Node (bench/attribution.mjs --batch, --cpu-prof).
  return {
    kind: part.kind,
    key: part.key,
    householdId: part.householdId,
    villageCode: part.villageCode,
    organizationId: part.organizationId,
    regionCode: part.regionCode,
    lotId: part.lotId,
    amount: part.amount,
    orderId: line.orderId,
    orderLineId: line.id,
    supplierId: line.supplierId,
    productId: line.productId,
    eventKey,
    ruleId: rule.ruleId,
    ruleVersion: rule.ruleVersion,
    ruleKind: rule.ruleKind,
    period,
    occurredAt,
  };
}
