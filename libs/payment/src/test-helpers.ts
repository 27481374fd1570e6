import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { OrganizationKind, Principal, RequestContext, Role } from '@bangfu/core';
import { createOrg, signedActor as actor, type Actor } from '@bangfu/identity';
import { DomainEventDispatcher, OutboxService } from '@bangfu/events';
import { ActorKind, CheckoutService, Order, OrderService, OrderStatus } from '@bangfu/ordering';
import {
  count,
  expectLedgerBalanced as expectPostingsBalanced,
  type GqlResponse,
  onlineHall,
  startWithDataSource,
  type TestServer,
} from '@bangfu/testing';
import { certifiedSupplierFixture, type CertifiedSupplierFixture } from '@bangfu/certification';
import { PaymentModule } from './payment.module';
import { startStripeTestServer, type StripeObject, type StripeTestServer } from './testing/stripe-test-server';

export { actor, type Actor, count, onlineHall };

/** Spec support (not exported from the lib): the real server with ordering, ledger and payment. */
export function startPaymentServer(env: Record<string, string> = {}) {
  return startWithDataSource({ imports: [PaymentModule], env });
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

export type Supplier = CertifiedSupplierFixture;

/** An approved supplier with an admin and one published, certified variant in stock. */
export async function supplierWithVariant(
  server: TestServer,
  ds: DataSource,
  prices: { retail: number; agency: number },
): Promise<Supplier> {
  return certifiedSupplierFixture(server, ds, {
    retailPrice: prices.retail,
    agencyPrice: prices.agency,
    stockOnHand: 1000,
  });
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

/** Ledger invariants over the whole database: every posting balances, and so does everything. */
export async function expectLedgerBalanced(ds: DataSource): Promise<void> {
  await expectPostingsBalanced(ds);
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

/** The payment module reads STRIPE_* at boot: a file that runs on the offline methods only clears them first. */
export function withoutStripe(): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('STRIPE_')) delete process.env[key];
}

export interface LocalStripe {
  stripeServer: StripeTestServer;
  sdk: Stripe;
}

/**
 * The local Stripe test server and the real SDK pointed at it; sets the STRIPE_* settings (plus `env`)
 * the payment module reads at boot, so call it before startPaymentServer.
 */
export async function startLocalStripe(
  apiKey: string,
  webhookSecret: string,
  env: Record<string, string> = {},
  sdkOptions: Stripe.StripeConfig = {},
): Promise<LocalStripe> {
  const stripeServer = await startStripeTestServer({ apiKey });
  const sdk = new Stripe(apiKey, { host: stripeServer.host, port: stripeServer.port, protocol: 'http', ...sdkOptions });
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: apiKey,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_HOST: stripeServer.host,
    STRIPE_API_PORT: String(stripeServer.port),
    STRIPE_API_PROTOCOL: 'http',
    ...env,
  });
  return { stripeServer, sdk };
}

