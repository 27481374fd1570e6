import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { AppError, Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { OrganizationService } from '@bangfu/identity';
import { BuyerKind, OrderService, PaymentMode } from '@bangfu/ordering';
import { normalizePrefix, padCode, RegionLevel, RegionService } from '@bangfu/region';
import { AGENCY_ROLES, assertKnownId, likeAny } from './access';
import { shanghaiDate } from './dates';
import { ruleJurisdiction } from './jurisdiction';
import {
  addDays,
  asOfDay,
  clockFigures,
  DEFAULT_DAILY_RATE_PPM,
  DEFAULT_TERM_DAYS,
  MAX_TERM_DAYS,
} from './payment-clock';
import {
  type JurisdictionPaymentTerms,
  type OverdueUnit,
  type PaymentClockEntry,
  type PaymentClockFilter,
  type PaymentClockReport,
  PaymentClockStatus,
} from './payment-clock.types';

/** More entries than this: narrow the filter (the report is built in memory). */
export const PAYMENT_CLOCK_MAX_ROWS = 5000;

interface ClockRow {
  order_id: string;
  order_no: string;
  org_id: string;
  unit_name: string;
  region_code: string | null;
  supplier_id: string;
  supplier_name: string;
  amount: string;
  accepted_on: string;
  term_days: number;
  daily_rate_ppm: number;
  due_on: string;
  paid_on: string | null;
}

/**
 * 账款支付时钟: every accepted pay-on-delivery agency order owes each of its suppliers their lines
 * (net of refunds) by acceptance day + the jurisdiction's term, with late interest after that (see
 * payment-clock.ts for the rule and its source). `payment_clock` is written from ordering's facts
 * (OrderService), never its tables, by `sync` — idempotent, called by the consumer of order.accepted,
 * order.paid, order.refunded and order.settled. Figures for a day are computed at read time.
 */
@Injectable()
export class PaymentClockService {
  constructor(
    private readonly db: Db,
    private readonly orders: OrderService,
    private readonly organizations: OrganizationService,
    private readonly regions: RegionService,
  ) {}

  /** The term and daily rate for a unit's region code: the longest matching prefix, else 30 days and 万分之五. */
  async termsFor(ctx: RequestContext, regionCode: string | null): Promise<{ termDays: number; dailyRatePpm: number }> {
    if (regionCode) {
      const [row]: Array<{ term_days: number; daily_rate_ppm: number }> = await this.db
        .manager(ctx)
        .query(
          `SELECT term_days, daily_rate_ppm FROM jurisdiction_payment_terms WHERE $1 LIKE region_prefix || '%' ORDER BY length(region_prefix) DESC LIMIT 1`,
          [regionCode],
        );
      if (row) return { termDays: row.term_days, dailyRatePpm: row.daily_rate_ppm };
    }
    return { termDays: DEFAULT_TERM_DAYS, dailyRatePpm: DEFAULT_DAILY_RATE_PPM };
  }

  /** PLATFORM_ADMIN: the term (1–60 days) and daily rate (ppm) of a province or city; applies to orders accepted afterwards. */
  async setTerms(
    ctx: RequestContext,
    regionCode: string,
    termDays: number,
    dailyRatePpm: number,
  ): Promise<JurisdictionPaymentTerms> {
    const prefix = ruleJurisdiction(ctx, regionCode, 'payment terms');
    if (!Number.isInteger(termDays) || termDays < 1 || termDays > MAX_TERM_DAYS) {
      throw new AppError(
        ProcurementErrorCode.INVALID_PAYMENT_TERM,
        `termDays must be 1–${MAX_TERM_DAYS} days (the regulation’s maximum by contract is 60)`,
        { field: 'termDays' },
      );
    }
    if (!Number.isInteger(dailyRatePpm) || dailyRatePpm < 0 || dailyRatePpm > 10_000) {
      throw new AppError(
        ProcurementErrorCode.INVALID_INTEREST_RATE,
        'dailyRatePpm must be 0–10000 parts per million a day (500 = 万分之五)',
        { field: 'dailyRatePpm' },
      );
    }
    return this.db.transaction(ctx, async (tx) => {
      await this.regions.requireLevel(tx, padCode(prefix), [RegionLevel.PROVINCE, RegionLevel.CITY]);
      await this.db.manager(tx).query(
        `INSERT INTO jurisdiction_payment_terms (region_prefix, term_days, daily_rate_ppm, set_by_user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (region_prefix) DO UPDATE SET term_days = EXCLUDED.term_days, daily_rate_ppm = EXCLUDED.daily_rate_ppm, set_by_user_id = EXCLUDED.set_by_user_id, updated_at = now()`,
        [prefix, termDays, dailyRatePpm, tx.requirePrincipal().userId],
      );
      return { regionPrefix: prefix, termDays, dailyRatePpm };
    });
  }

  async listTerms(ctx: RequestContext): Promise<JurisdictionPaymentTerms[]> {
    const rows: Array<{ region_prefix: string; term_days: number; daily_rate_ppm: number }> = await this.db
      .manager(ctx)
      .query(`SELECT region_prefix, term_days, daily_rate_ppm FROM jurisdiction_payment_terms ORDER BY region_prefix`);
    return rows.map((r) => ({ regionPrefix: r.region_prefix, termDays: r.term_days, dailyRatePpm: r.daily_rate_ppm }));
  }

  /**
   * Brings the order's clock rows in line with its facts. The term, rate and due date are fixed when
   * a row is first written (the rule in force at acceptance); amount (refunds) and payment follow.
   */
  async sync(ctx: RequestContext, orderId: string): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      const order = await this.orders.get(tx, orderId);
      if (
        order.buyerKind !== BuyerKind.AGENCY ||
        order.paymentMode !== PaymentMode.PAY_ON_DELIVERY ||
        !order.acceptedAt ||
        !order.buyerOrgId
      )
        return;
      const m = this.db.manager(tx);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`payment-clock:${order.id}`]);
      const [binding]: Array<{ org_id: string }> = await m.query(
        `SELECT org_id FROM order_binding WHERE order_id = $1`,
        [order.id],
      );
      const orgId = binding?.org_id ?? order.buyerOrgId;
      const [unit]: Array<{ region_code: string | null }> = await m.query(
        `SELECT region_code FROM organization_directory WHERE id = $1`,
        [orgId],
      );
      const terms = await this.termsFor(tx, unit?.region_code ?? null);
      const acceptedOn = shanghaiDate(order.acceptedAt);
      const paidOn = order.paidAt && order.paidAmount > 0 ? shanghaiDate(order.paidAt) : null;
      const owed = new Map<string, number>();
      for (const l of await this.orders.lines(tx, order.id))
        owed.set(l.supplierId, (owed.get(l.supplierId) ?? 0) + l.lineTotal - l.refundedAmount);
      for (const [supplierId, amount] of owed) {
        await m.query(
          `INSERT INTO payment_clock (order_id, supplier_id, org_id, order_no, accepted_at, accepted_on, term_days, daily_rate_ppm, due_on, amount, paid_at, paid_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (order_id, supplier_id) DO UPDATE SET org_id = EXCLUDED.org_id, amount = EXCLUDED.amount, paid_at = EXCLUDED.paid_at, paid_on = EXCLUDED.paid_on, updated_at = now()
           WHERE (payment_clock.org_id, payment_clock.amount, payment_clock.paid_on) IS DISTINCT FROM (EXCLUDED.org_id, EXCLUDED.amount, EXCLUDED.paid_on)`,
          [
            order.id,
            supplierId,
            orgId,
            order.orderNo,
            order.acceptedAt,
            acceptedOn,
            terms.termDays,
            terms.dailyRatePpm,
            addDays(acceptedOn, terms.termDays),
            Math.max(0, amount),
            order.paidAt,
            paidOn,
          ],
        );
      }
    });
  }

  /**
   * The clock entries the caller may see, as of a day: platform admins everything; agency members
   * their unit, agency admins their units and the units below; coordinators/auditors their region
   * prefix; supplier staff what is owed to their supplier. All of it in SQL.
   */
  async report(
    ctx: RequestContext,
    filter: PaymentClockFilter,
    asOfInput?: string | null,
  ): Promise<PaymentClockReport> {
    const asOf = asOfDay(asOfInput);
    const params: unknown[] = [asOf];
    const arg = (v: unknown) => `$${params.push(v)}`;
    const where = [`c.accepted_on <= $1::date`, await this.scope(ctx, arg)];
    if (filter.regionCode !== null && filter.regionCode !== undefined) {
      const prefix = normalizePrefix(String(filter.regionCode), 'regionCode');
      const p = ctx.requirePrincipal();
      const regional = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
      if (!p.hasRole(Role.PLATFORM_ADMIN) && regional.length && !regional.some((s) => prefix.startsWith(s)))
        throw forbidden('This region is outside your scope');
      where.push(`o.region_code LIKE ${arg(`${prefix}%`)}`);
    }
    if (filter.orgId) {
      assertKnownId(filter.orgId, 'Organization');
      where.push(`c.org_id = ANY(${arg(await this.organizations.subtreeIds(ctx, [filter.orgId]))}::uuid[])`);
    }
    if (filter.orderId) {
      assertKnownId(filter.orderId, 'Order');
      where.push(`c.order_id = ${arg(filter.orderId)}`);
    }
    if (filter.supplierId) {
      assertKnownId(filter.supplierId, 'Supplier');
      where.push(`c.supplier_id = ${arg(filter.supplierId)}`);
    }
    // Paid counts from its day on; interest runs to the payment day or asOf.
    if (filter.overdueOnly)
      where.push(
        `(CASE WHEN c.paid_on IS NOT NULL AND c.paid_on <= $1::date THEN c.paid_on > c.due_on ELSE $1::date > c.due_on END)`,
      );
    const rows: ClockRow[] = await this.db.manager(ctx).query(
      `SELECT c.order_id, c.order_no, c.org_id, o.name AS unit_name, o.region_code, c.supplier_id, s.name AS supplier_name, c.amount,
              to_char(c.accepted_on, 'YYYY-MM-DD') AS accepted_on, c.term_days, c.daily_rate_ppm,
              to_char(c.due_on, 'YYYY-MM-DD') AS due_on, to_char(c.paid_on, 'YYYY-MM-DD') AS paid_on
         FROM payment_clock c
         JOIN organization_directory o ON o.id = c.org_id
         JOIN organization_directory s ON s.id = c.supplier_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.due_on, c.order_no, s.name
        LIMIT ${PAYMENT_CLOCK_MAX_ROWS + 1}`,
      params,
    );
    if (rows.length > PAYMENT_CLOCK_MAX_ROWS)
      throw new AppError(
        ProcurementErrorCode.TOO_MANY_ROWS,
        `More than ${PAYMENT_CLOCK_MAX_ROWS} entries; narrow the region or unit`,
        {
          field: 'filter',
        },
      );
    const entries = rows.map((r) => toEntry(r, asOf));
    return summarise(asOf, entries);
  }

  private async scope(ctx: RequestContext, arg: (v: unknown) => string): Promise<string> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return 'TRUE';
    const parts: string[] = [];
    const units = [
      ...new Set([
        ...p.organizationIds(...AGENCY_ROLES),
        ...(await this.organizations.subtreeIds(ctx, p.organizationIds(Role.AGENCY_ADMIN))),
      ]),
    ];
    if (units.length) parts.push(`c.org_id = ANY(${arg(units)}::uuid[])`);
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    if (prefixes.length) parts.push(`o.region_code LIKE ANY(${arg(likeAny(prefixes))}::text[])`);
    const suppliers = p.organizationIds(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF);
    if (suppliers.length) parts.push(`c.supplier_id = ANY(${arg(suppliers)}::uuid[])`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }
}

