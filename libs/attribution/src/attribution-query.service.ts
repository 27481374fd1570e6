import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  AppError,
  assertUuid,
  Db,
  forbidden,
  notFound,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';
import { HouseholdStatus, maskName } from '@bangfu/supplier';
import {
  AttributionSummary,
  HouseholdIncome,
  type HouseholdIncomeMonth,
  OrderAttribution,
  type OrderAttributionLine,
  UnassignedBucket,
} from './attribution.types';

import { type AttributionKind, BeneficiaryKind } from './engine';
import { parseRange } from './periods';

const STAFF = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
const AGENCY_BUYERS = [Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN];
const likeAny = (prefixes: string[]) => prefixes.map((p) => `${p}%`);

/** One order's income to a household in a month, per product and lot. */
export interface HouseholdOrderIncome {
  period: string;
  orderId: string;
  orderNo: string;
  productId: string;
  productTitle: string;
  supplierId: string;
  lotId: string | null;
  lotNo: string | null;
  amount: number;
}

/** Who may see what, resolved once per call and applied in SQL. */
interface Scope {
  admin: boolean;
  userId: string;
  supplierIds: string[];
  regionPatterns: string[];
  agencyIds: string[];
}

function scopeOf(p: Principal): Scope {
  return {
    admin: p.hasRole(Role.PLATFORM_ADMIN),
    userId: p.userId,
    supplierIds: p.organizationIds(...STAFF),
    regionPatterns: likeAny(p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR)),
    agencyIds: p.organizationIds(...AGENCY_BUYERS),
  };
}

/** Read side: every query reads rollups (or one order's entries), filtered by the caller's scope in SQL. */
@Injectable()
export class AttributionQueryService {
  constructor(private readonly db: Db) {}

  /**
   * A household's income by month and product. FARMER: its own household; supplier staff: the
   * income from their own supplier's sales to households linked to them; coordinators and auditors:
   * households in their region; platform admins: any.
   */
  async householdIncome(ctx: RequestContext, householdId: string, from: string, to: string): Promise<HouseholdIncome> {
    const s = scopeOf(ctx.requirePrincipal());
    assertUuid(householdId, 'householdId');
    const range = parseRange(from, to);
    const [h] = await this.db.manager(ctx).query(
      `SELECT h.id, h.village_code, h.status,
              ($2 OR h.user_id = $3 OR h.village_code LIKE ANY($4::text[])) AS full_access,
              (EXISTS (SELECT 1 FROM linkage_directory l WHERE l.household_id = h.id AND l.supplier_id = ANY($5::uuid[]))
               OR EXISTS (SELECT 1 FROM attribution_monthly m WHERE m.household_id = h.id AND m.supplier_id = ANY($5::uuid[]))) AS supplier_access
         FROM household_directory h WHERE h.id = $1`,
      [householdId, s.admin, s.userId, s.regionPatterns, s.supplierIds],
    );
    if (!h) throw notFound('Household', householdId);
    if (!h.full_access && !h.supplier_access) throw forbidden('You may not see this household’s income');
    const rows: Array<{ period: string; product_id: string; title: string; supplier_id: string; amount: string }> =
      await this.db.manager(ctx).query(
        `SELECT m.period, m.product_id, p.title, m.supplier_id, m.amount
         FROM attribution_monthly m JOIN product_directory p ON p.id = m.product_id
        WHERE m.household_id = $1 AND m.period BETWEEN $2 AND $3 AND ($4 OR m.supplier_id = ANY($5::uuid[])) AND m.amount <> 0
        ORDER BY m.period, p.title, m.product_id`,
        [householdId, range.fromPeriod, range.toPeriod, h.full_access, s.supplierIds],
      );
    const months: HouseholdIncomeMonth[] = [];
    for (const r of rows) {
      let month = months.find((x) => x.period === r.period);
      if (!month) months.push((month = { period: r.period, amount: 0, products: [] }));
      month.amount += Number(r.amount);
      month.products.push({
        productId: r.product_id,
        productTitle: r.title,
        supplierId: r.supplier_id,
        amount: Number(r.amount),
      });
    }
    return {
      householdId,
      villageCode: h.village_code,
      status: h.status as HouseholdStatus,
      fromPeriod: range.fromPeriod,
      toPeriod: range.toPeriod,
      totalAmount: months.reduce((a, m) => a + m.amount, 0),
      partial: !h.full_access,
      months,
    };
  }

