import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  type Actor,
  agencyActor,
  count,
  expectLedgerBalanced,
  expectLedgerMatchesOrders,
  orderBalanceOn,
  orderRow,
  type PlacedOrder,
  placeOrder,
  startOfflineWorld,
  type Supplier,
  withoutStripe,
} from './test-helpers';

// This file runs without Stripe: only the offline methods exist.
withoutStripe();

let server: TestServer;
let ds: DataSource;
let hall: string;
let supplier: Supplier;
let purchaser: Actor & { organizationId: string };
let agencyAdmin: Actor & { organizationId: string };
let otherPurchaser: Actor & { organizationId: string };
let customer: Actor;
let admin: Actor;

const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id orderId status amount method provider reference paidAt outcome } }`;
const CONFIRM = `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id status outcome confirmedAt } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectBankTransfer(paymentId: $id, reason: $r) { id status rejectedReason } }`;
const AWAITING = `{ paymentsAwaitingConfirmation { id orderId reference } }`;
const SETUP = `{ paymentSetup { stripeEnabled publishableKey methods } }`;
const PAY = `mutation($id: ID!) { payOrder(orderId: $id, method: CARD) { paymentId } }`;
const REFUND = `mutation($id: ID!) { refundOrder(orderId: $id) { id amount status providerRef } }`;
const PAYMENTS = `query($id: ID!) { orderPayments(orderId: $id) { id status } }`;

beforeAll(async () => {
  ({ server, ds, hall, supplier, purchaser, customer, admin } = await startOfflineWorld());
  agencyAdmin = await agencyActor(server, ds, Role.AGENCY_ADMIN, purchaser.organizationId);
  otherPurchaser = await agencyActor(server, ds, Role.PURCHASER);
});
afterAll(() => server?.close());

const agencyOrder = (): Promise<PlacedOrder> =>
  placeOrder(
    server,
    purchaser.token,
    hall,
    [{ variantId: supplier.variantId, quantity: 10 }],
    purchaser.organizationId,
  );
let refNo = 0;
const transfer = (order: PlacedOrder, over: Record<string, unknown> = {}) => ({
  input: {
    orderId: order.id,
    reference: `ABC-2026-${++refNo}`,
    amount: order.totalAmount,
    paidAt: '2026-03-01T10:00:00+08:00',
    ...over,
  },
});

describe('without Stripe', () => {
  it('offers only bank transfer; payOrder says the method is unavailable; webhooks are refused', async () => {
    expect((await server.gqlOk(SETUP)).paymentSetup).toEqual({
      stripeEnabled: false,
      publishableKey: null,
      methods: ['BANK_TRANSFER'],
    });
    const order = await agencyOrder();
    expectErrorCode(await server.gql(PAY, { id: order.id }, purchaser.token), 'PAYMENT_METHOD_UNAVAILABLE');
    // Someone else's order: FORBIDDEN before anything about paying it (method, platform setup) is said.
    expectErrorCode(await server.gql(PAY, { id: order.id }, otherPurchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(PAY, { id: order.id }, customer.token), 'FORBIDDEN');
    const byTransfer = `mutation($id: ID!) { payOrder(orderId: $id, method: BANK_TRANSFER) { paymentId } }`;
    expectErrorCode(await server.gql(byTransfer, { id: order.id }, otherPurchaser.token), 'FORBIDDEN');
    const res = await fetch(`${server.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('STRIPE_NOT_CONFIGURED');
    expect(await count(ds, `SELECT count(*) FROM payment_event`)).toBe(0);
  });

  it('lets a retail customer pay by transfer (the only way without Stripe), confirmed by platform finance', async () => {
    const order = await placeOrder(server, customer.token, hall, [{ variantId: supplier.variantId, quantity: 1 }]);
    const p = (await server.gqlOk(RECORD, transfer(order), customer.token)).recordBankTransfer;
    expect(p.status).toBe('AWAITING_CONFIRMATION');
    expect((await server.gqlOk(CONFIRM, { id: p.id }, admin.token)).confirmBankTransfer.status).toBe('SUCCEEDED');
    expect(await count(ds, `SELECT count(*) FROM orders WHERE id = $1 AND status = 'PAID'`, [order.id])).toBe(1);
  });
});