function toEntry(r: ClockRow, asOf: string): PaymentClockEntry {
  const amount = Number(r.amount);
  const f = clockFigures({ dueOn: r.due_on, amount, paidOn: r.paid_on, dailyRatePpm: r.daily_rate_ppm }, asOf);
  return {
    orderId: r.order_id,
    orderNo: r.order_no,
    orgId: r.org_id,
    unitName: r.unit_name,
    regionCode: r.region_code,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    amount,
    acceptedOn: r.accepted_on,
    termDays: r.term_days,
    dailyRatePpm: r.daily_rate_ppm,
    dueOn: r.due_on,
    paidOn: r.paid_on,
    status: PaymentClockStatus[f.status],
    daysOverdue: f.daysOverdue,
    interestAmount: f.interestAmount,
    outstandingAmount: f.outstandingAmount,
  };
}

function summarise(asOf: string, entries: PaymentClockEntry[]): PaymentClockReport {
  const units = new Map<string, OverdueUnit>();
  let outstandingAmount = 0;
  let overdueAmount = 0;
  let interestAmount = 0;
  let overdueCount = 0;
  for (const e of entries) {
    outstandingAmount += e.outstandingAmount;
    interestAmount += e.interestAmount;
    const overdue = e.status === PaymentClockStatus.OVERDUE;
    if (overdue) {
      overdueAmount += e.amount;
      overdueCount += 1;
    }
    if (!overdue && e.interestAmount === 0) continue;
    const u = units.get(e.orgId) ?? {
      orgId: e.orgId,
      name: e.unitName,
      regionCode: e.regionCode,
      overdueCount: 0,
      overdueAmount: 0,
      interestAmount: 0,
      maxDaysOverdue: 0,
    };
    if (overdue) {
      u.overdueCount += 1;
      u.overdueAmount += e.amount;
    }
    u.interestAmount += e.interestAmount;
    u.maxDaysOverdue = Math.max(u.maxDaysOverdue, e.daysOverdue);
    units.set(e.orgId, u);
  }
  const overdueUnits = [...units.values()].sort(
    (a, b) =>
      b.overdueAmount - a.overdueAmount || b.interestAmount - a.interestAmount || a.name.localeCompare(b.name, 'zh'),
  );
  return { asOf, entries, overdueUnits, outstandingAmount, overdueAmount, interestAmount, overdueCount };
}
