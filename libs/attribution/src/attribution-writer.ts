import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import type { Fen } from '@bangfu/money';
import { BeneficiaryKind, type Part } from './engine';

export interface EntryRow extends Part {
  orderId: string;
  orderLineId: string;
  supplierId: string;
  productId: string;
  eventKey: string;
  ruleId: string | null;
  ruleVersion: number | null;
  ruleKind: string | null;
  period: string;
  occurredAt: Date;
}

export interface LineRow {
  orderLineId: string;
  orderId: string;
  supplierId: string;
  productId: string;
  ruleId: string | null;
  ruleVersion: number | null;
  ruleKind: string | null;
  countedAt: Date;
  period: string;
  quantity: number;
  lineTotal: Fen;
  grossAmount: Fen;
  uncappedAmount: Fen;
  refundedAmount: Fen;
  attributedAmount: Fen;
}

export interface RefundRow {
  orderLineId: string;
  refundId: string;
  orderId: string;
  amount: Fen;
  beforeCount: boolean;
  reversedAmount: Fen;
  occurredAt: Date;
  period: string;
}

export interface Batch {
  lines: LineRow[];
  refunds: RefundRow[];
  entries: EntryRow[];
  /** Lines already stored whose refunded/attributed totals moved. */
  lineUpdates: Array<{ orderLineId: string; refundedAmount: Fen; attributedAmount: Fen }>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes attribution rows and keeps the rollups in step, in the caller's transaction. Rollup rows
 * are upserted in key order (one statement per table), so concurrent writers never deadlock on them.
 */
@Injectable()
export class AttributionWriter {
  constructor(private readonly db: Db) {}

  /**
   * `checkBeforeRollups` (the batch path): run the commit-time balance checks of what this batch wrote
   * before the rollup upserts instead of at commit, so the shared rollup rows are held only for the
   * upserts and the commit — concurrent batches wait on them for milliseconds, not for the checks of
   * thousands of lines. Same checks, same refusal; later writes in the transaction are checked at commit again.
   */
  async write(tx: RequestContext, batch: Batch, { checkBeforeRollups = false } = {}): Promise<void> {
    const m = this.db.manager(tx);
    if (batch.lines.length) {
      const L = batch.lines;
      await m.query(
        `INSERT INTO attribution_line (order_line_id, order_id, supplier_id, product_id, rule_id, rule_version, rule_kind, counted_at, period, quantity,
                                       line_total, gross_amount, uncapped_amount, capped, refunded_amount, attributed_amount)
         SELECT l, o, s, p, r, rv, rk, c, pe, q, lt, g, u, u > g, rf, a
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::timestamptz[], $9::text[], $10::int[],
                       $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[]) AS t(l, o, s, p, r, rv, rk, c, pe, q, lt, g, u, rf, a)`,
        [
          L.map((l) => l.orderLineId),
          L.map((l) => l.orderId),
          L.map((l) => l.supplierId),
          L.map((l) => l.productId),
          L.map((l) => l.ruleId),
          L.map((l) => l.ruleVersion),
          L.map((l) => l.ruleKind),
          L.map((l) => l.countedAt),
          L.map((l) => l.period),
          L.map((l) => l.quantity),
          L.map((l) => l.lineTotal),
          L.map((l) => l.grossAmount),
          L.map((l) => l.uncappedAmount),
          L.map((l) => l.refundedAmount),
          L.map((l) => l.attributedAmount),
        ],
      );
    }
    for (const u of batch.lineUpdates) {
      await m.query(
        `UPDATE attribution_line SET refunded_amount = $2, attributed_amount = $3, updated_at = now() WHERE order_line_id = $1`,
        [u.orderLineId, u.refundedAmount, u.attributedAmount],
      );
    }
    if (batch.refunds.length) {
      const R = batch.refunds;
      await m.query(
        `INSERT INTO attribution_refund (order_line_id, refund_id, order_id, amount, before_count, reversed_amount, occurred_at, period)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::bigint[], $5::boolean[], $6::bigint[], $7::timestamptz[], $8::text[])`,
        [
          R.map((r) => r.orderLineId),
          R.map((r) => r.refundId),
          R.map((r) => r.orderId),
          R.map((r) => r.amount),
          R.map((r) => r.beforeCount),
          R.map((r) => r.reversedAmount),
          R.map((r) => r.occurredAt),
          R.map((r) => r.period),
        ],
      );
    }
    if (batch.entries.length) {
      await this.insertEntries(tx, batch.entries);
      if (checkBeforeRollups) {
        await m.query(`SET CONSTRAINTS attribution_line_balanced, attribution_entry_balanced IMMEDIATE`);
        await m.query(`SET CONSTRAINTS attribution_line_balanced, attribution_entry_balanced DEFERRED`);
      }
      await this.rollUp(tx, batch.entries);
    }
  }

