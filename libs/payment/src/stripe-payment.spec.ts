import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataSource } from 'typeorm';
import { Db, RequestContext, Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { PaymentCoreService } from './payment-core.service';
import { seedStripePaymentSucceeded } from './payment.seed';
import type { StripeObject, StripeTestServer } from './testing/stripe-test-server';
import {
  actor,
  type Actor,
  count,
  expectLedgerBalanced,
  expectLedgerMatchesOrders,
  ORDER,
  orderBalanceOn,
  orderRow,
  type PlacedOrder,
  placeOrder,
  startLocalStripe,
  startRetailWorld,
  type Supplier,
} from './test-helpers';

const SECRET = 'whsec_bangfu_test_secret';
let stripeServer: StripeTestServer;
let sdk: Stripe;
let server: TestServer;
let ds: DataSource;
let hall: string;
let a: Supplier;
let b: Supplier;
let buyer: Actor;
let otherBuyer: Actor;
let admin: Actor;

const PAY = `mutation($id: ID!, $m: PaymentMethod!) { payOrder(orderId: $id, method: $m) { paymentId clientSecret amount method publishableKey } }`;
const REFUND = `mutation($id: ID!, $amount: Money, $lineIds: [ID!], $reason: String) { refundOrder(orderId: $id, amount: $amount, lineIds: $lineIds, reason: $reason) { id amount status origin providerRef } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "changed my mind") { id status } }`;
const SHIP = `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰", trackingNo: "SF1234567890") { id status } }`;
const DELIVER = `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id status } }`;
const FLAGGED = `{ flaggedPayments { id orderId flag flagReason outcome status } }`;
const REFUND_UNMATCHED = `mutation($id: ID!) { refundUnmatchedPayment(paymentId: $id) { id amount status origin } }`;

beforeAll(async () => {
  // PaymentModule reads its STRIPE_* settings from the environment at boot: the real SDK, pointed at the local server.
  ({ stripeServer, sdk } = await startLocalStripe(
    'sk_test_bangfu',
    SECRET,
    { STRIPE_PUBLISHABLE_KEY: 'pk_test_bangfu' },
    { maxNetworkRetries: 0 },
  ));
  ({ server, ds, hall, a, b, buyer, admin } = await startRetailWorld());
  otherBuyer = await actor(server, ds, Role.CUSTOMER);
});
afterAll(async () => {
  await server?.close();
  await stripeServer?.close();
});

/** 2 × 68.00 from A + 3 × 33.50 from B = 236.50 yuan. */
const newOrder = (token = buyer.token) =>
  placeOrder(server, token, hall, [
    { variantId: a.variantId, quantity: 2 },
    { variantId: b.variantId, quantity: 3 },
  ]);

async function pay(order: PlacedOrder, method = 'CARD', token = buyer.token) {
  return (await server.gqlOk(PAY, { id: order.id, m: method }, token)).payOrder as {
    paymentId: string;
    clientSecret: string;
    amount: number;
  };
}

const intentOf = (clientSecret: string) => clientSecret.split('_secret_')[0];

async function webhook(
  event: StripeObject,
  options: { secret?: string; tamper?: (payload: string) => string; header?: string | null } = {},
) {
  const payload = JSON.stringify(event);
  const header =
    options.header === undefined
      ? sdk.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET })
      : options.header;
  const res = await fetch(`${server.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { 'stripe-signature': header } : {}) },
    body: options.tamper ? options.tamper(payload) : payload,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** The buyer completes payment at Stripe and Stripe tells us. */
async function succeed(clientSecret: string) {
  const pi = stripeServer.succeed(intentOf(clientSecret));
  return { pi, res: await webhook(stripeServer.event('payment_intent.succeeded', pi)) };
}

const postings = (orderId: string) =>
  ds
    .query(`SELECT kind FROM ledger_posting WHERE order_id = $1 ORDER BY created_at, kind`, [orderId])
    .then((r: Array<{ kind: string }>) => r.map((x) => x.kind));
const stripeCalls = (path: string) =>
  stripeServer.requests.filter((r) => r.method === 'POST' && r.path === path && !r.replayed).length;

describe('payOrder (Stripe PaymentIntents)', () => {
  it('creates an intent for the order total in CNY with the method, order metadata and an order+attempt idempotency key', async () => {
    const order = await newOrder();
    expect(order.totalAmount).toBe(2 * 6800 + 3 * 3350);
    const p = await pay(order, 'ALIPAY');
    expect(p).toMatchObject({ amount: order.totalAmount, method: 'ALIPAY', publishableKey: 'pk_test_bangfu' });
    const pi = stripeServer.paymentIntents.get(intentOf(p.clientSecret))!;
    expect(pi).toMatchObject({
      amount: order.totalAmount,
      currency: 'cny',
      allowed_payment_method_types: ['alipay'],
      metadata: { orderId: order.id, paymentId: p.paymentId },
    });
    const create = stripeServer.requests.find(
      (r) => r.path === '/v1/payment_intents' && (r.params.metadata as any)?.orderId === order.id,
    )!;
    expect(create.idempotencyKey).toBe(`bangfu-order-${order.id}-attempt-1`);
    const [row] = await ds.query(`SELECT status, amount, provider_ref, attempt FROM payment WHERE id = $1`, [
      p.paymentId,
    ]);
    expect(row).toEqual({
      status: 'REQUIRES_PAYMENT',
      amount: String(order.totalAmount),
      provider_ref: pi.id,
      attempt: 1,
    });
  });

  it('is idempotent: asking again (even concurrently) returns the same intent; another method is a new attempt', async () => {
    const order = await newOrder();
    const before = stripeCalls('/v1/payment_intents');
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => pay(order, 'CARD')));
    expect(new Set(results.map((r) => r.paymentId)).size).toBe(1);
    expect(new Set(results.map((r) => r.clientSecret)).size).toBe(1);
    expect(stripeCalls('/v1/payment_intents')).toBe(before + 1);
    const wechat = await pay(order, 'WECHAT_PAY');
    expect(wechat.paymentId).not.toBe(results[0].paymentId);
    expect(stripeServer.paymentIntents.get(intentOf(wechat.clientSecret))!.allowed_payment_method_types).toEqual([
      'wechat_pay',
    ]);
    expect(await count(ds, `SELECT count(*) FROM payment WHERE order_id = $1`, [order.id])).toBe(2);
  });

  it('holds no transaction or order lock while Stripe answers: the attempt is committed first, the intent recorded after', async () => {
    const order = await newOrder();
    const release = stripeServer.hold();
    let paying: Promise<unknown> | undefined;
    try {
      paying = pay(order, 'CARD');
      const attempt = await vi.waitFor(
        async () => {
          const [row] = await ds.query(`SELECT id, status, provider_ref, attempt FROM payment WHERE order_id = $1`, [
            order.id,
          ]);
          if (!row) throw new Error('no attempt yet');
          return row;
        },
        { timeout: 5000, interval: 25 },
      );
      expect(attempt).toMatchObject({ status: 'REQUIRES_PAYMENT', provider_ref: null, attempt: 1 });
      // Nobody holds the order's payment lock while the call is out.
      const [{ free }] = await ds.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('payment-order:' || $1, 0)) AS free`,
        [order.id],
      );
      expect(free).toBe(true);
    } finally {
      release();
    }
    const p = (await paying) as { paymentId: string; clientSecret: string };
    const [row] = await ds.query(`SELECT provider_ref FROM payment WHERE id = $1`, [p.paymentId]);
    expect(row.provider_ref).toBe(intentOf(p.clientSecret));
  });

  it('payment news that overtakes recording the intent finds the attempt by the id in the intent’s metadata', async () => {
    const order = await newOrder();
    const p = await pay(order, 'CARD');
    await ds.query(`UPDATE payment SET provider_ref = NULL WHERE id = $1`, [p.paymentId]); // as between Stripe's answer and step 3
    const { res } = await succeed(p.clientSecret);
    expect(res.body).toMatchObject({ received: true, outcome: 'PAYMENT_APPLIED' });
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'PAID' });
    const [row] = await ds.query(`SELECT provider_ref, status FROM payment WHERE id = $1`, [p.paymentId]);
    expect(row).toEqual({ provider_ref: intentOf(p.clientSecret), status: 'SUCCEEDED' });
  });

  it('a failure that overtakes recording the intent leaves the attempt reusable: asking again returns the same intent', async () => {
    const order = await newOrder();
    const release = stripeServer.hold('answers');
    let paying: Promise<{ paymentId: string; clientSecret: string }> | undefined;
    try {
      paying = pay(order, 'CARD');
      const pi = await vi.waitFor(
        () => {
          const made = [...stripeServer.paymentIntents.values()].find(
            (x) => (x.metadata as Record<string, string>)?.orderId === order.id,
          );
          if (!made) throw new Error('no intent yet');
          return made;
        },
        { timeout: 5000, interval: 25 },
      );
      const res = await webhook(
        stripeServer.event('payment_intent.payment_failed', stripeServer.fail(pi.id as string)),
      );
      expect(res.body).toMatchObject({ received: true, outcome: 'PAYMENT_FAILED' });
    } finally {
      release();
    }
    const first = await paying!;
    const again = await pay(order, 'CARD');
    expect(again).toMatchObject({ paymentId: first.paymentId, clientSecret: first.clientSecret });
    expect(await ds.query(`SELECT status, provider_ref FROM payment WHERE order_id = $1`, [order.id])).toEqual([
      { status: 'FAILED', provider_ref: intentOf(first.clientSecret) },
    ]);
  });

  it('a Stripe outage retires the attempt (Stripe replays a stored 500 for its key); the next call takes a fresh key', async () => {
    const order = await newOrder();
    stripeServer.failNext(3);
    try {
      expectErrorCode(await server.gql(PAY, { id: order.id, m: 'CARD' }, buyer.token), 'PAYMENT_PROVIDER_ERROR');
    } finally {
      stripeServer.failNext(0);
    }
    expect(await ds.query(`SELECT attempt, status, provider_ref FROM payment WHERE order_id = $1`, [order.id])).toEqual(
      [{ attempt: 1, status: 'CANCELED', provider_ref: null }],
    );
    const p = await pay(order, 'CARD');
    const [row] = await ds.query(`SELECT attempt, status, idempotency_key FROM payment WHERE id = $1`, [p.paymentId]);
    expect(row).toEqual({
      attempt: 2,
      status: 'REQUIRES_PAYMENT',
      idempotency_key: `bangfu-order-${order.id}-attempt-2`,
    });
  });

  it('a key Stripe already saw with other parameters retires that attempt and takes the next', async () => {
    const order = await newOrder();
    // As if attempt 1 had been recorded elsewhere (a database restored from before it).
    await sdk.paymentIntents.create(
      { amount: 1, currency: 'cny' },
      { idempotencyKey: `bangfu-order-${order.id}-attempt-1` },
    );
    const p = await pay(order, 'CARD');
    expect(
      await ds.query(`SELECT attempt, status FROM payment WHERE order_id = $1 ORDER BY attempt`, [order.id]),
    ).toEqual([
      { attempt: 1, status: 'CANCELED' },
      { attempt: 2, status: 'REQUIRES_PAYMENT' },
    ]);
    expect(stripeServer.paymentIntents.get(intentOf(p.clientSecret))).toMatchObject({
      amount: order.totalAmount,
      metadata: { paymentId: p.paymentId },
    });
  });

  it('refuses another buyer (FORBIDDEN), anonymous callers, BANK_TRANSFER and unknown orders', async () => {
    const order = await newOrder();
    expectErrorCode(await server.gql(PAY, { id: order.id, m: 'CARD' }, otherBuyer.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(PAY, { id: order.id, m: 'CARD' }, null), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(PAY, { id: order.id, m: 'BANK_TRANSFER' }, buyer.token), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(PAY, { id: '00000000-0000-4000-8000-000000000000', m: 'CARD' }, buyer.token),
      'NOT_FOUND',
    );
    expect(await count(ds, `SELECT count(*) FROM payment WHERE order_id = $1`, [order.id])).toBe(0);
  });
});

