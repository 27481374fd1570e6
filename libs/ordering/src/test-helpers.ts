import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { OrganizationKind, RequestContext, Role, TokenService } from '@bangfu/core';
import { createOrg, signedActor as actor, type Actor } from '@bangfu/identity';
import { contextFor, count, startWithDataSource, type TestServer } from '@bangfu/testing';
import { createSupplierFixture } from '@bangfu/supplier';
import { CheckoutService } from './checkout.service';
import { OrderService } from './order.service';
import { ActorKind, Order, OrderStatus } from './ordering.entities';
import { OrderingModule } from './ordering.module';

export { actor, type Actor, contextFor, count };

/** Spec support (not exported from the lib): a real server with the ordering module and what it needs. */
export function startOrderingServer({
  env = {},
  extraImports = [],
  runWorkers,
}: { env?: Record<string, string>; extraImports?: unknown[]; runWorkers?: boolean } = {}) {
  return startWithDataSource({
    imports: [OrderingModule, ...extraImports],
    env: { DATABASE_POOL_SIZE: '20', ...env },
    runWorkers,
  });
}

/** Many CUSTOMER accounts at once (one INSERT each table). */
export async function customers(server: TestServer, ds: DataSource, n: number): Promise<Actor[]> {
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO app_user (email, display_name, password_hash)
     SELECT 'c' || g || '-' || $2 || '@test.bangfu', 'customer ' || g, 'x' FROM generate_series(1, $1) g RETURNING id`,
    [n, randomBytes(4).toString('hex')],
  );
  await ds.query(`INSERT INTO membership (user_id, role) SELECT unnest($1::uuid[]), 'CUSTOMER'`, [
    rows.map((r) => r.id),
  ]);
  const tokens = server.app.get(TokenService);
  return Promise.all(
    rows.map(async (r) => ({ token: (await tokens.sign(r.id)).token, userId: r.id, organizationId: null })),
  );
}

export interface Catalog {
  supplierId: string;
  supplierAdminToken: string;
  productId: string;
  variantId: string;
  sku: string;
}

/** An approved supplier with a SUPPLIER_ADMIN, a published certified product and one variant with stock. */
export async function catalogFixture(
  server: TestServer,
  ds: DataSource,
  input: {
    supplierId?: string;
    stock?: number;
    retailPrice?: number;
    agencyPrice?: number;
    productStatus?: string;
    certification?: 'CERTIFIED' | 'EXPIRED' | 'NONE' | 'PENDING';
    countyCode?: string;
  } = {},
): Promise<Catalog> {
  let supplierId = input.supplierId;
  let supplierAdminToken = '';
  if (!supplierId) {
    const s = await createSupplierFixture(ds, { countyCode: input.countyCode ?? '520621000000' });
    supplierId = s.supplierId;
    supplierAdminToken = (await server.app.get(TokenService).sign(s.admin.userId)).token;
  }
  const [product] = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      supplierId,
      `梵净山翠峰茶 ${randomBytes(2).toString('hex')}`,
      input.countyCode ?? '520621000000',
      input.productStatus ?? 'PUBLISHED',
    ],
  );
  const sku = `SKU-${randomBytes(5).toString('hex')}`;
  const [variant] = await ds.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
     VALUES ($1, $2, '250g', '盒', $3, $4, $3, $5) RETURNING id`,
    [product.id, sku, input.retailPrice ?? 6800, input.agencyPrice ?? 5900, input.stock ?? 100],
  );
  const cert = input.certification ?? 'CERTIFIED';
  if (cert === 'CERTIFIED') {
    await ds.query(
      `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to) VALUES ($1, 'CERTIFIED', $2, '贵州省农业农村厅', '2026年第一批', '2025-01-01', '2099-12-31')`,
      [product.id, `GZ-${randomBytes(4).toString('hex').toUpperCase()}`],
    );
  } else if (cert === 'EXPIRED') {
    await ds.query(
      `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to) VALUES ($1, 'CERTIFIED', $2, '贵州省农业农村厅', '2024年第一批', '2024-01-01', '2024-12-31')`,
      [product.id, `GZ-${randomBytes(4).toString('hex').toUpperCase()}`],
    );
  } else if (cert === 'PENDING') {
    await ds.query(`INSERT INTO certification (product_id, status) VALUES ($1, 'PENDING')`, [product.id]);
  }
  return { supplierId, supplierAdminToken, productId: product.id, variantId: variant.id, sku };
}

/** Channels: an online hall (sells everything published) and a physical zone (placed products only). */
export async function channelFixture(
  ds: DataSource,
  input: { online?: boolean; kind?: string; assistanceOnly?: boolean; status?: string } = {},
): Promise<string> {
  const online = input.online ?? true;
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, region_code, address, assistance_only, status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.kind ?? 'HALL',
      `帮扶馆 ${randomBytes(2).toString('hex')}`,
      online,
      online ? null : '520621000000',
      online ? '' : '江口县凯德街道',
      input.assistanceOnly ?? true,
      input.status ?? 'ACTIVE',
    ],
  );
  return row.id;
}

