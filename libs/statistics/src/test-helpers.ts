import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationKind, RequestContext, Role, TokenService } from '@bangfu/core';
import { ATTRIBUTION_ENTITIES, AttributionModule } from '@bangfu/attribution';
import { CATALOG_ENTITIES, CatalogModule } from '@bangfu/catalog';
import {
  CERTIFICATION_ENTITIES,
  CertificationModule,
  insertProductFixture,
  insertVariantFixture,
} from '@bangfu/certification';
import { CHANNEL_ENTITIES, ChannelModule } from '@bangfu/channel';
import { createOrg, createUserWithRole, IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { LEDGER_ENTITIES, LedgerModule } from '@bangfu/ledger';
import { ORDERING_ENTITIES, OrderingModule } from '@bangfu/ordering';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { createSupplierFixture, SUPPLIER_ENTITIES, SupplierKind, SupplierModule } from '@bangfu/supplier';
import { startTestServer, type TestServer } from '@bangfu/testing';
import { RollupWriterService } from './rollup-writer.service';
import { STATISTICS_ENTITIES, StatisticsModule } from './statistics.module';

/** Spec support (not exported): the domains statistics reads through, workers off. */
export async function startStatsServer(
  env: Record<string, string> = {},
): Promise<{ server: TestServer; ds: DataSource }> {
  const server = await startTestServer({
    imports: [
      RegionModule,
      IdentityModule,
      SupplierModule,
      CatalogModule,
      CertificationModule,
      ChannelModule,
      OrderingModule,
      LedgerModule,
      AttributionModule,
      StatisticsModule,
    ],
    entities: [
      ...REGION_ENTITIES,
      ...IDENTITY_ENTITIES,
      ...SUPPLIER_ENTITIES,
      ...CATALOG_ENTITIES,
      ...CERTIFICATION_ENTITIES,
      ...CHANNEL_ENTITIES,
      ...ORDERING_ENTITIES,
      ...LEDGER_ENTITIES,
      ...ATTRIBUTION_ENTITIES,
      ...STATISTICS_ENTITIES,
    ],
    env,
  });
  return { server, ds: server.app.get(DataSource) };
}

export const sys = () => RequestContext.system('test');

export async function tokenFor(server: TestServer, ds: DataSource, role: Role, regionPrefix?: string): Promise<string> {
  const u = await createUserWithRole(ds, role, { regionPrefix });
  return (await server.app.get(TokenService).sign(u.user.id)).token;
}

export async function supplier(ds: DataSource, countyCode: string, kind = SupplierKind.COOPERATIVE): Promise<string> {
  return (await createSupplierFixture(ds, { countyCode, kind })).supplierId;
}

export async function product(
  ds: DataSource,
  supplierId: string,
  originRegionCode: string,
  categoryId: string | null = null,
): Promise<{ productId: string; variantId: string }> {
  const productId = await insertProductFixture(ds, { supplierId, originRegionCode, categoryId });
  return { productId, variantId: await insertVariantFixture(ds, { productId, stockOnHand: 100000 }) };
}

export async function category(ds: DataSource, name: string): Promise<string> {
  const [row] = await ds.query(`INSERT INTO category (code, name) VALUES ($1, $2) RETURNING id`, [
    `c-${randomBytes(3).toString('hex')}`,
    name,
  ]);
  return row.id;
}

export async function channel(
  ds: DataSource,
  kind: 'HALL' | 'ZONE' | 'COUNTER',
  regionCode: string | null = null,
  name = `${kind}-${randomBytes(2).toString('hex')}`,
): Promise<string> {
  const device = kind === 'COUNTER' ? `dev-${randomBytes(4).toString('hex')}` : null;
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, region_code, device_id, device_secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [kind, name, kind === 'HALL' && !regionCode, regionCode, device, device && 'secret'],
  );
  return row.id;
}

export interface Buyer {
  kind: 'AGENCY' | 'CUSTOMER';
  userId: string;
  orgId: string | null;
}

