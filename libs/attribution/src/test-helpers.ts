import { Global, Injectable, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Db, OrganizationKind, RequestContext, Role } from '@bangfu/core';
import { createOrg, createUserWithRole, IdentityModule, signedActor as actor, type Actor } from '@bangfu/identity';
import {
  createHouseholdFixture,
  createLinkageFixture,
  createSupplierFixture,
  HouseholdStatus,
  LinkageType,
  SupplierKind,
} from '@bangfu/supplier';
import {
  acceptOrderRows as accept,
  contextFor,
  count,
  deliverOrderRows as deliver,
  insertOrderRows as insertOrder,
  type OrderRowsBuyer,
  type OrderRowsLine,
  refundOrderRows as refund,
  startWithDataSource,
  type TestServer,
} from '@bangfu/testing';
import { ORDER_FACTS_READER, type OrderFacts as EventOrderFacts, type OrderFactsReader } from '@bangfu/events';
import { AttributionModule } from './attribution.module';

export { accept, actor, type Actor, contextFor, count, deliver, insertOrder, refund };

/**
 * Spec support (not exported from the lib). Ordering's and catalog's tables are written with plain
 * SQL, as their migrations define them: attribution reads them and must not depend on their modules.
 */
export function startAttributionServer() {
  return startWithDataSource({
    imports: [IdentityModule, AttributionModule, SpecOrderFactsModule],
    env: { DATABASE_POOL_SIZE: '10' },
  });
}

export const sys = () => RequestContext.system('test');

export async function villages(ds: DataSource, countyPrefix: string, n: number): Promise<string[]> {
  const rows: Array<{ code: string }> = await ds.query(
    `SELECT code FROM region WHERE code LIKE $1 AND level = 5 ORDER BY code LIMIT $2`,
    [`${countyPrefix}%`, n],
  );
  return rows.map((r) => r.code);
}

export async function supplier(ds: DataSource, countyCode = '520621000000', kind = SupplierKind.COOPERATIVE) {
  return createSupplierFixture(ds, { countyCode, kind });
}

export async function household(
  ds: DataSource,
  villageCode: string,
  status = HouseholdStatus.EX_POVERTY,
  headName = '田大姐',
): Promise<string> {
  return (await createHouseholdFixture(ds, { villageCode, status, headName })).id;
}

export async function link(
  ds: DataSource,
  supplierId: string,
  who: { householdId?: string; villageCode?: string },
  type = LinkageType.PURCHASE_CONTRACT,
  shareBasisPoints: number | null = null,
): Promise<string> {
  return (await createLinkageFixture(ds, { supplierId, ...who, type, shareBasisPoints, validFrom: '2020-01-01' })).id;
}

/** A published product with one variant per price (retail = agency = the price). */
export async function product(
  ds: DataSource,
  supplierId: string,
  prices: number[],
  title = '贵州梵净山绿茶礼盒',
  originRegionCode = '520621000000',
) {
  const [p] = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status) VALUES ($1, $2, $3, 'PUBLISHED') RETURNING id`,
    [supplierId, title, originRegionCode],
  );
  const variants: Array<{ id: string; price: number }> = [];
  for (const price of prices) {
    const [v] = await ds.query(
      `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
       VALUES ($1, $2, '250g×2罐', '盒', $3, $3, $3, 100000) RETURNING id`,
      [p.id, `SKU-${randomBytes(6).toString('hex')}`, price],
    );
    variants.push({ id: v.id, price });
  }
  return { productId: p.id as string, title, variants };
}

export async function lot(
  ds: DataSource,
  variantId: string,
  contributions: Array<{ householdId: string; quantity: number }>,
): Promise<string> {
  const total = Math.max(
    1,
    contributions.reduce((a, c) => a + c.quantity, 0),
  );
  const [row] = await ds.query(
    `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, '2026-01-05', $3, $3) RETURNING id`,
    [variantId, `L-${randomBytes(4).toString('hex')}`, total],
  );
  for (const c of contributions)
    await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, $3)`, [
      row.id,
      c.householdId,
      c.quantity,
    ]);
  return row.id;
}

export async function channel(ds: DataSource): Promise<string> {
  const [row] = await ds.query(`INSERT INTO channel (kind, name, online) VALUES ('HALL', $1, true) RETURNING id`, [
    `帮扶馆 ${randomBytes(2).toString('hex')}`,
  ]);
  return row.id;
}

