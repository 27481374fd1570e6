import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { OrganizationKind, Principal, RequestContext, Role, TokenService } from '@bangfu/core';
import { CATALOG_ENTITIES, CatalogModule } from '@bangfu/catalog';
import { createOrg, createUserWithRole, IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { DomainEventDispatcher, OutboxService } from '@bangfu/events';
import { LEDGER_ENTITIES, LedgerModule } from '@bangfu/ledger';
import {
  ActorKind,
  CheckoutService,
  Order,
  ORDERING_ENTITIES,
  OrderingModule,
  OrderService,
  OrderStatus,
} from '@bangfu/ordering';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { startTestServer, type TestServer } from '@bangfu/testing';
import { createSupplierFixture, SUPPLIER_ENTITIES, SupplierModule } from '@bangfu/supplier';
import { PAYMENT_ENTITIES, PaymentModule } from './payment.module';

/** Spec support (not exported from the lib): the real server with ordering, ledger and payment. */
export async function startPaymentServer(
  env: Record<string, string> = {},
): Promise<{ server: TestServer; ds: DataSource }> {
  const server = await startTestServer({
    imports: [RegionModule, IdentityModule, SupplierModule, CatalogModule, OrderingModule, LedgerModule, PaymentModule],
    entities: [
      ...REGION_ENTITIES,
      ...IDENTITY_ENTITIES,
      ...SUPPLIER_ENTITIES,
      ...CATALOG_ENTITIES,
      ...ORDERING_ENTITIES,
      ...LEDGER_ENTITIES,
      ...PAYMENT_ENTITIES,
    ],
    env,
  });
  return { server, ds: server.app.get(DataSource) };
}

export interface Actor {
  token: string;
  userId: string;
  organizationId: string | null;
}

export async function actor(
  server: TestServer,
  ds: DataSource,
  role: Role,
  options: { organizationId?: string; regionPrefix?: string } = {},
): Promise<Actor> {
  const u = await createUserWithRole(ds, role, options);
  const { token } = await server.app.get(TokenService).sign(u.user.id);
  return { token, userId: u.user.id, organizationId: u.organizationId };
}

export async function agencyActor(
  server: TestServer,
  ds: DataSource,
  role: Role.PURCHASER | Role.AGENCY_ADMIN,
  organizationId?: string,
): Promise<Actor & { organizationId: string }> {
  const orgId =
    organizationId ?? (await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '520000000000' })).id;
  const a = await actor(server, ds, role, { organizationId: orgId });
  return { ...a, organizationId: orgId };
}

export interface Supplier {
  supplierId: string;
  adminToken: string;
  variantId: string;
}

/** An approved supplier with an admin and one published, certified variant in stock. */
export async function supplierWithVariant(
  server: TestServer,
  ds: DataSource,
  prices: { retail: number; agency: number },
): Promise<Supplier> {
  const s = await createSupplierFixture(ds, { countyCode: '520621000000' });
  const adminToken = (await server.app.get(TokenService).sign(s.admin.userId)).token;
  const [product] = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status) VALUES ($1, $2, '520621000000', 'PUBLISHED') RETURNING id`,
    [s.supplierId, `梵净山翠峰茶 ${randomBytes(2).toString('hex')}`],
  );
  const [variant] = await ds.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
     VALUES ($1, $2, '250g', '盒', $3, $4, $3, 1000) RETURNING id`,
    [product.id, `SKU-${randomBytes(5).toString('hex')}`, prices.retail, prices.agency],
  );
  await ds.query(
    `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to) VALUES ($1, 'CERTIFIED', $2, '贵州省农业农村厅', '2026年第一批', '2025-01-01', '2099-12-31')`,
    [product.id, `GZ-${randomBytes(4).toString('hex').toUpperCase()}`],
  );
  return { supplierId: s.supplierId, adminToken, variantId: variant.id };
}

