import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Ordering's rows written with plain SQL, so specs control every clock time and libs that ordering
 * depends on (attribution) can build orders too: the rows ordering's services would leave.
 */
export interface OrderRowsBuyer {
  kind: 'AGENCY' | 'CUSTOMER';
  userId: string;
  orgId: string | null;
}

export interface OrderRowsLine {
  supplierId: string;
  variantId: string;
  /** Specs keep it beside the variant; the row takes the variant's product. */
  productId?: string;
  unitPrice: number;
  quantity: number;
  /** The line's certification snapshot (default certified). */
  certified?: boolean;
  /** Default: the product's origin. */
  originRegionCode?: string;
  /** Shipped units per lot (null: not covered by a lot). */
  allocations?: Array<{ lotId: string | null; quantity: number }>;
}

/** An active online assistance hall (帮扶馆): where the specs' orders are placed. */
export async function onlineHall(ds: DataSource): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, assistance_only, status) VALUES ('HALL', $1, true, true, 'ACTIVE') RETURNING id`,
    [`帮扶馆 ${randomBytes(2).toString('hex')}`],
  );
  return row.id;
}

const plus = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

/**
 * A paid, shipped order (orders, supplier_order, order_line, shipment_allocation, order_history); with
 * `shipped: false` its supplier orders still await shipment.
 */
export async function insertOrderRows(
  ds: DataSource,
  buyer: OrderRowsBuyer,
  channelId: string,
  placedAt: Date,
  lines: OrderRowsLine[],
  { shipped = true }: { shipped?: boolean } = {},
): Promise<{ orderId: string; lineIds: string[] }> {
  const total = lines.reduce((a, l) => a + l.unitPrice * l.quantity, 0);
  const [o] = await ds.query(
    `INSERT INTO orders (buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, payment_mode, total_amount, paid_amount, idempotency_key, request_hash, paid_at, created_at)
     VALUES ($1, $2, $3, $4, 'FULFILLING', 'PREPAY', $5, $5, $6, 'h', $7, $8) RETURNING id`,
    [buyer.kind, buyer.userId, buyer.orgId, channelId, total, randomUUID(), plus(placedAt, 1), placedAt],
  );
  await ds.query(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, created_at) VALUES ($1, NULL, 'PLACED', 'BUYER', $2), ($1, 'PLACED', 'PAID', 'SYSTEM', $3)`,
    [o.id, placedAt, plus(placedAt, 1)],
  );
  const supplierOrders = new Map<string, string>();
  for (const supplierId of new Set(lines.map((l) => l.supplierId))) {
    const subtotal = lines.filter((l) => l.supplierId === supplierId).reduce((a, l) => a + l.unitPrice * l.quantity, 0);
    const [so] = shipped
      ? await ds.query(
          `INSERT INTO supplier_order (order_id, supplier_id, status, subtotal, carrier, tracking_no, shipped_at, created_at)
           VALUES ($1, $2, 'SHIPPED', $3, '顺丰速运', $4, $5, $6) RETURNING id`,
          [o.id, supplierId, subtotal, `SF${randomBytes(5).toString('hex')}`, plus(placedAt, 2), placedAt],
        )
      : await ds.query(
          `INSERT INTO supplier_order (order_id, supplier_id, status, subtotal, created_at) VALUES ($1, $2, 'AWAITING_SHIPMENT', $3, $4) RETURNING id`,
          [o.id, supplierId, subtotal, placedAt],
        );
    supplierOrders.set(supplierId, so.id);
  }
  const lineIds: string[] = [];
  for (const [i, l] of lines.entries()) {
    const soId = supplierOrders.get(l.supplierId);
    const certified = l.certified ?? true;
    const [row] = await ds.query(
      `INSERT INTO order_line (order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit, price_kind,
                               unit_price, quantity, line_total, certified, certification_status, origin_region_code, created_at)
       SELECT $1, $2, $3, $4, v.id, v.product_id, p.title, v.sku, v.spec, v.unit, $5, $6, $7, $8, $9, $10, coalesce($11, p.origin_region_code), $12
         FROM variant v JOIN product p ON p.id = v.product_id WHERE v.id = $13 RETURNING id`,
      [
        o.id,
        soId,
        l.supplierId,
        channelId,
        buyer.kind === 'AGENCY' ? 'AGENCY' : 'RETAIL',
        l.unitPrice,
        l.quantity,
        l.unitPrice * l.quantity,
        certified,
        certified ? 'CERTIFIED' : 'EXPIRED',
        l.originRegionCode ?? null,
        plus(placedAt, i / 1000),
        l.variantId,
      ],
    );
    lineIds.push(row.id);
    for (const a of l.allocations ?? []) {
      if (a.quantity <= 0) continue;
      await ds.query(
        `INSERT INTO shipment_allocation (order_line_id, supplier_order_id, variant_id, lot_id, quantity, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, soId, l.variantId, a.lotId, a.quantity, plus(placedAt, 2)],
      );
    }
  }
  return { orderId: o.id, lineIds };
}

/** Every supplier order delivered: the order is DELIVERED (a paid retail order counts from here). */
export async function deliverOrderRows(ds: DataSource, orderId: string, when: Date): Promise<void> {
  await ds.query(`UPDATE supplier_order SET status = 'DELIVERED', delivered_at = $2 WHERE order_id = $1`, [
    orderId,
    when,
  ]);
  await ds.query(`UPDATE orders SET status = 'DELIVERED', delivered_at = $2 WHERE id = $1`, [orderId, when]);
  await ds.query(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, created_at) VALUES ($1, 'FULFILLING', 'DELIVERED', 'SYSTEM', $2)`,
    [orderId, when],
  );
}

/** 验收: an agency order counts from here. */
export async function acceptOrderRows(ds: DataSource, orderId: string, when: Date): Promise<void> {
  await ds.query(`UPDATE orders SET status = 'ACCEPTED', accepted_at = $2 WHERE id = $1`, [orderId, when]);
  await ds.query(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, created_at) VALUES ($1, 'DELIVERED', 'ACCEPTED', 'BUYER', $2)`,
    [orderId, when],
  );
}

/** A refund as OrderService.recordRefund records it (order_refund, line and order totals, history row with data.refund). */
export async function refundOrderRows(
  ds: DataSource,
  orderId: string,
  lines: Array<{ lineId: string; amount: number }>,
  when: Date,
  refundId = `re_${randomBytes(6).toString('hex')}`,
): Promise<string> {
  const amount = lines.reduce((a, l) => a + l.amount, 0);
  await ds.query(
    `INSERT INTO order_refund (order_id, refund_id, amount, lines, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [orderId, refundId, amount, JSON.stringify(lines), when],
  );
  for (const l of lines)
    if (l.amount > 0)
      await ds.query(`UPDATE order_line SET refunded_amount = refunded_amount + $2 WHERE id = $1`, [
        l.lineId,
        l.amount,
      ]);
  const [o] = await ds.query(
    `UPDATE orders SET refunded_amount = refunded_amount + $2 WHERE id = $1 RETURNING status, refunded_amount, paid_amount`,
    [orderId, amount],
  );
  const to = Number(o.refunded_amount) === Number(o.paid_amount) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  await ds.query(`UPDATE orders SET status = $2 WHERE id = $1`, [orderId, to]);
  await ds.query(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, data, created_at) VALUES ($1, $2, $3, 'SYSTEM', $4::jsonb, $5)`,
    [orderId, o.status, to, JSON.stringify({ refund: { refundId, amount, lines } }), when],
  );
  return refundId;
}
