import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  type Actor,
  type PlacedOrder,
  placeOrder,
  type Supplier,
  withoutStripe,
  startOfflineWorld,
} from './test-helpers';

// Bank transfers only (no Stripe): refunds complete at once, so the list's content is deterministic.
withoutStripe();

let server: TestServer;
let ds: DataSource;
let hall: string;
let supplier: Supplier;
let purchaser: Actor & { organizationId: string };
let admin: Actor;

const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id } }`;
const REFUND = `mutation($id: ID!, $a: Money, $r: String) { refundOrder(orderId: $id, amount: $a, reason: $r) { id } }`;
const LIST = `query($s: RefundStatus, $f: Int) { refunds(status: $s, first: $f) { id orderId amount status reason } }`;

beforeAll(async () => {
  ({ server, ds, hall, supplier, purchaser, admin } = await startOfflineWorld());
});
afterAll(() => server?.close());

let ref = 0;
async function paidOrder(): Promise<PlacedOrder> {
  const order = await placeOrder(
    server,
    purchaser.token,
    hall,
    [{ variantId: supplier.variantId, quantity: 2 }],
    purchaser.organizationId,
  );
  const input = {
    orderId: order.id,
    reference: `LIST-${++ref}`,
    amount: order.totalAmount,
    paidAt: '2026-03-01T10:00:00+08:00',
  };
  const p = (await server.gqlOk(RECORD, { input }, purchaser.token)).recordBankTransfer;
  await server.gqlOk(CONFIRM, { id: p.id }, admin.token);
  return order;
}

describe('refunds (platform finance list)', () => {
  it('lists refunds of all orders newest first with amount and reason, filtered by status', async () => {
    const a = await paidOrder();
    const b = await paidOrder();
    await server.gqlOk(REFUND, { id: a.id, r: '供应商缺货' }, admin.token);
    await server.gqlOk(REFUND, { id: b.id, r: '整单退货' }, admin.token);
    const list = (await server.gqlOk(LIST, {}, admin.token)).refunds;
    expect(list.map((r: { orderId: string }) => r.orderId)).toEqual([b.id, a.id]);
    expect(list[0]).toMatchObject({ amount: b.totalAmount, status: 'SUCCEEDED', reason: '整单退货' });
    expect(list[1]).toMatchObject({ amount: a.totalAmount, reason: '供应商缺货' });
    expect((await server.gqlOk(LIST, { f: 1 }, admin.token)).refunds).toHaveLength(1);
    expect((await server.gqlOk(LIST, { s: 'FAILED' }, admin.token)).refunds).toEqual([]);
    await ds.query(`UPDATE payment_refund SET status = 'FAILED', failure = 'bank rejected' WHERE order_id = $1`, [
      a.id,
    ]);
    expect(
      (await server.gqlOk(LIST, { s: 'FAILED' }, admin.token)).refunds.map((r: { orderId: string }) => r.orderId),
    ).toEqual([a.id]);
  });

  it('is for platform admins only and checks first', async () => {
    expectErrorCode(await server.gql(LIST, {}, purchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(LIST, {}), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(LIST, { f: 0 }, admin.token), 'BAD_USER_INPUT');
  });
});