/** Stripe reports a payment intent succeeded (the buyer paid at Stripe): a signed webhook, answered 200. */
export async function stripeIntentSucceeded(
  server: TestServer,
  { stripeServer, sdk }: LocalStripe,
  webhookSecret: string,
  clientSecret: string,
): Promise<StripeObject> {
  const pi = stripeServer.succeed(clientSecret.split('_secret_')[0]);
  const payload = JSON.stringify(stripeServer.event('payment_intent.succeeded', pi));
  const res = await fetch(`${server.url}/webhooks/stripe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': sdk.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }),
    },
    body: payload,
  });
  expect(res.status).toBe(200);
  return pi;
}

const SHIP = `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "EMS", trackingNo: "EMS000123") { id } }`;
const DELIVER = `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id } }`;

/** Each supplier ships its part of a paid order and the buyer confirms delivery. */
export async function shipAndDeliver(
  server: TestServer,
  order: PlacedOrder,
  suppliers: Supplier[],
  buyerToken: string,
): Promise<void> {
  for (const so of order.supplierOrders) {
    const s = suppliers.find((x) => x.supplierId === so.supplierId)!;
    await server.gqlOk(SHIP, { id: so.id }, s.adminToken);
    await server.gqlOk(DELIVER, { id: so.id }, buyerToken);
  }
}

/** Ledger balanced, ledger agrees with the orders, and the trial balance the admin sees sums to zero. */
export async function expectBooksBalanced(server: TestServer, ds: DataSource, adminToken: string): Promise<void> {
  await expectLedgerBalanced(ds);
  await expectLedgerMatchesOrders(ds);
  const t = (await server.gqlOk(`{ trialBalance { total totalDebit totalCredit } }`, {}, adminToken)).trialBalance;
  expect(t.total).toBe(0);
  expect(t.totalDebit).toBe(t.totalCredit);
}

export interface RetailWorld {
  server: TestServer;
  ds: DataSource;
  hall: string;
  /** Supplier A sells at 68.00 (agency 59.00), B at 33.50 (agency 30.00). */
  a: Supplier;
  b: Supplier;
  buyer: Actor;
  admin: Actor;
}

/** The payment server with an online hall, suppliers A and B, a customer and a platform admin. */
export async function startRetailWorld(env: Record<string, string> = {}): Promise<RetailWorld> {
  const { server, ds } = await startPaymentServer(env);
  const hall = await onlineHall(ds);
  const a = await supplierWithVariant(server, ds, { retail: 6800, agency: 5900 });
  const b = await supplierWithVariant(server, ds, { retail: 3350, agency: 3000 });
  const buyer = await actor(server, ds, Role.CUSTOMER);
  const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
  return { server, ds, hall, a, b, buyer, admin };
}

/** What the order's postings left on one ledger account (the sum of its entries there for that order). */
export const orderBalanceOn = (ds: DataSource, orderId: string, accountCode: string) =>
  count(
    ds,
    `SELECT coalesce(sum(e.amount), 0) FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id JOIN ledger_account a ON a.id = e.account_id WHERE p.order_id = $1 AND a.code = $2`,
    [orderId, accountCode],
  );

/** Sets a supplier's payout account: a Stripe connected account, or a bank account paid through the payout file. */
export async function setPayoutAccount(
  server: TestServer,
  token: string,
  input: {
    supplierId: string;
    stripeAccountId?: string;
    bankName?: string;
    bankAccountName?: string;
    bankAccountNo?: string;
  },
): Promise<void> {
  await server.gqlOk(
    `mutation($input: SupplierPayoutAccountInput!) { setSupplierPayoutAccount(input: $input) { supplierId } }`,
    { input },
    token,
  );
}

export interface OfflineWorld {
  server: TestServer;
  ds: DataSource;
  hall: string;
  /** Sells at 68.00 (agency 59.00). */
  supplier: Supplier;
  purchaser: Actor & { organizationId: string };
  customer: Actor;
  admin: Actor;
}

/** The payment server for the bank-transfer specs: an online hall, one supplier, an agency purchaser, a customer and a platform admin. */
export async function startOfflineWorld(): Promise<OfflineWorld> {
  const { server, ds } = await startPaymentServer();
  const hall = await onlineHall(ds);
  const supplier = await supplierWithVariant(server, ds, { retail: 6800, agency: 5900 });
  const purchaser = await agencyActor(server, ds, Role.PURCHASER);
  const customer = await actor(server, ds, Role.CUSTOMER);
  const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
  return { server, ds, hall, supplier, purchaser, customer, admin };
}

/** The stable code of a GraphQL answer's first error (undefined when it succeeded). */
export const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  res.errors?.[0]?.extensions?.code;

/**
 * Twenty admins refunded one paid order in full at once: one call won, the others were told the money
 * is already (being) refunded, and the order holds exactly one refund, one REFUND posting, no flag.
 */
export async function expectOneFullRefund(
  server: TestServer,
  ds: DataSource,
  adminToken: string,
  order: PlacedOrder,
  results: Array<GqlResponse<any>>,
): Promise<void> {
  const ok = results.filter((r) => !r.errors);
  expect(ok).toHaveLength(1);
  expect(ok[0].data!.refundOrder).toMatchObject({ amount: order.totalAmount, status: 'SUCCEEDED' });
  for (const r of results.filter((x) => x.errors))
    expect(['REFUND_IN_PROGRESS', 'REFUND_EXCEEDS_PAID']).toContain(codeOf(r));
  expect(await count(ds, `SELECT count(*) FROM payment_refund WHERE order_id = $1`, [order.id])).toBe(1);
  expect(await count(ds, `SELECT count(*) FROM payment WHERE order_id = $1 AND flag IS NOT NULL`, [order.id])).toBe(0);
  expect(await orderRow(ds, order.id)).toMatchObject({
    status: 'REFUNDED',
    refunded_amount: String(order.totalAmount),
  });
  expect(
    await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1 AND kind = 'REFUND'`, [order.id]),
  ).toBe(1);
  await expectBooksBalanced(server, ds, adminToken);
}