export async function place(ds: DataSource, channelId: string, productId: string): Promise<void> {
  await ds.query(`INSERT INTO channel_product (channel_id, product_id) VALUES ($1, $2)`, [channelId, productId]);
}

export async function agencyPurchaser(server: TestServer, ds: DataSource): Promise<Actor & { organizationId: string }> {
  const org = await createOrg(ds, { kind: 'AGENCY' as OrganizationKind, regionCode: '520000000000' });
  const a = await actor(server, ds, Role.PURCHASER, { organizationId: org.id });
  return { ...a, organizationId: org.id };
}

export const ORDER_FIELDS = `id orderNo status buyerKind buyerOrgId channelId paymentMode totalAmount paidAmount refundedAmount paymentDueAt paymentDeadlineExtended wholeOrderVisible
  supplierOrders { id supplierId status subtotal carrier trackingNo
    lines { id variantId productId productTitle sku unitPrice quantity lineTotal priceKind certified certificationStatus certificateNo originRegionCode supplierId channelId refundedAmount
      allocations { lotId quantity } }
    history { fromStatus toStatus actorKind reason } }
  history { fromStatus toStatus actorKind actorUserId reason }`;

export const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  __typename
  ... on Order { ${ORDER_FIELDS} }
  ... on InsufficientStockError { code message variantId requested available }
  ... on ProductUnavailableError { code message variantId reason }
  ... on CertificationInvalidError { code message variantId productId certificationStatus }
  ... on InvalidOrderInputError { code message field }
} }`;

export const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

/**
 * An agency order as the unit's procurement policy leaves it once approved: created for approval
 * (PENDING_APPROVAL, the only way an agency order is created) and moved to PLACED by the system, as
 * procurement does within a purchaser's limit. Ordering's own tests have no procurement module, so
 * placeOrder with buyerOrgId is refused there (PURCHASE_REQUEST_REQUIRED). Answers the GraphQL view.
 */
export async function placeApprovedAgencyOrder(
  server: TestServer,
  buyer: Actor,
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
) {
  const orgId = buyer.organizationId as string;
  const ctx = contextFor(buyer.userId, Role.PURCHASER, orgId, OrganizationKind.AGENCY);
  const placed = await server.app
    .get(CheckoutService)
    .placeForApproval(ctx, { idempotencyKey: randomUUID(), channelId, buyerOrgId: orgId, lines }, buyer.userId);
  expect(placed).toBeInstanceOf(Order);
  await server.app
    .get(OrderService)
    .transition(RequestContext.system('test-approval'), (placed as Order).id, OrderStatus.PLACED, {
      actor: ActorKind.SYSTEM,
      reason: 'approved within the limit (test)',
    });
  return (await server.gqlOk(ORDER, { id: (placed as Order).id }, buyer.token)).order;
}

export function placeInput(
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
  extra: Record<string, unknown> = {},
) {
  return { input: { idempotencyKey: randomUUID(), channelId, lines, ...extra } };
}

export async function stockOf(
  ds: DataSource,
  variantId: string,
): Promise<{ onHand: number; reserved: number; available: number }> {
  const [row] = await ds.query(`SELECT stock_on_hand, stock_reserved FROM variant WHERE id = $1`, [variantId]);
  return { onHand: row.stock_on_hand, reserved: row.stock_reserved, available: row.stock_on_hand - row.stock_reserved };
}

/**
 * Stock conservation for a variant: reserved = units of unshipped live supplier orders, and on hand
 * = initial minus shipped units. Checked after refusals to prove nothing was half-written.
 */
export async function expectStockConsistent(ds: DataSource, variantId: string, initialOnHand: number): Promise<void> {
  const s = await stockOf(ds, variantId);
  const reserved = await count(
    ds,
    `SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN supplier_order so ON so.id = l.supplier_order_id WHERE l.variant_id = $1 AND so.status = 'AWAITING_SHIPMENT'`,
    [variantId],
  );
  const shipped = await count(ds, `SELECT COALESCE(SUM(quantity), 0) FROM shipment_allocation WHERE variant_id = $1`, [
    variantId,
  ]);
  expect(s.reserved).toBe(reserved);
  expect(s.onHand).toBe(initialOnHand - shipped);
  // Every order has exactly one creation history row and its last history row matches its status.
  const broken = await count(
    ds,
    `SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_history h WHERE h.order_id = o.id AND h.from_status IS NULL) <> 1
       OR o.status <> (SELECT h.to_status FROM order_history h WHERE h.order_id = o.id ORDER BY h.created_at DESC, h.id DESC LIMIT 1)`,
  );
  expect(broken).toBe(0);
}