export async function agency(ds: DataSource, regionCode: string): Promise<Buyer> {
  const org = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode });
  const u = await createUserWithRole(ds, Role.PURCHASER, { organizationId: org.id });
  return { kind: 'AGENCY', userId: u.user.id, orgId: org.id };
}

export async function customer(ds: DataSource): Promise<Buyer> {
  return { kind: 'CUSTOMER', userId: (await createUserWithRole(ds, Role.CUSTOMER)).user.id, orgId: null };
}

export interface LineSpec {
  supplierId: string;
  productId: string;
  variantId: string;
  originRegionCode: string;
  unitPrice: number;
  quantity: number;
  certified: boolean;
}

const plus = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

/** A paid, shipped order as ordering leaves it (written with SQL, so the test controls every clock time). */
export async function insertOrder(
  ds: DataSource,
  buyer: Buyer,
  channelId: string,
  placedAt: Date,
  lines: LineSpec[],
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
    const [so] = await ds.query(
      `INSERT INTO supplier_order (order_id, supplier_id, status, subtotal, carrier, tracking_no, shipped_at, created_at)
       VALUES ($1, $2, 'SHIPPED', $3, '顺丰速运', $4, $5, $6) RETURNING id`,
      [o.id, supplierId, subtotal, `SF${randomBytes(5).toString('hex')}`, plus(placedAt, 2), placedAt],
    );
    supplierOrders.set(supplierId, so.id);
  }
  const lineIds: string[] = [];
  for (const [i, l] of lines.entries()) {
    const [row] = await ds.query(
      `INSERT INTO order_line (order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit, price_kind,
                               unit_price, quantity, line_total, certified, certification_status, origin_region_code, created_at)
       SELECT $1, $2, $3, $4, v.id, v.product_id, p.title, v.sku, v.spec, v.unit, $5, $6, $7, $8, $9, $10, $11, $12
         FROM variant v JOIN product p ON p.id = v.product_id WHERE v.id = $13 RETURNING id`,
      [
        o.id,
        supplierOrders.get(l.supplierId),
        l.supplierId,
        channelId,
        buyer.kind === 'AGENCY' ? 'AGENCY' : 'RETAIL',
        l.unitPrice,
        l.quantity,
        l.unitPrice * l.quantity,
        l.certified,
        l.certified ? 'CERTIFIED' : 'EXPIRED',
        l.originRegionCode,
        plus(placedAt, i / 1000),
        l.variantId,
      ],
    );
    lineIds.push(row.id);
  }
  return { orderId: o.id, lineIds };
}

/** Delivered (a paid retail order counts from here). */
export async function deliver(ds: DataSource, orderId: string, when: Date): Promise<void> {
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

/** 验收 (an agency order counts from here). */
export async function accept(ds: DataSource, orderId: string, when: Date): Promise<void> {
  await ds.query(`UPDATE orders SET status = 'ACCEPTED', accepted_at = $2 WHERE id = $1`, [orderId, when]);
  await ds.query(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, created_at) VALUES ($1, 'DELIVERED', 'ACCEPTED', 'BUYER', $2)`,
    [orderId, when],
  );
}

/** A refund as OrderService.recordRefund records it. */
export async function refund(
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
  await ds.query(`UPDATE orders SET refunded_amount = refunded_amount + $2 WHERE id = $1`, [orderId, amount]);
  const [o] = await ds.query(`SELECT status, refunded_amount, paid_amount FROM orders WHERE id = $1`, [orderId]);
  const to = Number(o.refunded_amount) === Number(o.paid_amount) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  await ds.query(`UPDATE orders SET status = $2 WHERE id = $1`, [orderId, to]);
  await ds.query(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, data, created_at) VALUES ($1, $2, $3, 'SYSTEM', $4::jsonb, $5)`,
    [orderId, o.status, to, JSON.stringify({ refund: { refundId, amount, lines } }), when],
  );
  return refundId;
}

/** What ordering's outbox would do after a move: the statistics consumer's sync. */
export function sync(server: TestServer, orderId: string) {
  return server.app.get(RollupWriterService).syncOrder(sys(), orderId);
}