  /**
   * A household's income per order, product and lot over the months (net of refunds), for the
   * farmer's monthly statement (libs/produce) — "which sale paid me what". Same scope as
   * householdIncome: a supplier with partial access sees only its own sales.
   */
  async householdIncomeByOrder(
    ctx: RequestContext,
    householdId: string,
    from: string,
    to: string,
  ): Promise<HouseholdOrderIncome[]> {
    const s = scopeOf(ctx.requirePrincipal());
    const income = await this.householdIncome(ctx, householdId, from, to);
    const rows: Array<Record<string, string>> = await this.db.manager(ctx).query(
      `SELECT e.period, e.order_id, o.order_no, e.product_id, p.title, e.supplier_id, e.lot_id, lot.lot_no, sum(e.amount) AS amount
         FROM attribution_entry e JOIN order_summary o ON o.id = e.order_id JOIN product_directory p ON p.id = e.product_id LEFT JOIN lot_directory lot ON lot.id = e.lot_id
        WHERE e.household_id = $1 AND e.period BETWEEN $2 AND $3 AND (NOT $4 OR e.supplier_id = ANY($5::uuid[]))
        GROUP BY e.period, e.order_id, o.order_no, e.product_id, p.title, e.supplier_id, e.lot_id, lot.lot_no
       HAVING sum(e.amount) <> 0
        ORDER BY e.period, o.order_no, p.title, lot.lot_no`,
      [householdId, income.fromPeriod, income.toPeriod, income.partial, s.supplierIds],
    );
    return rows.map((r) => ({
      period: r.period,
      orderId: r.order_id,
      orderNo: r.order_no,
      productId: r.product_id,
      productTitle: r.title,
      supplierId: r.supplier_id,
      lotId: r.lot_id,
      lotNo: r.lot_no,
      amount: Number(r.amount),
    }));
  }

  /** The signed-in farmer's own household income (FARMER logins are tied to one household). */
  async myHouseholdIncome(ctx: RequestContext, from: string, to: string): Promise<HouseholdIncome> {
    const p = ctx.requirePrincipal();
    const [h] = await this.db.manager(ctx).query(`SELECT id FROM household_directory WHERE user_id = $1`, [p.userId]);
    if (!h) throw new AppError(ErrorCode.NO_HOUSEHOLD, 'This login is not tied to a household', {});
    return this.householdIncome(ctx, h.id, from, to);
  }

