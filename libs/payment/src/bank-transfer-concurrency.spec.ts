import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Db, PRINCIPAL_LOADER, type PrincipalLoader, RequestContext } from '@bangfu/core';
import { OrderService } from '@bangfu/ordering';
import type { TestServer } from '@bangfu/testing';
import {
  type Actor,
  count,
  expectBooksBalanced,
  orderRow,
  type PlacedOrder,
  placeOrder,
  type Supplier,
  withoutStripe,
  codeOf,
  expectOneFullRefund,
  startOfflineWorld,
} from './test-helpers';

// Without Stripe, retail customers pay by bank transfer: the concurrent-transfer cases need no provider.
withoutStripe();

let server: TestServer;
let ds: DataSource;
let hall: string;
let supplier: Supplier;
let customer: Actor;
let admin: Actor;

const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id status } }`;
const CONFIRM = `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id status outcome } }`;
const REFUND = `mutation($id: ID!) { refundOrder(orderId: $id) { id amount status } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "不要了") { id status } }`;

beforeAll(async () => {
  ({ server, ds, hall, supplier, customer, admin } = await startOfflineWorld());
});
afterAll(() => server?.close());

let refNo = 0;
const transfer = (order: PlacedOrder) => ({
  input: {
    orderId: order.id,
    reference: `CONC-2026-${++refNo}`,
    amount: order.totalAmount,
    paidAt: '2026-03-01T10:00:00+08:00',
  },
});
const newOrder = () => placeOrder(server, customer.token, hall, [{ variantId: supplier.variantId, quantity: 3 }]);

describe('concurrent bank transfers', () => {
  it('ten transfers recorded at once for one order: one awaits confirmation, the others are BANK_TRANSFER_PENDING', async () => {
    const order = await newOrder();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server.gql(RECORD, transfer(order), customer.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(codeOf(r)).toBe('BANK_TRANSFER_PENDING');
    expect(await count(ds, `SELECT count(*) FROM payment WHERE order_id = $1`, [order.id])).toBe(1);
  });

  it('ten concurrent confirmations of one transfer confirm once and post once', async () => {
    const order = await newOrder();
    const p = (await server.gqlOk(RECORD, transfer(order), customer.token)).recordBankTransfer;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server.gqlOk(CONFIRM, { id: p.id }, admin.token)),
    );
    for (const r of results)
      expect(r.confirmBankTransfer).toMatchObject({ id: p.id, status: 'SUCCEEDED', outcome: 'APPLIED' });
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'PAID', paid_amount: String(order.totalAmount) });
    expect(await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1`, [order.id])).toBe(1);
    expect(
      await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1 AND to_status = 'PAID'`, [order.id]),
    ).toBe(1);
    await expectBooksBalanced(server, ds, admin.token);
  });

  it('a confirmation that races the order’s cancellation either pays the order or is refused — never money taken for a cancelled order', async () => {
    const order = await newOrder();
    const p = (await server.gqlOk(RECORD, transfer(order), customer.token)).recordBankTransfer;
    // The buyer cancels in a transaction that has taken the order's row lock but not yet committed.
    const principal = await server.app.get<PrincipalLoader>(PRINCIPAL_LOADER, { strict: false }).load(customer.userId);
    let commit!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((r) => (commit = r));
    const held = new Promise<void>((r) => (locked = r));
    const cancelled = server.app
      .get(Db)
      .transaction(RequestContext.anonymous().withPrincipal(principal), async (tx) => {
        await server.app.get(OrderService).cancel(tx, order.id, '不要了');
        locked();
        await gate;
      });
    let confirm;
    try {
      await held;
      confirm = server.gql(CONFIRM, { id: p.id }, admin.token);
      // The confirmation waits for the order lock (the old code read the order without it first).
      await waitFor(async () => (await lockWaiters()) > 0);
    } finally {
      commit();
    }
    await cancelled;
    expect(codeOf(await confirm!)).toBe('ORDER_NOT_PAYABLE');
    expect((await ds.query(`SELECT status, outcome, flag FROM payment WHERE id = $1`, [p.id]))[0]).toEqual({
      status: 'AWAITING_CONFIRMATION',
      outcome: null,
      flag: null,
    });
    expect(await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1`, [order.id])).toBe(0);
    expect((await orderRow(ds, order.id)).status).toBe('CANCELLED');
    // Cancelling after a confirmation is refused instead (the order is paid: refund it).
    const other = await newOrder();
    const q = (await server.gqlOk(RECORD, transfer(other), customer.token)).recordBankTransfer;
    await server.gqlOk(CONFIRM, { id: q.id }, admin.token);
    expect(codeOf(await server.gql(CANCEL, { id: other.id }, customer.token))).toBe('ORDER_PAID');
  });

  it('20 concurrent full refunds of a transfer-paid order: one refund, recorded once, no mismatch flag, books balanced', async () => {
    const order = await newOrder();
    const p = (await server.gqlOk(RECORD, transfer(order), customer.token)).recordBankTransfer;
    await server.gqlOk(CONFIRM, { id: p.id }, admin.token);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => server.gql(REFUND, { id: order.id }, admin.token)),
    );
    await expectOneFullRefund(server, ds, admin.token, order, results);
  });
});

/** Sessions of this database waiting for a lock. */
const lockWaiters = () =>
  count(ds, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);

async function waitFor(check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