describe('bank transfer against an invoice', () => {
  it('agency finance records it (AWAITING_CONFIRMATION); platform finance confirms: order PAID and CASH_BANK posted in one transaction', async () => {
    const order = await agencyOrder();
    expect(order.totalAmount).toBe(59_000);
    const p = (await server.gqlOk(RECORD, transfer(order), agencyAdmin.token)).recordBankTransfer;
    expect(p).toMatchObject({
      orderId: order.id,
      status: 'AWAITING_CONFIRMATION',
      amount: 59_000,
      method: 'BANK_TRANSFER',
      provider: 'BANK_TRANSFER',
      outcome: null,
    });
    expect((await orderRow(ds, order.id)).status).toBe('PLACED');
    expect((await server.gqlOk(AWAITING, {}, admin.token)).paymentsAwaitingConfirmation).toContainEqual(
      expect.objectContaining({ id: p.id, orderId: order.id }),
    );

    expectErrorCode(await server.gql(CONFIRM, { id: p.id }, purchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(CONFIRM, { id: 'not-a-payment' }, admin.token), 'NOT_FOUND');
    const confirmed = (await server.gqlOk(CONFIRM, { id: p.id }, admin.token)).confirmBankTransfer;
    expect(confirmed).toMatchObject({ status: 'SUCCEEDED', outcome: 'APPLIED', confirmedAt: expect.any(String) });
    expect(await orderRow(ds, order.id)).toMatchObject({ status: 'PAID', paid_amount: '59000' });
    const [cash] = await ds.query(
      `SELECT e.amount::int AS amount FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id JOIN ledger_account a ON a.id = e.account_id WHERE p.order_id = $1 AND a.code = 'CASH_BANK'`,
      [order.id],
    );
    expect(cash.amount).toBe(59_000);
    // Confirming twice is harmless.
    expect((await server.gqlOk(CONFIRM, { id: p.id }, admin.token)).confirmBankTransfer.status).toBe('SUCCEEDED');
    expect(await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1`, [order.id])).toBe(1);
    // Paid: no more transfers.
    expectErrorCode(await server.gql(RECORD, transfer(order), purchaser.token), 'ORDER_NOT_PAYABLE');
    expect((await server.gqlOk(PAYMENTS, { id: order.id }, purchaser.token)).orderPayments).toHaveLength(1);
    expectErrorCode(await server.gql(PAYMENTS, { id: order.id }, otherPurchaser.token), 'FORBIDDEN');
  });

  it("refuses money for an agency order that never passed the unit's approval, before anything is recorded", async () => {
    const order = await agencyOrder();
    // An order placed for the unit before the approval control existed: PLACED, never approved.
    await ds.query(`UPDATE orders SET approved_at = NULL WHERE id = $1`, [order.id]);
    expectErrorCode(await server.gql(RECORD, transfer(order), agencyAdmin.token), 'ORDER_NOT_PAYABLE');
    expect(await count(ds, `SELECT count(*) FROM payment WHERE order_id = $1`, [order.id])).toBe(0);
    const options = (
      await server.gqlOk(
        `query($id: ID!) { paymentOptions(orderId: $id) { payable payOnDelivery } }`,
        { id: order.id },
        purchaser.token,
      )
    ).paymentOptions;
    expect(options).toMatchObject({ payable: false, payOnDelivery: false });
  });

  it('refuses a wrong amount, a duplicate, a reused reference, other agencies, customers and bad input — writing nothing', async () => {
    const order = await agencyOrder();
    const before = await count(ds, `SELECT count(*) FROM payment`);
    expectErrorCode(
      await server.gql(RECORD, transfer(order, { amount: order.totalAmount - 1 }), purchaser.token),
      'PAYMENT_AMOUNT_MISMATCH',
    );
    expectErrorCode(
      await server.gql(RECORD, transfer(order, { amount: order.totalAmount + 100 }), purchaser.token),
      'PAYMENT_AMOUNT_MISMATCH',
    );
    expectErrorCode(await server.gql(RECORD, transfer(order), otherPurchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(RECORD, transfer(order), customer.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(RECORD, transfer(order, { reference: '' }), otherPurchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(RECORD, transfer(order, { reference: '' }), purchaser.token), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(RECORD, transfer(order, { paidAt: 'yesterday' }), purchaser.token),
      'BAD_USER_INPUT',
    );
    expectErrorCode(
      await server.gql(RECORD, transfer(order, { paidAt: '2999-01-01' }), purchaser.token),
      'BAD_USER_INPUT',
    );
    expectErrorCode(await server.gql(RECORD, transfer(order, { amount: 1.5 }), purchaser.token), 'BAD_USER_INPUT');
    expect(await count(ds, `SELECT count(*) FROM payment`)).toBe(before);

    const first = transfer(order);
    await server.gqlOk(RECORD, first, purchaser.token);
    expectErrorCode(await server.gql(RECORD, transfer(order), purchaser.token), 'BANK_TRANSFER_PENDING');
    const other = await agencyOrder();
    expectErrorCode(
      await server.gql(RECORD, transfer(other, { reference: first.input.reference }), purchaser.token),
      'DUPLICATE_REFERENCE',
    );
    expect(await count(ds, `SELECT count(*) FROM payment`)).toBe(before + 1);
  });

  it('platform finance rejects a transfer that never arrived: the order stays unpaid and can be paid again', async () => {
    const order = await agencyOrder();
    const rec = transfer(order);
    const p = (await server.gqlOk(RECORD, rec, purchaser.token)).recordBankTransfer;
    expectErrorCode(await server.gql(REJECT, { id: p.id, r: ' ' }, admin.token), 'BAD_USER_INPUT');
    expect((await server.gqlOk(REJECT, { id: p.id, r: '未到账' }, admin.token)).rejectBankTransfer).toMatchObject({
      status: 'REJECTED',
      rejectedReason: '未到账',
    });
    expectErrorCode(await server.gql(CONFIRM, { id: p.id }, admin.token), 'PAYMENT_NOT_AWAITING_CONFIRMATION');
    expect((await orderRow(ds, order.id)).status).toBe('PLACED');
    expect(await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1`, [order.id])).toBe(0);
    // The same bank reference may be recorded again once the wrong record was rejected.
    const again = (await server.gqlOk(RECORD, rec, purchaser.token)).recordBankTransfer;
    expect((await server.gqlOk(CONFIRM, { id: again.id }, admin.token)).confirmBankTransfer.status).toBe('SUCCEEDED');
  });

  it('cannot confirm money for an order cancelled meanwhile (reject it instead); nothing is posted', async () => {
    const order = await agencyOrder();
    const p = (await server.gqlOk(RECORD, transfer(order), purchaser.token)).recordBankTransfer;
    await server.gqlOk(
      `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "预算调整") { id } }`,
      { id: order.id },
      purchaser.token,
    );
    expectErrorCode(await server.gql(CONFIRM, { id: p.id }, admin.token), 'ORDER_NOT_PAYABLE');
    expect((await ds.query(`SELECT status FROM payment WHERE id = $1`, [p.id]))[0].status).toBe(
      'AWAITING_CONFIRMATION',
    );
    expect(await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1`, [order.id])).toBe(0);
  });

  it('a refund of a bank-paid order is paid back from the bank account and recorded at once', async () => {
    const order = await agencyOrder();
    const p = (await server.gqlOk(RECORD, transfer(order), purchaser.token)).recordBankTransfer;
    await server.gqlOk(CONFIRM, { id: p.id }, admin.token);
    const r = (await server.gqlOk(REFUND, { id: order.id }, admin.token)).refundOrder;
    expect(r).toMatchObject({ amount: order.totalAmount, status: 'SUCCEEDED', providerRef: null });
    expect(await orderRow(ds, order.id)).toMatchObject({
      status: 'REFUNDED',
      refunded_amount: String(order.totalAmount),
    });
    const bank = await orderBalanceOn(ds, order.id, 'CASH_BANK');
    expect(bank).toBe(0);
    await expectLedgerBalanced(ds);
    await expectLedgerMatchesOrders(ds);
  });
});