export async function onlineHall(ds: DataSource): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, assistance_only, status) VALUES ('HALL', $1, true, true, 'ACTIVE') RETURNING id`,
    [`帮扶馆 ${randomBytes(2).toString('hex')}`],
  );
  return row.id;
}

const ORDER_FIELDS = `id orderNo status totalAmount paidAmount refundedAmount supplierOrders { id supplierId subtotal lines { id lineTotal refundedAmount supplierOrderId } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { ${ORDER_FIELDS} } } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} payments { id status outcome flag amount method } } }`;

export interface PlacedOrder {
  id: string;
  orderNo: string;
  totalAmount: number;
  supplierOrders: Array<{
    id: string;
    supplierId: string;
    subtotal: number;
    lines: Array<{ id: string; lineTotal: number; supplierOrderId: string }>;
  }>;
}

/**
 * Places an order through ordering's own placeOrder mutation (prices from the catalogue). An agency
 * order only exists through the unit's procurement policy (not in this server), so with buyerOrgId it
 * is created for approval and approved by the system, as procurement does within a purchaser's limit.
 */
export async function placeOrder(
  server: TestServer,
  token: string,
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
  buyerOrgId?: string,
): Promise<PlacedOrder> {
  if (buyerOrgId) return placeApprovedAgencyOrder(server, token, channelId, lines, buyerOrgId);
  const res = await server.gqlOk(
    PLACE,
    { input: { idempotencyKey: randomUUID(), channelId, lines, ...(buyerOrgId ? { buyerOrgId } : {}) } },
    token,
  );
  expect(res.placeOrder.__typename).toBe('Order');
  return res.placeOrder;
}

async function placeApprovedAgencyOrder(
  server: TestServer,
  token: string,
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
  buyerOrgId: string,
): Promise<PlacedOrder> {
  const userId: string = (await server.gqlOk(`{ me { id } }`, {}, token)).me.id;
  const ctx = RequestContext.anonymous().withPrincipal(
    new Principal(userId, 'purchaser', [
      {
        organizationId: buyerOrgId,
        organizationKind: OrganizationKind.AGENCY,
        role: Role.PURCHASER,
        regionPrefix: null,
      },
    ]),
  );
  const placed = await server.app
    .get(CheckoutService)
    .placeForApproval(ctx, { idempotencyKey: randomUUID(), channelId, buyerOrgId, lines }, userId);
  expect(placed).toBeInstanceOf(Order);
  await server.app
    .get(OrderService)
    .transition(RequestContext.system('test-approval'), (placed as Order).id, OrderStatus.PLACED, {
      actor: ActorKind.SYSTEM,
      reason: 'approved within the limit (test)',
    });
  return (await server.gqlOk(ORDER, { id: (placed as Order).id }, token)).order;
}

export async function orderRow(
  ds: DataSource,
  orderId: string,
): Promise<{ status: string; paid_amount: string; refunded_amount: string }> {
  const [row] = await ds.query(`SELECT status, paid_amount, refunded_amount FROM orders WHERE id = $1`, [orderId]);
  return row;
}

export async function count(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await ds.query(sql, params);
  return Number(Object.values(row as Record<string, unknown>)[0]);
}

/** Ledger invariants over the whole database: every posting balances, and so does everything. */
export async function expectLedgerBalanced(ds: DataSource): Promise<void> {
  expect(
    await count(
      ds,
      `SELECT count(*) FROM (SELECT posting_id FROM ledger_entry GROUP BY posting_id HAVING sum(amount) <> 0) x`,
    ),
  ).toBe(0);
  expect(await count(ds, `SELECT coalesce(sum(amount), 0) FROM ledger_entry`)).toBe(0);
  expect(
    await count(
      ds,
      `SELECT count(*) FROM ledger_posting p WHERE (SELECT count(*) FROM ledger_entry e WHERE e.posting_id = p.id) < 2`,
    ),
  ).toBe(0);
}

/** The ledger agrees with the orders: buyer money held per order = paid − refunded. */
export async function expectLedgerMatchesOrders(ds: DataSource): Promise<void> {
  const rows = await ds.query(
    `SELECT o.id, o.paid_amount - o.refunded_amount AS net,
            coalesce((SELECT sum(e.amount) FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id JOIN ledger_account a ON a.id = e.account_id
                       WHERE p.order_id = o.id AND p.kind IN ('BUYER_PAYMENT','REFUND') AND a.code IN ('CASH_STRIPE','CASH_BANK')), 0) AS ledger
       FROM orders o`,
  );
  for (const r of rows) expect({ order: r.id, net: Number(r.net) }).toEqual({ order: r.id, net: Number(r.ledger) });
}

/** Runs the outbox events of an order through ordering's dispatcher (as the worker would). */
export async function dispatchOrderEvents(
  server: TestServer,
  ds: DataSource,
  orderId: string,
  type: string,
): Promise<void> {
  const events = await server.app
    .get(OutboxService)
    .stored(RequestContext.system('test'), { aggregateId: orderId, type });
  expect(events.length).toBeGreaterThan(0);
  const dispatcher = server.app.get(DomainEventDispatcher);
  for (const data of events) await dispatcher.handle({ data });
}