  private async insertEntries(tx: RequestContext, E: EntryRow[]): Promise<void> {
    await this.db.manager(tx).query(
      `INSERT INTO attribution_entry (order_id, order_line_id, supplier_id, product_id, event_key, beneficiary_kind, beneficiary_key, household_id, village_code,
                                      organization_id, region_code, lot_id, rule_id, rule_version, rule_kind, amount, period, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[],
                            $10::uuid[], $11::text[], $12::uuid[], $13::uuid[], $14::int[], $15::text[], $16::bigint[], $17::text[], $18::timestamptz[])`,
      [
        E.map((e) => e.orderId),
        E.map((e) => e.orderLineId),
        E.map((e) => e.supplierId),
        E.map((e) => e.productId),
        E.map((e) => e.eventKey),
        E.map((e) => e.kind),
        E.map((e) => e.key),
        E.map((e) => e.householdId),
        E.map((e) => e.villageCode),
        E.map((e) => e.organizationId),
        E.map((e) => e.regionCode),
        E.map((e) => e.lotId),
        E.map((e) => e.ruleId),
        E.map((e) => e.ruleVersion),
        E.map((e) => e.ruleKind),
        E.map((e) => e.amount),
        E.map((e) => e.period),
        E.map((e) => e.occurredAt),
      ],
    );
  }