/** A rule version written directly (any effective date), for tests of arithmetic rather than of setAttributionRule. */
export async function rule(
  ds: DataSource,
  input: {
    supplierId: string;
    productId?: string | null;
    kind: string;
    effectiveFrom: Date;
    perUnitPayout?: number | null;
    householdsBp?: number;
    villageCollectiveBp?: number;
    cooperativeBp?: number;
    poolBp?: number;
    villageCode?: string | null;
    cooperativeOrgId?: string | null;
  },
): Promise<string> {
  const [{ v }] = await ds.query(
    `SELECT coalesce(max(version), 0) + 1 AS v FROM attribution_rule WHERE supplier_id = $1 AND product_id IS NOT DISTINCT FROM $2`,
    [input.supplierId, input.productId ?? null],
  );
  const [row] = await ds.query(
    `INSERT INTO attribution_rule (supplier_id, product_id, version, effective_from, kind, per_unit_payout, households_bp, village_collective_bp, cooperative_bp, pool_bp, village_code, cooperative_org_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      input.supplierId,
      input.productId ?? null,
      v,
      input.effectiveFrom,
      input.kind,
      input.perUnitPayout ?? null,
      input.householdsBp ?? 0,
      input.villageCollectiveBp ?? 0,
      input.cooperativeBp ?? 0,
      input.poolBp ?? 0,
      input.villageCode ?? null,
      input.cooperativeOrgId ?? null,
    ],
  );
  return row.id;
}

export type Buyer = OrderRowsBuyer;

export async function customer(ds: DataSource): Promise<Buyer> {
  const u = await createUserWithRole(ds, Role.CUSTOMER);
  return { kind: 'CUSTOMER', userId: u.user.id, orgId: null };
}

export async function agency(ds: DataSource): Promise<Buyer & { organizationId: string }> {
  const org = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '520000000000' });
  const u = await createUserWithRole(ds, Role.PURCHASER, { organizationId: org.id });
  return { kind: 'AGENCY', userId: u.user.id, orgId: org.id, organizationId: org.id };
}

export interface LineSpec extends OrderRowsLine {
  productId: string;
  allocations: NonNullable<OrderRowsLine['allocations']>;
}

/**
 * Ordering's OrderFactsReader for attribution's specs, which write ordering's tables with SQL and do not
 * load ordering (attribution cannot depend on it): the same facts ordering's CountingFactsService reads.
 */
@Injectable()
export class SpecOrderFacts implements OrderFactsReader {
  constructor(private readonly db: Db) {}

  async facts(ctx: RequestContext, orderIds: string[]): Promise<EventOrderFacts[]> {
    const q = (sql: string) => this.db.manager(ctx).query(sql, [orderIds]) as Promise<Array<Record<string, any>>>;
    const orders = await q(
      `SELECT o.*, (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = o.id AND h.to_status = 'ACCEPTED') AS accepted_h,
              (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = o.id AND h.to_status = 'DELIVERED') AS delivered_h
         FROM orders o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id`,
    );
    const lines = await q(
      `SELECT * FROM order_line WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, created_at, id`,
    );
    const allocations = await q(
      `SELECT a.* FROM shipment_allocation a JOIN order_line l ON l.id = a.order_line_id WHERE l.order_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
    );
    const refunds = await q(
      `SELECT r.*, (SELECT min(h.created_at) FROM order_history h WHERE h.order_id = r.order_id AND h.data->'refund'->>'refundId' = r.refund_id) AS refund_h
         FROM order_refund r WHERE r.order_id = ANY($1::uuid[]) ORDER BY r.created_at, r.id`,
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return orders.map((o) => {
      const delivered = o.delivered_h ?? o.delivered_at;
      const countedAt =
        o.buyer_kind === 'AGENCY'
          ? o.accepted_at && (o.accepted_h ?? o.accepted_at)
          : o.paid_at && delivered && (new Date(o.paid_at) > new Date(delivered) ? o.paid_at : delivered);
      return {
        orderId: o.id,
        orderNo: o.order_no,
        buyerKind: o.buyer_kind,
        buyerUserId: o.buyer_user_id,
        buyerOrgId: o.buyer_org_id,
        channelId: o.channel_id,
        placedAt: iso(o.created_at)!,
        countedAt: iso(countedAt || null),
        lines: lines
          .filter((l) => l.order_id === o.id)
          .map((l) => ({
            lineId: l.id,
            supplierOrderId: l.supplier_order_id,
            supplierId: l.supplier_id,
            variantId: l.variant_id,
            productId: l.product_id,
            channelId: l.channel_id,
            originRegionCode: l.origin_region_code,
            quantity: l.quantity,
            unitPrice: Number(l.unit_price),
            lineTotal: Number(l.line_total),
            refundedAmount: Number(l.refunded_amount),
            certified: l.certified,
            allocations: allocations
              .filter((a) => a.order_line_id === l.id)
              .map((a) => ({ lotId: a.lot_id, quantity: a.quantity })),
          })),
        refunds: refunds
          .filter((r) => r.order_id === o.id)
          .map((r) => ({
            refundId: r.refund_id,
            occurredAt: iso(r.refund_h ?? r.created_at)!,
            lines: (r.lines as Array<{ lineId: string; amount: number | string }>).map((x) => ({
              lineId: x.lineId,
              amount: Number(x.amount),
            })),
          })),
      };
    });
  }

  async lockOrder(ctx: RequestContext, orderId: string): Promise<boolean> {
    return (await this.db.manager(ctx).query(`SELECT id FROM orders WHERE id = $1 FOR UPDATE`, [orderId])).length > 0;
  }

  async orderIdsTouching(ctx: RequestContext, from: Date, to: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `WITH r AS (SELECT $1::timestamptz - interval '1 day' AS a, $2::timestamptz + interval '1 day' AS b)
       SELECT id FROM orders, r WHERE (accepted_at >= r.a AND accepted_at < r.b) OR (delivered_at >= r.a AND delivered_at < r.b) OR (paid_at >= r.a AND paid_at < r.b)
       UNION SELECT order_id FROM order_refund, r WHERE created_at >= r.a AND created_at < r.b`,
      [from, to],
    );
    return rows.map((r) => r.id);
  }
}

@Global()
@Module({
  providers: [SpecOrderFacts, { provide: ORDER_FACTS_READER, useExisting: SpecOrderFacts }],
  exports: [ORDER_FACTS_READER],
})
export class SpecOrderFactsModule {}

/** The OrderCounted / OrderRefunded facts for an order the spec wrote with SQL, as ordering would send them. */
export async function eventFacts(server: TestServer, orderId: string): Promise<EventOrderFacts> {
  const [facts] = await server.app.get(SpecOrderFacts).facts(sys(), [orderId]);
  return facts;
}
