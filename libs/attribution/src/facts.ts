import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import type { OrderFacts as EventOrderFacts } from '@bangfu/events';
import type {
  AttributionKind,
  HouseholdFacts,
  LinkageFacts,
  OrderFacts,
  RuleFacts,
  SupplierFacts,
  WorldFacts,
} from './engine';

const n = (v: string | number | null): number => (v === null ? 0 : Number(v));
const uniq = <T>(xs: T[]) => [...new Set(xs)];

export interface LoadedFacts {
  orders: OrderFacts[];
  rules: RuleFacts[];
  world: WorldFacts;
}

/** Columns of attribution_rule as RuleFacts (shared by the rule service). */
export const RULE_COLUMNS = `id, supplier_id, product_id, version, effective_from, kind, per_unit_payout, households_bp, village_collective_bp,
  cooperative_bp, pool_bp, village_code, cooperative_org_id`;

export function toRuleFacts(r: Record<string, any>): RuleFacts {
  return {
    id: r.id,
    supplierId: r.supplier_id,
    productId: r.product_id,
    version: r.version,
    effectiveFrom: new Date(r.effective_from),
    kind: r.kind as AttributionKind,
    perUnitPayout: r.per_unit_payout === null ? null : Number(r.per_unit_payout),
    householdsBp: r.households_bp,
    villageCollectiveBp: r.village_collective_bp,
    cooperativeBp: r.cooperative_bp,
    poolBp: r.pool_bp,
    villageCode: r.village_code,
    cooperativeOrgId: r.cooperative_org_id,
  };
}

/**
 * An OrderCounted / OrderRefunded payload as the engine's order facts. The event is how attribution
 * learns about orders: its consumer never reads ordering's tables.
 */
export function orderFactsOf(f: EventOrderFacts): OrderFacts {
  return {
    id: f.orderId,
    placedAt: new Date(f.placedAt),
    countedAt: f.countedAt ? new Date(f.countedAt) : null,
    lines: f.lines.map((l) => ({
      id: l.lineId,
      orderId: f.orderId,
      supplierId: l.supplierId,
      productId: l.productId,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      allocations: l.allocations,
    })),
    refunds: f.refunds.map((r) => ({ refundId: r.refundId, occurredAt: new Date(r.occurredAt), lines: r.lines })),
  };
}

/**
 * Reads what attribution is computed from besides the order (`withWorld`: catalog's lot contributions,
 * supplier linkages and households, the rules) and, for the by-id entry points and reconciliation
 * only (`load`), the orders themselves from ordering's tables — with plain SQL (read-only), a fixed
 * number of queries for any number of orders.
 */
@Injectable()
export class AttributionFactsLoader {
  constructor(private readonly db: Db) {}