  /** attribution_monthly, attribution_household_month and attribution_region_month, by delta. */
  private async rollUp(tx: RequestContext, entries: EntryRow[]): Promise<void> {
    const m = this.db.manager(tx);

    const monthly = new Map<string, { e: EntryRow; amount: Fen }>();
    for (const e of entries) {
      const k = `${e.key}\u0000${e.period}\u0000${e.productId}`;
      const seen = monthly.get(k);
      if (seen) seen.amount += e.amount;
      else monthly.set(k, { e, amount: e.amount });
    }
    const M = [...monthly.entries()].sort(([a], [b]) => cmp(a, b)).map(([, v]) => v);
    await m.query(
      `INSERT INTO attribution_monthly AS t (beneficiary_key, period, product_id, beneficiary_kind, household_id, village_code, organization_id, supplier_id, region_code, amount)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::text[], $10::bigint[]) ORDER BY 1, 2, 3
       ON CONFLICT (beneficiary_key, period, product_id) DO UPDATE SET amount = t.amount + EXCLUDED.amount, updated_at = now()`,
      [
        M.map((x) => x.e.key),
        M.map((x) => x.e.period),
        M.map((x) => x.e.productId),
        M.map((x) => x.e.kind),
        M.map((x) => x.e.householdId),
        M.map((x) => x.e.villageCode),
        M.map((x) => x.e.organizationId),
        M.map((x) => x.e.supplierId),
        M.map((x) => x.e.regionCode),
        M.map((x) => x.amount),
      ],
    );

    interface RegionDelta {
      household: Fen;
      village: Fen;
      cooperative: Fen;
      unassigned: Fen;
      driven: number;
      exPoverty: number;
      monitored: number;
    }
    const regions = new Map<string, RegionDelta>();
    const region = (code: string, period: string) => {
      const k = `${code}\u0000${period}`;
      let r = regions.get(k);
      if (!r)
        regions.set(
          k,
          (r = { household: 0, village: 0, cooperative: 0, unassigned: 0, driven: 0, exPoverty: 0, monitored: 0 }),
        );
      return r;
    };
    const households = new Map<string, { householdId: string; period: string; regionCode: string; amount: Fen }>();
    for (const e of entries) {
      const r = region(e.regionCode, e.period);
      if (e.kind === BeneficiaryKind.HOUSEHOLD) {
        r.household += e.amount;
        const k = `${e.householdId}\u0000${e.period}`;
        const seen = households.get(k);
        if (seen) seen.amount += e.amount;
        else
          households.set(k, {
            householdId: e.householdId as string,
            period: e.period,
            regionCode: e.regionCode,
            amount: e.amount,
          });
      } else if (e.kind === BeneficiaryKind.VILLAGE_COLLECTIVE) r.village += e.amount;
      else if (e.kind === BeneficiaryKind.COOPERATIVE) r.cooperative += e.amount;
      else r.unassigned += e.amount;
    }

    if (households.size) {
      const H = [...households.entries()].sort(([a], [b]) => cmp(a, b)).map(([, v]) => v);
      // Status is snapshotted when the household first earns in a month (带动 counts by the status it had then).
      const rows: Array<{ household_id: string; period: string; region_code: string; status: string; amount: string }> =
        await m.query(
          `INSERT INTO attribution_household_month AS t (household_id, period, region_code, status, amount)
         SELECT u.h, u.p, u.r, hh.status, u.a
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[]) AS u(h, p, r, a) JOIN household_directory hh ON hh.id = u.h
          ORDER BY u.h, u.p
         ON CONFLICT (household_id, period) DO UPDATE SET amount = t.amount + EXCLUDED.amount
         RETURNING household_id, period, region_code, status, amount`,
          [H.map((h) => h.householdId), H.map((h) => h.period), H.map((h) => h.regionCode), H.map((h) => h.amount)],
        );
      for (const row of rows) {
        const after = Number(row.amount);
        const before = after - (households.get(`${row.household_id}\u0000${row.period}`)?.amount ?? 0);
        // 带动户数 counts households whose net income in the month is positive: count crossings of zero.
        const change = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        if (change === 0) continue;
        const r = region(row.region_code, row.period);
        r.driven += change;
        if (row.status === 'EX_POVERTY') r.exPoverty += change;
        if (row.status === 'MONITORED') r.monitored += change;
      }
    }

    const R = [...regions.entries()].sort(([a], [b]) => cmp(a, b));
    await m.query(
      `INSERT INTO attribution_region_month AS t (region_code, period, household_amount, village_collective_amount, cooperative_amount, unassigned_amount,
                                                   households_driven, ex_poverty_households_driven, monitored_households_driven)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::int[], $8::int[], $9::int[]) ORDER BY 1, 2
       ON CONFLICT (region_code, period) DO UPDATE SET
         household_amount = t.household_amount + EXCLUDED.household_amount,
         village_collective_amount = t.village_collective_amount + EXCLUDED.village_collective_amount,
         cooperative_amount = t.cooperative_amount + EXCLUDED.cooperative_amount,
         unassigned_amount = t.unassigned_amount + EXCLUDED.unassigned_amount,
         households_driven = t.households_driven + EXCLUDED.households_driven,
         ex_poverty_households_driven = t.ex_poverty_households_driven + EXCLUDED.ex_poverty_households_driven,
         monitored_households_driven = t.monitored_households_driven + EXCLUDED.monitored_households_driven`,
      [
        R.map(([k]) => k.split('\u0000')[0]),
        R.map(([k]) => k.split('\u0000')[1]),
        R.map(([, v]) => v.household),
        R.map(([, v]) => v.village),
        R.map(([, v]) => v.cooperative),
        R.map(([, v]) => v.unassigned),
        R.map(([, v]) => v.driven),
        R.map(([, v]) => v.exPoverty),
        R.map(([, v]) => v.monitored),
      ],
    );
  }
}
