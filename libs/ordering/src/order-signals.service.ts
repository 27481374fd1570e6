import { Injectable } from '@nestjs/common';
import { Db, prepared, type RequestContext } from '@bangfu/core';
import { OrderAccessService } from './order-access.service';

/** One order line with its order's buyer and time, for anomaly detection (libs/oversight). */
export interface OrderSignalLine {
  orderId: string;
  orderNo: string;
  orderCreatedAt: Date;
  orderStatus: string;
  buyerKind: string;
  buyerUserId: string;
  buyerOrgId: string | null;
  channelId: string;
  supplierId: string;
  variantId: string;
  productId: string;
  productTitle: string;
  sku: string;
  spec: string;
  unit: string;
  priceKind: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  certified: boolean;
}

export interface OrderSignalFilter {
  orderIds?: string[];
  since?: Date;
  until?: Date;
  supplierIds?: string[];
  variantIds?: string[];
  /** Orders with a line of one of these variants, with ALL their lines (variantIds keeps only those lines). */
  ordersWithVariantIds?: string[];
  buyerOrgIds?: string[];
  buyerUserIds?: string[];
  channelIds?: string[];
}

/** Which earlier sales of a variant at one price kind to summarise: orders placed in [since, before). */
export interface PriceHistoryKey {
  variantId: string;
  priceKind: string;
  since: Date;
  before: Date;
}

/** Earlier sales of a key: how many (order, unit price) pairs, and their lower median unit price. */
export interface PriceHistory {
  sales: number;
  medianUnitPrice: number | null;
}

/** Orders that never became a sale (no money, no goods) are left out of every signal. */
const DEAD = `('CANCELLED','REJECTED')`;

/**
 * Per key: distinct (order, unit price) pairs of live orders — an order has one line per variant
 * (order_line_order_id_variant_id_key), so its lines of the key are those pairs —, counted and their lower median
 * (percentile_disc(0.5): the ⌊(n−1)/2⌋-th of the sorted prices) taken in SQL, so a popular variant's
 * months of sales never travel to Node (nor stop at a row limit). Each key reads only its variant's lines in
 * the window, through order_line (variant_id, created_at) with the hour of slack `lines` uses (o.created_at stays
 * the exact filter): as one join, the generic plan hashed every line and order of the platform on every order event.
 */
const PRICE_HISTORY = prepared(`SELECT k.i::int AS i, h.sales, h.median
  FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS k(variant_id, price_kind, since, before, i)
  CROSS JOIN LATERAL (
    SELECT count(l.unit_price)::int AS sales, percentile_disc(0.5) WITHIN GROUP (ORDER BY l.unit_price) AS median
      FROM order_line l JOIN orders o ON o.id = l.order_id
     WHERE l.variant_id = k.variant_id AND l.price_kind = k.price_kind
       AND l.created_at >= k.since - interval '1 hour' AND l.created_at < k.before + interval '1 hour'
       AND o.status NOT IN ${DEAD} AND o.created_at >= k.since AND o.created_at < k.before) h`);

/** A supplier's shipped units in a period, and those no harvest lot covered (attribution's unassigned bucket). */
export interface ShipmentCoverage {
  supplierId: string;
  unitsShipped: number;
  unitsWithoutLot: number;
  /** Orders with uncovered units, newest first (at most 50). */
  uncoveredOrderIds: string[];
}

const MAX_LINES = 20_000;

/**
 * Read-only facts for oversight's detectors, so they never query ordering's tables themselves. Every
 * filter is optional and ANDed; callers keep the windows small (one order, or a look-back period).
 */
@Injectable()
export class OrderSignalsService {
  constructor(
    private readonly db: Db,
    private readonly access: OrderAccessService,
  ) {}