describe('webhook: payment_intent.succeeded', () => {
  it('marks the order PAID and posts a balanced BUYER_PAYMENT split per supplier order, in one go', async () => {
    const order = await newOrder();
    const p = await pay(order);
    const { res } = await succeed(p.clientSecret);
    expect(res).toMatchObject({ status: 200, body: { received: true, duplicate: false, outcome: 'PAYMENT_APPLIED' } });
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'PAID', paid_amount: String(order.totalAmount) });
    const entries = await ds.query(
      `SELECT a.code, e.amount::int AS amount, e.supplier_order_id FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id JOIN ledger_account a ON a.id = e.account_id
        WHERE p.order_id = $1 AND p.kind = 'BUYER_PAYMENT' ORDER BY e.amount DESC`,
      [order.id],
    );
    expect(entries[0]).toMatchObject({ code: 'CASH_STRIPE', amount: order.totalAmount });
    const clearing = entries.filter((e: { code: string }) => e.code === 'ORDER_CLEARING');
    expect(
      clearing.map((e: { supplier_order_id: string; amount: number }) => [e.supplier_order_id, -e.amount]).sort(),
    ).toEqual(order.supplierOrders.map((so) => [so.id, so.subtotal]).sort());
    const [payment] = await ds.query(`SELECT status, outcome, flag FROM payment WHERE id = $1`, [p.paymentId]);
    expect(payment).toEqual({ status: 'SUCCEEDED', outcome: 'APPLIED', flag: null });
    // The stored event keeps no client secret.
    const [stored] = await ds.query(
      `SELECT payload->'data'->'object' ? 'client_secret' AS has FROM payment_event WHERE payment_id = $1`,
      [p.paymentId],
    );
    expect(stored.has).toBe(false);
    const view = (await server.gqlOk(ORDER, { id: order.id }, buyer.token)).order;
    expect(view.payments).toEqual([
      expect.objectContaining({ id: p.paymentId, status: 'SUCCEEDED', outcome: 'APPLIED' }),
    ]);
    await expectLedgerBalanced(ds);
  });

  it('the demo seed’s stand-in (seedStripePaymentSucceeded) pays an order as the webhook would', async () => {
    const order = await newOrder();
    await seedStripePaymentSucceeded(
      server.app.get(Db),
      server.app.get(PaymentCoreService),
      RequestContext.system('test-seed'),
      { ...order, buyerUserId: buyer.userId },
    );
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'PAID', paid_amount: String(order.totalAmount) });
    const [payment] = await ds.query(`SELECT status, outcome, method, provider_ref FROM payment WHERE order_id = $1`, [
      order.id,
    ]);
    expect(payment).toEqual({
      status: 'SUCCEEDED',
      outcome: 'APPLIED',
      method: 'WECHAT_PAY',
      provider_ref: `pi_demo_${order.orderNo}`,
    });
    await expectLedgerBalanced(ds);
  });

  it('processes the same event once when Stripe delivers it twice (or concurrently)', async () => {
    const order = await newOrder();
    const p = await pay(order);
    const event = stripeServer.event('payment_intent.succeeded', stripeServer.succeed(intentOf(p.clientSecret)));
    const results = await Promise.all([webhook(event), webhook(event), webhook(event)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(await webhook(event)).toMatchObject({ status: 200, body: { duplicate: true, outcome: 'PAYMENT_APPLIED' } });
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT']);
    expect(
      await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1 AND to_status = 'PAID'`, [order.id]),
    ).toBe(1);
    expect(await count(ds, `SELECT count(*) FROM payment_event WHERE id = $1`, [event.id])).toBe(1);
    // A second, different event about the same success changes nothing either.
    expect(
      (
        await webhook(
          stripeServer.event('payment_intent.succeeded', stripeServer.paymentIntents.get(intentOf(p.clientSecret))!),
        )
      ).body.outcome,
    ).toBe('ALREADY_APPLIED');
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT']);
  });

  it('refuses forged, tampered, unsigned and stale-signed events with 400 BAD_SIGNATURE, changing nothing', async () => {
    const order = await newOrder();
    const p = await pay(order);
    const event = stripeServer.event('payment_intent.succeeded', stripeServer.succeed(intentOf(p.clientSecret)));
    const eventsBefore = await count(ds, `SELECT count(*) FROM payment_event`);
    const forged = await webhook(event, { secret: 'whsec_attacker' });
    expect(forged).toEqual({ status: 400, body: { error: expect.objectContaining({ code: 'BAD_SIGNATURE' }) } });
    expect(
      (await webhook(event, { tamper: (s) => s.replace(`"amount":${order.totalAmount}`, '"amount":1') })).body.error
        .code,
    ).toBe('BAD_SIGNATURE');
    expect((await webhook(event, { header: null })).body.error.code).toBe('BAD_SIGNATURE');
    const old = sdk.webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await webhook(event, { header: old })).body.error.code).toBe('BAD_SIGNATURE');
    expect(await count(ds, `SELECT count(*) FROM payment_event`)).toBe(eventsBefore);
    expect((await orderRow(ds, order.id)).status).toBe('PLACED');
    expect(await postings(order.id)).toEqual([]);
    // The genuine event still works afterwards.
    expect((await webhook(event)).body.outcome).toBe('PAYMENT_APPLIED');
  });

  it('ignores events for intents it does not know, and late failure news after a success', async () => {
    expect(
      (
        await webhook(
          stripeServer.event('payment_intent.succeeded', {
            id: 'pi_unknown',
            object: 'payment_intent',
            amount: 100,
            amount_received: 100,
            currency: 'cny',
          }),
        )
      ).body.outcome,
    ).toBe('UNKNOWN_PAYMENT');
    const order = await newOrder();
    const p = await pay(order);
    const failed = stripeServer.fail(intentOf(p.clientSecret));
    expect((await webhook(stripeServer.event('payment_intent.payment_failed', failed))).body.outcome).toBe(
      'PAYMENT_FAILED',
    );
    // The buyer retries with the same intent and it succeeds; the old failure then arrives again, late.
    const { res } = await succeed(p.clientSecret);
    expect(res.body.outcome).toBe('PAYMENT_APPLIED');
    expect((await webhook(stripeServer.event('payment_intent.payment_failed', failed))).body.outcome).toBe(
      'IGNORED_STALE',
    );
    expect((await ds.query(`SELECT status FROM payment WHERE id = $1`, [p.paymentId]))[0].status).toBe('SUCCEEDED');
  });

  it('a success for an order cancelled meanwhile is recorded as money owed back and flagged, not applied; the admin refunds it', async () => {
    const order = await newOrder();
    const p = await pay(order);
    await server.gqlOk(CANCEL, { id: order.id }, buyer.token);
    const { res } = await succeed(p.clientSecret);
    expect(res).toMatchObject({ status: 200, body: { outcome: 'PAYMENT_UNMATCHED' } });
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'CANCELLED', paid_amount: '0' });
    expect(await postings(order.id)).toEqual(['UNMATCHED_RECEIPT']);
    const flagged = (await server.gqlOk(FLAGGED, {}, admin.token)).flaggedPayments;
    expect(flagged).toContainEqual(
      expect.objectContaining({ id: p.paymentId, flag: 'NEEDS_REFUND', outcome: 'UNMATCHED', status: 'SUCCEEDED' }),
    );
    expectErrorCode(await server.gql(PAY, { id: order.id, m: 'CARD' }, buyer.token), 'ORDER_NOT_PAYABLE');
    expectErrorCode(await server.gql(REFUND, { id: order.id }, admin.token), 'REFUND_EXCEEDS_PAID');

    const r = (await server.gqlOk(REFUND_UNMATCHED, { id: p.paymentId }, admin.token)).refundUnmatchedPayment;
    expect(r).toMatchObject({ amount: order.totalAmount, status: 'SUCCEEDED', origin: 'UNMATCHED' });
    expect(stripeServer.charge(intentOf(p.clientSecret))).toMatchObject({ amount_refunded: order.totalAmount });
    expect(await postings(order.id)).toEqual(['UNMATCHED_RECEIPT', 'UNMATCHED_REFUND']);
    expect(
      (await server.gqlOk(FLAGGED, {}, admin.token)).flaggedPayments.map((x: { id: string }) => x.id),
    ).not.toContain(p.paymentId);
    expectErrorCode(await server.gql(REFUND_UNMATCHED, { id: p.paymentId }, admin.token), 'REFUND_EXCEEDS_PAID');
    await expectLedgerBalanced(ds);
  });

  it('a second successful intent for an already paid order is flagged for refund too', async () => {
    const order = await newOrder();
    const card = await pay(order, 'CARD');
    const alipay = await pay(order, 'ALIPAY');
    await succeed(card.clientSecret);
    expectErrorCode(await server.gql(PAY, { id: order.id, m: 'CARD' }, buyer.token), 'ORDER_NOT_PAYABLE');
    const { res } = await succeed(alipay.clientSecret);
    expect(res.body.outcome).toBe('PAYMENT_UNMATCHED');
    expect((await ds.query(`SELECT flag FROM payment WHERE id = $1`, [alipay.paymentId]))[0].flag).toBe('NEEDS_REFUND');
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT', 'UNMATCHED_RECEIPT']);
    await expectLedgerMatchesOrders(ds);
  });
});

describe('out-of-order delivery', () => {
  it('charge.refunded before payment_intent.succeeded: the intent is fetched and applied first, then the refund; the late success is a no-op', async () => {
    const order = await newOrder();
    const p = await pay(order);
    const piId = intentOf(p.clientSecret);
    stripeServer.succeed(piId);
    // Refunded at the Stripe dashboard (not through Bangfu) before any webhook reached us.
    await sdk.refunds.create({ payment_intent: piId });
    const refunded = await webhook(stripeServer.event('charge.refunded', stripeServer.charge(piId)));
    expect(refunded.body).toMatchObject({ duplicate: false, outcome: 'REFUNDS_SYNCED' });
    expect(await orderRow(ds, order.id)).toMatchObject({
      status: 'REFUNDED',
      paid_amount: String(order.totalAmount),
      refunded_amount: String(order.totalAmount),
    });
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT', 'REFUND']);
    const [refund] = await ds.query(`SELECT origin, status FROM payment_refund WHERE order_id = $1`, [order.id]);
    expect(refund).toEqual({ origin: 'PROVIDER', status: 'SUCCEEDED' });
    expect(
      (await webhook(stripeServer.event('payment_intent.succeeded', stripeServer.paymentIntents.get(piId)!))).body
        .outcome,
    ).toBe('ALREADY_APPLIED');
    expect(
      (
        await webhook(
          stripeServer.event(
            'refund.created',
            [...stripeServer.refunds.values()].find((r) => r.payment_intent === piId)!,
          ),
        )
      ).body.outcome,
    ).toBe('REFUND_ALREADY_RECORDED');
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT', 'REFUND']);
    await expectLedgerBalanced(ds);
    await expectLedgerMatchesOrders(ds);
  });
});

describe('refunds through Stripe', () => {
  it('a full refund of a paid order: Stripe refund with an idempotency key, order REFUNDED, reversing posting; the webhook after it changes nothing', async () => {
    const order = await newOrder();
    const p = await pay(order);
    await succeed(p.clientSecret);
    const r = (await server.gqlOk(REFUND, { id: order.id, reason: '质量问题' }, admin.token)).refundOrder;
    expect(r).toMatchObject({ amount: order.totalAmount, status: 'SUCCEEDED', origin: 'PLATFORM' });
    const sent = stripeServer.requests.filter(
      (x) => x.path === '/v1/refunds' && x.params.payment_intent === intentOf(p.clientSecret),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].idempotencyKey).toBe(`bangfu-refund-${r.id}`);
    expect(sent[0].params).toMatchObject({
      amount: String(order.totalAmount),
      metadata: { refundId: r.id, orderId: order.id },
    });
    expect(await orderRow(ds, order.id)).toMatchObject({
      status: 'REFUNDED',
      refunded_amount: String(order.totalAmount),
    });
    const clearing = await orderBalanceOn(ds, order.id, 'ORDER_CLEARING');
    expect(clearing).toBe(0);
    const charge = stripeServer.charge(intentOf(p.clientSecret));
    expect((await webhook(stripeServer.event('charge.refunded', charge))).body.outcome).toBe('REFUNDS_SYNCED');
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT', 'REFUND']);
    expectErrorCode(await server.gql(REFUND, { id: order.id, amount: 1 }, admin.token), 'REFUND_EXCEEDS_PAID');
  });

  it('a refund sent to Stripe whose process died before recording it is recorded from the webhook, once', async () => {
    const order = await newOrder();
    const p = await pay(order);
    await succeed(p.clientSecret);
    // What refundOrder leaves after a crash between the Stripe call and its second transaction.
    const [payment] = await ds.query(`SELECT id FROM payment WHERE id = $1`, [p.paymentId]);
    const [row] = await ds.query(
      `INSERT INTO payment_refund (payment_id, order_id, amount, status, origin, idempotency_key) VALUES ($1, $2, $3, 'PENDING', 'PLATFORM', 'k') RETURNING id`,
      [payment.id, order.id, order.totalAmount],
    );
    const refund = await sdk.refunds.create({
      payment_intent: intentOf(p.clientSecret),
      amount: order.totalAmount,
      metadata: { refundId: row.id },
    });
    // Meanwhile nobody may refund the same money again: it is already being refunded.
    expectErrorCode(await server.gql(REFUND, { id: order.id }, admin.token), 'REFUND_IN_PROGRESS');
    const res = await webhook(stripeServer.event('refund.created', stripeServer.refunds.get(refund.id)!));
    expect(res.body.outcome).toBe('REFUND_RECORDED');
    expect((await ds.query(`SELECT status, provider_ref FROM payment_refund WHERE id = $1`, [row.id]))[0]).toEqual({
      status: 'SUCCEEDED',
      provider_ref: refund.id,
    });
    expect(await orderRow(ds, order.id)).toMatchObject({
      status: 'REFUNDED',
      refunded_amount: String(order.totalAmount),
    });
    expect(
      (await webhook(stripeServer.event('charge.refunded', stripeServer.charge(intentOf(p.clientSecret))))).body
        .outcome,
    ).toBe('REFUNDS_SYNCED');
    expect(await postings(order.id)).toEqual(['BUYER_PAYMENT', 'REFUND']);
    await expectLedgerMatchesOrders(ds);
  });

  it('refuses a partial refund before delivery and anything from non-admins — nothing reaches Stripe', async () => {
    const order = await newOrder();
    await succeed((await pay(order)).clientSecret);
    const before = stripeCalls('/v1/refunds');
    expectErrorCode(await server.gql(REFUND, { id: order.id, amount: 100 }, admin.token), 'REFUND_NOT_ALLOWED');
    expectErrorCode(await server.gql(REFUND, { id: order.id }, buyer.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(REFUND, { id: order.id, amount: 0 }, admin.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(REFUND, { id: order.id, amount: 1.5 }, admin.token), 'BAD_USER_INPUT');
    expect(stripeCalls('/v1/refunds')).toBe(before);
    expect(await count(ds, `SELECT count(*) FROM payment_refund WHERE order_id = $1`, [order.id])).toBe(0);
    expect((await orderRow(ds, order.id)).status).toBe('PAID');
  });

  it('after delivery: partial and per-line refunds reverse proportionally; more than paid is refused; settlement pays suppliers the rest', async () => {
    const order = await newOrder();
    await succeed((await pay(order)).clientSecret);
    const soA = order.supplierOrders.find((so) => so.supplierId === a.supplierId)!;
    const soB = order.supplierOrders.find((so) => so.supplierId === b.supplierId)!;
    await server.gqlOk(SHIP, { id: soA.id }, a.adminToken);
    await server.gqlOk(SHIP, { id: soB.id }, b.adminToken);
    await server.gqlOk(DELIVER, { id: soA.id }, buyer.token);
    await server.gqlOk(DELIVER, { id: soB.id }, buyer.token);
    expect((await orderRow(ds, order.id)).status).toBe('DELIVERED');

    const partial = (await server.gqlOk(REFUND, { id: order.id, amount: 1001 }, admin.token)).refundOrder;
    expect(partial).toMatchObject({ amount: 1001, status: 'SUCCEEDED' });
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded_amount: '1001' });
    const byLine = (await server.gqlOk(REFUND, { id: order.id, lineIds: [soB.lines[0].id] }, admin.token)).refundOrder;
    const perSo = await ds.query(
      `SELECT e.supplier_order_id AS so, sum(e.amount)::int AS amount FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id JOIN ledger_account a ON a.id = e.account_id
        WHERE p.order_id = $1 AND p.kind = 'REFUND' AND a.code = 'ORDER_CLEARING' GROUP BY 1`,
      [order.id],
    );
    const refundedB = perSo.find((r: { so: string }) => r.so === soB.id).amount;
    const refundedA = perSo.find((r: { so: string }) => r.so === soA.id).amount;
    expect(refundedA + refundedB).toBe(1001 + byLine.amount);
    // What the order's lines say was refunded per supplier order is what the ledger reversed.
    const lineRefunds = await ds.query(
      `SELECT supplier_order_id AS so, sum(refunded_amount)::int AS amount FROM order_line WHERE order_id = $1 GROUP BY 1`,
      [order.id],
    );
    expect(Object.fromEntries(lineRefunds.map((r: { so: string; amount: number }) => [r.so, r.amount]))).toEqual({
      [soA.id]: refundedA,
      [soB.id]: refundedB,
    });

    const left = order.totalAmount - 1001 - byLine.amount;
    const stripeBefore = stripeCalls('/v1/refunds');
    expectErrorCode(await server.gql(REFUND, { id: order.id, amount: left + 1 }, admin.token), 'REFUND_EXCEEDS_PAID');
    expectErrorCode(
      await server.gql(REFUND, { id: order.id, lineIds: [soB.lines[0].id] }, admin.token),
      'REFUND_EXCEEDS_PAID',
    );
    expect(stripeCalls('/v1/refunds')).toBe(stripeBefore);
    expect(
      stripeServer.charge(
        stripeServer.requests.find(
          (x) => x.path === '/v1/refunds' && x.params.metadata && (x.params.metadata as any).orderId === order.id,
        )!.params.payment_intent as string,
      ).amount_refunded,
    ).toBe(1001 + byLine.amount);
    await expectLedgerBalanced(ds);
    await expectLedgerMatchesOrders(ds);
  });
});
