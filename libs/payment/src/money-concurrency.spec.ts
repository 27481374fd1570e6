import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { RequestContext } from '@bangfu/core';
import { LedgerService } from '@bangfu/ledger';
import type { TestServer } from '@bangfu/testing';
import type { StripeTestServer } from './testing/stripe-test-server';
import {
  type Actor,
  codeOf,
  count,
  dispatchOrderEvents,
  expectBooksBalanced,
  expectOneFullRefund,
  type LocalStripe,
  orderRow,
  type PlacedOrder,
  placeOrder,
  setPayoutAccount,
  shipAndDeliver,
  startLocalStripe,
  startRetailWorld,
  stripeIntentSucceeded,
  type Supplier,
} from './test-helpers';

/**
 * Money operations run concurrently (double clicks, two admins, retries): each one takes its lock
 * before reading the amounts it decides on, so the provider is asked once and the books balance.
 */
const SECRET = 'whsec_bangfu_concurrency';
let stripe: LocalStripe;
let stripeServer: StripeTestServer;
let server: TestServer;
let ds: DataSource;
let hall: string;
let a: Supplier;
let b: Supplier;
let buyer: Actor;
let admin: Actor;

const PAY = `mutation($id: ID!) { payOrder(orderId: $id, method: CARD) { paymentId clientSecret } }`;
const REFUND = `mutation($id: ID!, $amount: Money) { refundOrder(orderId: $id, amount: $amount) { id amount status } }`;
const SETTLE = `mutation($id: ID!) { settleOrder(orderId: $id) { id status } }`;
const BATCH = `mutation { createPayoutBatch { id status totalAmount payouts { supplierId amount status } } }`;
const RETRY = `mutation($id: ID!) { retryPayoutBatch(batchId: $id) { id status payouts { supplierId status } } }`;

beforeAll(async () => {
  stripe = await startLocalStripe('sk_test_concurrency', SECRET);
  stripeServer = stripe.stripeServer;
  ({ server, ds, hall, a, b, buyer, admin } = await startRetailWorld());
});
afterAll(async () => {
  await server?.close();
  await stripeServer?.close();
});

/** A retail order of 2 × 68.00 (A) + 3 × 33.50 (B), paid by card (Stripe succeeded + webhook). */
async function paidOrder(): Promise<PlacedOrder & { intentId: string; paymentId: string }> {
  const order = await placeOrder(server, buyer.token, hall, [
    { variantId: a.variantId, quantity: 2 },
    { variantId: b.variantId, quantity: 3 },
  ]);
  const p = (await server.gqlOk(PAY, { id: order.id }, buyer.token)).payOrder;
  const pi = await stripeIntentSucceeded(server, stripe, SECRET, p.clientSecret);
  expect((await orderRow(ds, order.id)).status).toBe('PAID');
  return { ...order, intentId: pi.id, paymentId: p.paymentId };
}

const deliver = (order: PlacedOrder) => shipAndDeliver(server, order, [a, b], buyer.token);

/** Every refund request that reached the provider for this intent (replays included). */
const refundCalls = (intentId: string) =>
  stripeServer.requests.filter(
    (r) => r.method === 'POST' && r.path === '/v1/refunds' && r.params.payment_intent === intentId,
  ).length;

describe('concurrent refunds', () => {
  it('20 concurrent full refunds of a card-paid order: one provider call, one refund, no mismatch flag, books balanced', async () => {
    const order = await paidOrder();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => server.gql(REFUND, { id: order.id }, admin.token)),
    );
    // One wins; the others are told clearly that the money is already (being) refunded.
    await expectOneFullRefund(server, ds, admin.token, order, results);
    expect(refundCalls(order.intentId)).toBe(1);
    expect(stripeServer.charge(order.intentId).amount_refunded).toBe(order.totalAmount);
  });

  it('a refund already reserved (sent to the provider, not yet answered) is not sent again by a concurrent caller', async () => {
    const order = await paidOrder();
    const release = stripeServer.hold('answers');
    let first;
    let second;
    try {
      first = server.gql(REFUND, { id: order.id }, admin.token);
      await waitFor(() => refundCalls(order.intentId) === 1);
      second = await server.gql(REFUND, { id: order.id }, admin.token);
    } finally {
      release();
    }
    expect(codeOf(second)).toBe('REFUND_IN_PROGRESS');
    expect(second!.errors![0].extensions).toMatchObject({ pending: order.totalAmount });
    expect((await first!).data!.refundOrder.status).toBe('SUCCEEDED');
    expect(refundCalls(order.intentId)).toBe(1);
    await expectBooksBalanced(server, ds, admin.token);
  });

  it('concurrent partial refunds after delivery never exceed what was paid', async () => {
    const order = await paidOrder();
    await deliver(order);
    const piece = 3000;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => server.gql(REFUND, { id: order.id, amount: piece }, admin.token)),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(Math.floor(order.totalAmount / piece));
    for (const r of results.filter((x) => x.errors)) expect(codeOf(r)).toBe('REFUND_EXCEEDS_PAID');
    const row = await orderRow(ds, order.id);
    expect(Number(row.refunded_amount)).toBe(ok.length * piece);
    expect(stripeServer.charge(order.intentId).amount_refunded).toBe(ok.length * piece);
    expect(refundCalls(order.intentId)).toBe(ok.length);
    expect(
      await count(ds, `SELECT count(*) FROM payment_refund WHERE order_id = $1 AND status <> 'SUCCEEDED'`, [order.id]),
    ).toBe(0);
    expect(await count(ds, `SELECT count(*) FROM payment WHERE order_id = $1 AND flag IS NOT NULL`, [order.id])).toBe(
      0,
    );
    await expectBooksBalanced(server, ds, admin.token);
  });
});