  async lines(ctx: RequestContext, f: OrderSignalFilter): Promise<OrderSignalLine[]> {
    const where: string[] = [`o.status NOT IN ${DEAD}`];
    const params: unknown[] = [];
    const any = (col: string, ids: string[] | undefined) =>
      ids && where.push(`${col} = ANY($${params.push(ids)}::uuid[])`);
    any('o.id', f.orderIds);
    any('l.supplier_id', f.supplierIds);
    any('l.variant_id', f.variantIds);
    if (f.ordersWithVariantIds) {
      // A line is written in its order's transaction, stamped with the order's time (fixtures: within
      // milliseconds of it), so the lines' own time bounds the search by (variant_id, created_at) — not
      // every line the variants ever sold — with an hour of slack; o.created_at below stays the exact filter.
      const lineTime = [
        f.since && `w.created_at >= $${params.push(f.since)}::timestamptz - interval '1 hour'`,
        f.until && `w.created_at < $${params.push(f.until)}::timestamptz + interval '1 hour'`,
      ].filter(Boolean);
      where.push(
        `o.id IN (SELECT w.order_id FROM order_line w WHERE w.variant_id = ANY($${params.push(f.ordersWithVariantIds)}::uuid[])${lineTime.map((c) => ` AND ${c}`).join('')})`,
      );
    }
    any('o.buyer_org_id', f.buyerOrgIds);
    any('o.buyer_user_id', f.buyerUserIds);
    any('o.channel_id', f.channelIds);
    if (f.since) where.push(`o.created_at >= $${params.push(f.since)}`);
    if (f.until) where.push(`o.created_at < $${params.push(f.until)}`);
    const sql = `SELECT o.id AS order_id, o.order_no, o.created_at, o.status, o.buyer_kind, o.buyer_user_id, o.buyer_org_id, o.channel_id,
              l.supplier_id, l.variant_id, l.product_id, l.product_title, l.sku, l.spec, l.unit, l.price_kind, l.unit_price, l.quantity, l.line_total, l.certified
         FROM orders o JOIN order_line l ON l.order_id = o.id
        WHERE ${where.join(' AND ')}
        ORDER BY o.created_at, o.id, l.id
        LIMIT ${MAX_LINES}`;
    // An order's own lines (every order event's rules start there): prepared, its plan a key lookup
    // whatever the ids. Windows of time are planned per call: their best plan depends on the range.
    const byOrderOnly = params.length === 1 && f.orderIds;
    const rows: Array<Record<string, any>> = await this.db
      .manager(ctx)
      .query(byOrderOnly ? prepared(sql) : sql, params);
    return rows.map((r) => ({
      orderId: r.order_id,
      orderNo: r.order_no,
      orderCreatedAt: new Date(r.created_at),
      orderStatus: r.status,
      buyerKind: r.buyer_kind,
      buyerUserId: r.buyer_user_id,
      buyerOrgId: r.buyer_org_id,
      channelId: r.channel_id,
      supplierId: r.supplier_id,
      variantId: r.variant_id,
      productId: r.product_id,
      productTitle: r.product_title,
      sku: r.sku,
      spec: r.spec,
      unit: r.unit,
      priceKind: r.price_kind,
      unitPrice: Number(r.unit_price),
      quantity: Number(r.quantity),
      lineTotal: Number(r.line_total),
      certified: r.certified,
    }));
  }

  /** Earlier sales per key, in the keys' order (one statement for all of them). */
  async priceHistory(ctx: RequestContext, keys: PriceHistoryKey[]): Promise<PriceHistory[]> {
    if (keys.length === 0) return [];
    const rows: Array<{ i: number; sales: number; median: string | null }> = await this.db
      .manager(ctx)
      .query(PRICE_HISTORY, [
        keys.map((k) => k.variantId),
        keys.map((k) => k.priceKind),
        keys.map((k) => k.since),
        keys.map((k) => k.before),
      ]);
    const byIndex = new Map(rows.map((r) => [r.i, r]));
    return keys.map((_, i) => {
      const r = byIndex.get(i + 1);
      return { sales: r?.sales ?? 0, medianUnitPrice: r?.median == null ? null : Number(r.median) };
    });
  }

  /**
   * Order numbers, states and totals for links from evidence — only the orders the caller may read
   * (the same scope as `orders`, in SQL), so evidence never names an order outside the caller's region.
   */
  async summaries(
    ctx: RequestContext,
    orderIds: string[],
  ): Promise<Array<{ id: string; orderNo: string; status: string; totalAmount: number; createdAt: Date }>> {
    if (orderIds.length === 0) return [];
    const qb = this.db
      .manager(ctx)
      .createQueryBuilder()
      .select([
        'o.id AS id',
        'o.order_no AS order_no',
        'o.status AS status',
        'o.total_amount AS total_amount',
        'o.created_at AS created_at',
      ])
      .from('orders', 'o')
      .where('o.id = ANY(:ids::uuid[])', { ids: orderIds });
    const scope = await this.access.scope(ctx);
    if (scope.where) qb.andWhere(scope.where, scope.params);
    const rows: Array<{ id: string; order_no: string; status: string; total_amount: string; created_at: Date }> =
      await qb.orderBy('o.created_at').addOrderBy('o.id').getRawMany();
    return rows.map((r) => ({
      id: r.id,
      orderNo: r.order_no,
      status: r.status,
      totalAmount: Number(r.total_amount),
      createdAt: new Date(r.created_at),
    }));
  }

  /** Shipped units per supplier since `since` (optionally some suppliers), and how many no lot covered. */
  async shipmentCoverage(ctx: RequestContext, since: Date, supplierIds?: string[]): Promise<ShipmentCoverage[]> {
    const rows: Array<{ supplier_id: string; shipped: string; uncovered: string; orders: string[] | null }> =
      await this.db.manager(ctx).query(
        `SELECT so.supplier_id, sum(a.quantity) AS shipped, coalesce(sum(a.quantity) FILTER (WHERE a.lot_id IS NULL), 0) AS uncovered,
              (array_agg(DISTINCT so.order_id) FILTER (WHERE a.lot_id IS NULL))[1:50] AS orders
         FROM shipment_allocation a JOIN supplier_order so ON so.id = a.supplier_order_id
        WHERE a.created_at >= $1 AND ($2::uuid[] IS NULL OR so.supplier_id = ANY($2::uuid[]))
        GROUP BY so.supplier_id`,
        [since, supplierIds ?? null],
      );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      unitsShipped: Number(r.shipped),
      unitsWithoutLot: Number(r.uncovered),
      uncoveredOrderIds: r.orders ?? [],
    }));
  }
}