  /**
   * Region totals over whole months. Households driven (带动户数) are distinct households with a
   * positive net income over the period: one month reads the per-month counters, several months
   * sum each household's months (household-month rollup, never entries or order lines).
   */
  async summary(ctx: RequestContext, regionCode: string, from: string, to: string): Promise<AttributionSummary> {
    const p = ctx.requirePrincipal();
    const prefix = normalizePrefix(regionCode, 'regionCode');
    const range = parseRange(from, to);
    if (
      !p.hasRole(Role.PLATFORM_ADMIN) &&
      !p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).some((mine) => prefix.startsWith(mine))
    ) {
      throw forbidden('The region is outside your scope');
    }
    const m = this.db.manager(ctx);
    const [totals] = await m.query(
      `SELECT coalesce(sum(household_amount), 0) AS h, coalesce(sum(village_collective_amount), 0) AS v, coalesce(sum(cooperative_amount), 0) AS c,
              coalesce(sum(unassigned_amount), 0) AS u, coalesce(sum(households_driven), 0) AS d, coalesce(sum(ex_poverty_households_driven), 0) AS e,
              coalesce(sum(monitored_households_driven), 0) AS mo
         FROM attribution_region_month WHERE region_code LIKE $1 AND period BETWEEN $2 AND $3`,
      [`${prefix}%`, range.fromPeriod, range.toPeriod],
    );
    let driven = { d: Number(totals.d), e: Number(totals.e), mo: Number(totals.mo) };
    if (range.fromPeriod !== range.toPeriod) {
      const [row] = await m.query(
        `SELECT count(*) AS d, count(*) FILTER (WHERE status = 'EX_POVERTY') AS e, count(*) FILTER (WHERE status = 'MONITORED') AS mo
           FROM (SELECT household_id, (array_agg(status ORDER BY period))[1] AS status
                   FROM attribution_household_month WHERE region_code LIKE $1 AND period BETWEEN $2 AND $3
                  GROUP BY household_id HAVING sum(amount) > 0) x`,
        [`${prefix}%`, range.fromPeriod, range.toPeriod],
      );
      driven = { d: Number(row.d), e: Number(row.e), mo: Number(row.mo) };
    }
    const [h, v, c] = [Number(totals.h), Number(totals.v), Number(totals.c)];
    return {
      regionCode,
      fromPeriod: range.fromPeriod,
      toPeriod: range.toPeriod,
      attributedAmount: h + v + c,
      householdIncome: h,
      villageCollectiveIncome: v,
      cooperativeIncome: c,
      unassignedAmount: Number(totals.u),
      householdsDriven: driven.d,
      exPovertyHouseholdsDriven: driven.e,
      monitoredHouseholdsDriven: driven.mo,
    };
  }

  /**
   * “Where your money went” for one order. The buyer (its user or agency unit) and platform admins
   * see every line; a supplier sees its own lines; coordinators and auditors the beneficiaries in
   * their region. Household names are masked except for the supplier, auditors and admins.
   */
  async orderAttribution(ctx: RequestContext, orderId: string): Promise<OrderAttribution> {
    const p = ctx.requirePrincipal();
    const s = scopeOf(p);
    assertUuid(orderId, 'orderId');
    const m = this.db.manager(ctx);
    const [order] = await m.query(
      `SELECT o.id, ($2 OR o.buyer_user_id = $3 OR o.buyer_org_id = ANY($4::uuid[])) AS whole,
              EXISTS (SELECT 1 FROM order_line_summary l WHERE l.order_id = o.id AND l.supplier_id = ANY($5::uuid[])) AS supplier,
              EXISTS (SELECT 1 FROM order_line_summary l WHERE l.order_id = o.id AND l.origin_region_code LIKE ANY($6::text[])) AS region,
              EXISTS (SELECT 1 FROM attribution_line al WHERE al.order_id = o.id) AS counted
         FROM order_summary o WHERE o.id = $1`,
      [orderId, s.admin, s.userId, s.agencyIds, s.supplierIds, s.regionPatterns],
    );
    if (!order) throw notFound('Order', orderId);
    if (!order.whole && !order.supplier && !order.region) throw forbidden('You may not see this order');
    const lines: Array<Record<string, any>> = await m.query(
      `SELECT al.*, l.product_title FROM attribution_line al JOIN order_line_summary l ON l.id = al.order_line_id
        WHERE al.order_id = $1 AND ($2 OR al.supplier_id = ANY($3::uuid[]) OR l.origin_region_code LIKE ANY($4::text[]))
        ORDER BY l.created_at, l.id`,
      [orderId, order.whole, s.supplierIds, s.regionPatterns],
    );
    const entries: Array<Record<string, any>> = await m.query(
      `SELECT e.order_line_id, e.beneficiary_kind, e.household_id, e.village_code, e.organization_id, e.lot_id, sum(e.amount) AS amount,
              h.head_name, h.status AS household_status, r.name AS village_name, lot.lot_no, org.name AS org_name
         FROM attribution_entry e
         LEFT JOIN household_directory h ON h.id = e.household_id
         LEFT JOIN region_directory r ON r.code = e.village_code
         LEFT JOIN lot_directory lot ON lot.id = e.lot_id
         LEFT JOIN organization_directory org ON org.id = e.organization_id
        WHERE e.order_line_id = ANY($1::uuid[])
        GROUP BY e.order_line_id, e.beneficiary_kind, e.beneficiary_key, e.household_id, e.village_code, e.organization_id, e.lot_id,
                 h.head_name, h.status, r.name, lot.lot_no, org.name
        HAVING sum(e.amount) <> 0
        ORDER BY e.order_line_id, sum(e.amount) DESC, e.beneficiary_key`,
      [lines.map((l) => l.order_line_id)],
    );
    const fullNames = (supplierId: string) => s.admin || p.hasRole(Role.AUDITOR) || s.supplierIds.includes(supplierId);
    const out: OrderAttributionLine[] = lines.map((l) => ({
      orderLineId: l.order_line_id,
      productId: l.product_id,
      productTitle: l.product_title,
      supplierId: l.supplier_id,
      quantity: l.quantity,
      lineTotal: Number(l.line_total),
      refundedAmount: Number(l.refunded_amount),
      ruleKind: l.rule_kind as AttributionKind | null,
      ruleVersion: l.rule_version,
      attributedAmount: Number(l.attributed_amount),
      capped: l.capped,
      period: l.period,
      beneficiaries: entries
        .filter((e) => e.order_line_id === l.order_line_id)
        .map((e) => ({
          kind: e.beneficiary_kind as BeneficiaryKind,
          householdId: e.household_id,
          name: e.head_name
            ? fullNames(l.supplier_id)
              ? e.head_name
              : maskName(e.head_name)
            : (e.org_name ?? e.village_name ?? null),
          householdStatus: (e.household_status as HouseholdStatus | null) ?? null,
          villageCode: e.village_code,
          villageName: e.village_name,
          organizationId: e.organization_id,
          lotId: e.lot_id,
          lotNo: e.lot_no,
          amount: Number(e.amount),
        })),
    }));
    const households = new Set(entries.filter((e) => e.household_id).map((e) => e.household_id as string));
    return {
      orderId,
      counted: order.counted,
      attributedAmount: out.reduce((a, l) => a + l.attributedAmount, 0),
      householdAmount: entries
        .filter((e) => e.beneficiary_kind === BeneficiaryKind.HOUSEHOLD)
        .reduce((a, e) => a + Number(e.amount), 0),
      householdCount: households.size,
      lines: out,
    };
  }

  /** The unassigned bucket (units not covered by lots) per supplier, product and month, for suppliers and coordinators. */
  async unassigned(
    ctx: RequestContext,
    from: string,
    to: string,
    supplierId?: string | null,
  ): Promise<UnassignedBucket[]> {
    const s = scopeOf(ctx.requirePrincipal());
    const range = parseRange(from, to);
    if (supplierId) assertUuid(supplierId, 'supplierId');
    const rows: Array<Record<string, any>> = await this.db.manager(ctx).query(
      `SELECT m.supplier_id, o.name AS supplier_name, m.region_code, m.product_id, p.title, m.period, m.amount
         FROM attribution_monthly m JOIN product_directory p ON p.id = m.product_id JOIN organization_directory o ON o.id = m.supplier_id
        WHERE m.beneficiary_kind = 'UNASSIGNED' AND m.period BETWEEN $1 AND $2 AND m.amount <> 0
          AND ($3::uuid IS NULL OR m.supplier_id = $3::uuid)
          AND ($4 OR m.supplier_id = ANY($5::uuid[]) OR m.region_code LIKE ANY($6::text[]))
        ORDER BY m.period, o.name, p.title
        LIMIT 1000`,
      [range.fromPeriod, range.toPeriod, supplierId ?? null, s.admin, s.supplierIds, s.regionPatterns],
    );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      supplierName: r.supplier_name,
      regionCode: r.region_code,
      productId: r.product_id,
      productTitle: r.title,
      period: r.period,
      amount: Number(r.amount),
    }));
  }
}