describe('concurrent payouts', () => {
  let ledger: LedgerService;
  const owed = async (supplierId: string) =>
    (await ledger.payableBalances(RequestContext.system())).find((x) => x.supplierId === supplierId)?.owed ?? 0;

  beforeAll(async () => {
    ledger = server.app.get(LedgerService);
    await setPayoutAccount(server, admin.token, { supplierId: a.supplierId, stripeAccountId: 'acct_1ConcA' });
    await setPayoutAccount(server, b.adminToken, {
      supplierId: b.supplierId,
      bankName: '贵州银行',
      bankAccountName: '合作社',
      bankAccountNo: '6214830012340099',
    });
  });

  async function settled() {
    const order = await paidOrder();
    await deliver(order);
    await server.gqlOk(SETTLE, { id: order.id }, admin.token);
    await dispatchOrderEvents(server, ds, order.id, 'order.settled');
  }

  const transfersTo = (destination: string) =>
    stripeServer.requests.filter(
      (r) => r.path === '/v1/transfers' && r.params.destination === destination && !r.replayed,
    ).length;

  it('five concurrent batches pay each payable once', async () => {
    await settled();
    const owedA = await owed(a.supplierId);
    const owedB = await owed(b.supplierId);
    expect(owedA).toBeGreaterThan(0);
    const transfersBefore = transfersTo('acct_1ConcA');
    const results = await Promise.all(Array.from({ length: 5 }, () => server.gql(BATCH, {}, admin.token)));
    const batches = results.filter((r) => !r.errors).map((r) => r.data!.createPayoutBatch);
    for (const r of results.filter((x) => x.errors)) expect(codeOf(r)).toBe('NOTHING_TO_PAY');
    const paid = (s: string) =>
      batches
        .flatMap((x) => x.payouts)
        .filter((p: { supplierId: string }) => p.supplierId === s)
        .reduce((sum: number, p: { amount: number }) => sum + p.amount, 0);
    expect(paid(a.supplierId)).toBe(owedA);
    expect(paid(b.supplierId)).toBe(owedB);
    expect(transfersTo('acct_1ConcA')).toBe(transfersBefore + 1);
    expect(await owed(a.supplierId)).toBe(0);
    expect(await owed(b.supplierId)).toBe(0);
    await expectBooksBalanced(server, ds, admin.token);
  });

  it('concurrent retries of a batch left pending by an outage transfer once', async () => {
    await settled();
    // Outage (the SDK's own retries included): the transfer stays PENDING, the batch PROCESSING.
    stripeServer.failNext(10);
    const pending = (await server.gqlOk(BATCH, {}, admin.token)).createPayoutBatch;
    stripeServer.failNext(0);
    expect(pending.status).toBe('PROCESSING');
    const transfersBefore = transfersTo('acct_1ConcA');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => server.gqlOk(RETRY, { id: pending.id }, admin.token)),
    );
    for (const r of results) expect(r.retryPayoutBatch.status).toBe('COMPLETED');
    expect(transfersTo('acct_1ConcA')).toBe(transfersBefore + 1);
    expect(await count(ds, `SELECT count(*) FROM payout WHERE batch_id = $1 AND status = 'PAID'`, [pending.id])).toBe(
      1,
    );
    await expectBooksBalanced(server, ds, admin.token);
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
