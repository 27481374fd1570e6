import { Inject, Injectable, Optional } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { type OrderFacts as EventOrderFacts, ORDER_FACTS_READER, type OrderFactsReader } from '@bangfu/events';
import type {
  AttributionKind,
  HouseholdFacts,
  LinkageFacts,
  OrderFacts,
  RuleFacts,
  SupplierFacts,
  WorldFacts,
} from './engine';

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
 * supplier linkages and households, the rules — plain read-only SQL, a fixed number of queries for any
 * number of orders) and, for the by-id entry points and reconciliation only (`load`), the orders
 * themselves through ordering's `OrderFactsReader`. No SQL here names an ordering table.
 */
@Injectable()
export class AttributionFactsLoader {
  constructor(
    private readonly db: Db,
    // Absent where ordering is not loaded (servers that only read attribution); the by-id paths need it.
    @Optional() @Inject(ORDER_FACTS_READER) private readonly orders?: OrderFactsReader,
  ) {}

  /** Orders by id, through ordering's reader (repairs, reconciliation); the event paths use `withWorld`. */
  async load(ctx: RequestContext, orderIds: string[]): Promise<LoadedFacts> {
    if (orderIds.length === 0)
      return { orders: [], rules: [], world: { lots: new Map(), households: new Map(), suppliers: new Map() } };
    return this.withWorld(ctx, (await this.reader().facts(ctx, orderIds)).map(orderFactsOf));
  }

  /** Ordering's row lock on the order (the by-id entry points serialise with ordering's moves). */
  lockOrder(ctx: RequestContext, orderId: string): Promise<boolean> {
    return this.reader().lockOrder(ctx, orderId);
  }

  /** Orders that may have counted or been refunded around [from, to) (ordering's reader). */
  orderIdsTouching(ctx: RequestContext, from: Date, to: Date): Promise<string[]> {
    return this.reader().orderIdsTouching(ctx, from, to);
  }

  private reader(): OrderFactsReader {
    if (!this.orders)
      throw new Error('Attribution by order id needs ordering’s facts: load OrderingModule (ORDER_FACTS_READER)');
    return this.orders;
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
      `SELECT organization_id, county_code FROM supplier_directory WHERE organization_id = ANY($1::uuid[])`,
      supplierIds,
    );
    const linkages = await forIds(
      `SELECT id, supplier_id, household_id, village_code, type, share_basis_points, valid_from::text AS valid_from, valid_to::text AS valid_to
         FROM linkage_directory WHERE supplier_id = ANY($1::uuid[]) AND type IN ('WAGE','DIVIDEND')`,
      supplierIds,
    );
    const contributions = await forIds(
      `SELECT lot_id, household_id, quantity FROM lot_contribution_directory WHERE lot_id = ANY($1::uuid[]) ORDER BY lot_id, household_id`,
      lotIds,
    );
    const householdIds = uniq([
      ...contributions.map((c) => c.household_id as string),
      ...linkages.filter((l) => l.household_id).map((l) => l.household_id as string),
    ]);
    const households = await forIds(
      `SELECT id, village_code, status FROM household_directory WHERE id = ANY($1::uuid[])`,
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