  async load(ctx: RequestContext, orderIds: string[]): Promise<LoadedFacts> {
    const q = (sql: string, params: unknown[]) =>
      this.db.manager(ctx).query(sql, params) as Promise<Array<Record<string, any>>>;
    /** Rows for a list of ids given as $1; none asked, none read. */
    const forIds = async (sql: string, ids: string[]) => (ids.length === 0 ? [] : q(sql, [ids]));
    if (orderIds.length === 0)
      return { orders: [], rules: [], world: { lots: new Map(), households: new Map(), suppliers: new Map() } };

    // When a line counts: agency orders at acceptance (验收), retail orders once paid and delivered. The
    // history row's clock time orders it against refunds recorded under the same order lock.
    const orders = await q(
      `SELECT o.id, o.buyer_kind, o.created_at, o.paid_at, o.delivered_at, o.accepted_at,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = o.id AND h.to_status = 'ACCEPTED') AS accepted_h,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = o.id AND h.to_status = 'DELIVERED') AS delivered_h
         FROM orders o WHERE o.id = ANY($1::uuid[])`,
      [orderIds],
    );
    // Only counted orders have lines to attribute (planOrder plans nothing for the others): ordering runs
    // this in the transaction of every move it publishes, most of which do not make the order count.
    const counted = orders.filter((o) => countedAt(o) !== null).map((o) => o.id as string);
    const lines = await forIds(
      `SELECT id, order_id, supplier_id, product_id, quantity, line_total FROM order_line WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, created_at, id`,
      counted,
    );
    const lineIds = lines.map((l) => l.id);
    const allocations = await forIds(
      `SELECT order_line_id, lot_id, quantity FROM shipment_allocation WHERE order_line_id = ANY($1::uuid[]) ORDER BY order_line_id, created_at, id`,
      lineIds,
    );
    const refunds = await q(
      `SELECT r.order_id, r.refund_id, r.lines, r.created_at,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = r.order_id AND h.data->'refund'->>'refundId' = r.refund_id) AS refund_h
         FROM order_refund r WHERE r.order_id = ANY($1::uuid[])`,
      [orderIds],
    );
    const allocationsByLine = new Map<string, Array<{ lotId: string | null; quantity: number }>>();
    for (const a of allocations) {
      const list = allocationsByLine.get(a.order_line_id) ?? [];
      list.push({ lotId: a.lot_id, quantity: a.quantity });
      allocationsByLine.set(a.order_line_id, list);
    }
    const orderFacts: OrderFacts[] = orders.map((o) => ({
      id: o.id,
      placedAt: new Date(o.created_at),
      countedAt: countedAt(o),
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          id: l.id,
          orderId: l.order_id,
          supplierId: l.supplier_id,
          productId: l.product_id,
          quantity: l.quantity,
          lineTotal: n(l.line_total),
          allocations: allocationsByLine.get(l.id) ?? [],
        })),
      refunds: refunds
        .filter((r) => r.order_id === o.id)
        .map((r) => ({
          refundId: r.refund_id,
          occurredAt: new Date(r.refund_h ?? r.created_at),
          lines: (r.lines as Array<{ lineId: string; amount: number | string }>).map((l) => ({
            lineId: l.lineId,
            amount: n(l.amount),
          })),
        })),
    }));
    return this.withWorld(ctx, orderFacts);
  }

  /**
   * The rules and the world (lots' household contributions, suppliers' linkages, households) for the
   * counted lines of `orders` — everything but the orders themselves, which come from an event's
   * payload (`orderFactsOf`) or from `load`.
   */
  async withWorld(ctx: RequestContext, orderFacts: OrderFacts[]): Promise<LoadedFacts> {
    const q = (sql: string, params: unknown[]) =>
      this.db.manager(ctx).query(sql, params) as Promise<Array<Record<string, any>>>;
    const forIds = async (sql: string, ids: string[]) => (ids.length === 0 ? [] : q(sql, [ids]));
    const lines = orderFacts.filter((o) => o.countedAt !== null).flatMap((o) => o.lines);
    const supplierIds = uniq(lines.map((l) => l.supplierId));
    const lotIds = uniq(lines.flatMap((l) => l.allocations.filter((a) => a.lotId).map((a) => a.lotId as string)));
    // Sequential: inside a transaction they share one connection.
    const rules = await forIds(
      `SELECT ${RULE_COLUMNS} FROM attribution_rule WHERE supplier_id = ANY($1::uuid[])`,
      supplierIds,
    );
    const suppliers = await forIds(
      `SELECT organization_id, county_code FROM supplier_profile WHERE organization_id = ANY($1::uuid[])`,
      supplierIds,
    );
    const linkages = await forIds(
      `SELECT id, supplier_id, household_id, village_code, type, share_basis_points, valid_from::text AS valid_from, valid_to::text AS valid_to
         FROM linkage WHERE supplier_id = ANY($1::uuid[]) AND type IN ('WAGE','DIVIDEND')`,
      supplierIds,
    );
    const contributions = await forIds(
      `SELECT lot_id, household_id, quantity FROM lot_contribution WHERE lot_id = ANY($1::uuid[]) ORDER BY lot_id, household_id`,
      lotIds,
    );
    const householdIds = uniq([
      ...contributions.map((c) => c.household_id as string),
      ...linkages.filter((l) => l.household_id).map((l) => l.household_id as string),
    ]);
    const households = await forIds(
      `SELECT id, village_code, status FROM household WHERE id = ANY($1::uuid[])`,
      householdIds,
    );

    const world: WorldFacts = { lots: new Map(), households: new Map(), suppliers: new Map() };
    for (const c of contributions) {
      const list = world.lots.get(c.lot_id) ?? [];
      list.push({ householdId: c.household_id, quantity: c.quantity });
      world.lots.set(c.lot_id, list);
    }
    for (const h of households)
      world.households.set(h.id, { id: h.id, villageCode: h.village_code, status: h.status } satisfies HouseholdFacts);
    for (const s of suppliers)
      world.suppliers.set(s.organization_id, {
        id: s.organization_id,
        countyCode: s.county_code,
        linkages: [],
      } satisfies SupplierFacts);
    for (const l of linkages) {
      world.suppliers.get(l.supplier_id)?.linkages.push({
        id: l.id,
        householdId: l.household_id,
        villageCode: l.village_code,
        type: l.type,
        shareBp: l.share_basis_points,
        validFrom: l.valid_from,
        validTo: l.valid_to,
      } satisfies LinkageFacts);
    }

    return { orders: orderFacts, rules: rules.map(toRuleFacts), world };
  }
}

function countedAt(o: Record<string, any>): Date | null {
  if (o.buyer_kind === 'AGENCY') return o.accepted_at ? new Date(o.accepted_h ?? o.accepted_at) : null;
  if (!o.paid_at || !o.delivered_at) return null;
  const delivered = new Date(o.delivered_h ?? o.delivered_at);
  const paid = new Date(o.paid_at);
  return paid > delivered ? paid : delivered;
}
