import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { AppError, RequestContext } from '@bangfu/core';
import { AuthService } from '@bangfu/identity';
import type { TestServer } from '@bangfu/testing';
import { RefundService } from './refund.service';
import {
  type Actor,
  expectLedgerBalanced,
  placeOrder,
  type PlacedOrder,
  shipAndDeliver,
  startRetailWorld,
  type Supplier,
} from './test-helpers';

/**
 * `lineAmounts`: other domains (after-sales' upheld complaints) refund a chosen amount on chosen lines
 * through the same refund path; each part is checked before any money moves.
 */
let server: TestServer;
let ds: DataSource;
let hall: string;
let a: Supplier;
let b: Supplier;
let buyer: Actor;
let admin: Actor;
let adminCtx: RequestContext;

const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id } }`;

beforeAll(async () => {
  ({ server, ds, hall, a, b, buyer, admin } = await startRetailWorld());
  adminCtx = RequestContext.anonymous().withPrincipal(await server.app.get(AuthService).load(admin.userId));
});
afterAll(() => server?.close());

async function deliveredOrder(): Promise<PlacedOrder> {
  const order = await placeOrder(server, buyer.token, hall, [
    { variantId: a.variantId, quantity: 2 },
    { variantId: b.variantId, quantity: 3 },
  ]);
  const p = (
    await server.gqlOk(
      RECORD,
      {
        input: {
          orderId: order.id,
          reference: `R-${order.orderNo}`,
          amount: order.totalAmount,
          paidAt: new Date().toISOString(),
        },
      },
      buyer.token,
    )
  ).recordBankTransfer;
  await server.gqlOk(CONFIRM, { id: p.id }, admin.token);
  await shipAndDeliver(server, order, [a, b], buyer.token);
  return order;
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

it('refunds the chosen amounts on the chosen lines only; refuses unknown, repeated, non-positive and too large parts before any money moves', async () => {
  const order = await deliveredOrder();
  const lineA = order.supplierOrders.find((so) => so.supplierId === a.supplierId)!.lines[0];
  const lineB = order.supplierOrders.find((so) => so.supplierId === b.supplierId)!.lines[0];
  const refunds = server.app.get(RefundService);
  const refund = (lineAmounts: Array<{ lineId: string; amount: number }>, amount?: number) =>
    refunds.refundOrder(adminCtx, { orderId: order.id, lineAmounts, amount });
  expect(await codeOf(refund([{ lineId: '00000000-0000-4000-8000-000000000000', amount: 100 }]))).toBe(
    'BAD_USER_INPUT',
  );
  expect(
    await codeOf(
      refund([
        { lineId: lineA.id, amount: 100 },
        { lineId: lineA.id, amount: 100 },
      ]),
    ),
  ).toBe('BAD_USER_INPUT');
  expect(await codeOf(refund([{ lineId: lineA.id, amount: 0 }]))).toBe('BAD_USER_INPUT');
  expect(await codeOf(refund([{ lineId: lineA.id, amount: lineA.lineTotal + 1 }]))).toBe('REFUND_EXCEEDS_PAID');
  expect(await codeOf(refund([{ lineId: lineA.id, amount: 100 }], 200))).toBe('BAD_USER_INPUT');
  expect(
    Number((await ds.query(`SELECT count(*) AS n FROM payment_refund WHERE order_id = $1`, [order.id]))[0].n),
  ).toBe(0);

  const done = await refund([{ lineId: lineA.id, amount: 5000 }]);
  expect(done).toMatchObject({ amount: 5000, status: 'SUCCEEDED' });
  const lines: Array<{ id: string; refunded: number }> = await ds.query(
    `SELECT id, refunded_amount::int AS refunded FROM order_line WHERE order_id = $1`,
    [order.id],
  );
  expect(lines.find((l) => l.id === lineA.id)!.refunded).toBe(5000);
  expect(lines.find((l) => l.id === lineB.id)!.refunded).toBe(0);
  await expectLedgerBalanced(ds);
});
