import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { OrderService } from '@bangfu/ordering';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { CHECKOUT_JUSTIFICATION } from './checkout-policy';
import { shanghaiPeriod } from './dates';
import {
  actor,
  APPROVE,
  count,
  dispatchEvents,
  payShipDeliver,
  type Product,
  RESERVED_SHARE,
  SET_POLICY,
  staffedUnit,
  startTeaHall,
  sys,
  type Unit,
} from './test-helpers';

/**
 * Issue 10 item 3: the plain checkout (placeOrder, which the storefront's cart used) and
 * confirmOrder cannot skip the unit's procurement controls, and staff buying with their own money
 * are retail buyers reported separately.
 */
let server: TestServer;
let ds: DataSource;
let channel: string;
let tea: Product; // 5,000 fen a box, agency and retail

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  __typename
  ... on Order { id status buyerKind buyerOrgId staffOfOrgId approvedAt totalAmount paymentMode }
  ... on PurchaseRequestRequiredError { code message }
  ... on InvalidOrderInputError { code field }
} }`;
const CONFIRM = `mutation($id: ID!) { confirmOrder(orderId: $id) { id status paymentMode } }`;
const STAFF_RULE = `mutation($r: String!, $c: Boolean!) { setJurisdictionStaffPurchases(regionCode: $r, staffPurchasesCount: $c) { regionPrefix staffPurchasesCount } }`;

/** A unit whose purchaser may spend 100,000 fen per request, policy "skip approval within the limit" on unless said otherwise. */
async function setupUnit(options: { skip?: boolean; regionCode?: string } = {}): Promise<Unit> {
  const u = await staffedUnit(server, ds, { regionCode: options.regionCode, spending: 100_000 });
  await server.gqlOk(SET_POLICY, { o: u.id, i: { skipApprovalBelowLimit: options.skip ?? true } }, u.admin.token);
  return u;
}

const place = async (token: string, quantity: number, extra: Record<string, unknown> = {}) =>
  (
    await server.gqlOk(
      PLACE,
      {
        input: {
          idempotencyKey: randomUUID(),
          channelId: channel,
          lines: [{ variantId: tea.variantId, quantity }],
          ...extra,
        },
      },
      token,
    )
  ).placeOrder;

async function requestOf(orderId: string) {
  const [row] = await ds.query(
    `SELECT id, status, justification, terms, total_amount, spending_limit, auto_approved, split_suspected FROM purchase_request WHERE order_id = $1`,
    [orderId],
  );
  return row;
}

beforeAll(async () => {
  ({ server, ds, channel, tea } = await startTeaHall({ price: 5000, stock: 100_000 }));
});
afterAll(() => server?.close());

describe('placeOrder for the unit goes through its procurement policy', () => {
  it('above the spending limit it waits for approval: no confirmOrder (pay on delivery) or payment until an approver approves', async () => {
    const u = await setupUnit();
    const order = await place(u.purchaser.token, 30, { buyerOrgId: u.id }); // 150,000 fen > 100,000
    expect(order).toMatchObject({
      __typename: 'Order',
      status: 'PENDING_APPROVAL',
      buyerKind: 'AGENCY',
      buyerOrgId: u.id,
      approvedAt: null,
      totalAmount: 150_000,
    });
    expect(await requestOf(order.id)).toMatchObject({
      status: 'PENDING_APPROVAL',
      justification: CHECKOUT_JUSTIFICATION,
      terms: 'PREPAY',
      total_amount: '150000',
      spending_limit: '100000',
      auto_approved: false,
    });

    // The bypass this closes: placeOrder, then confirmOrder for pay on delivery.
    expectErrorCode(await server.gql(CONFIRM, { id: order.id }, u.purchaser.token), 'INVALID_TRANSITION');
    await expect(
      server.app.get(OrderService).markPaid(sys(), order.id, { paymentId: 'pi-bypass', amount: 150_000 }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_PAYABLE' });
    expect((await ds.query(`SELECT status FROM orders WHERE id = $1`, [order.id]))[0].status).toBe('PENDING_APPROVAL');

    const request = await requestOf(order.id);
    expect(
      (await server.gqlOk(APPROVE, { id: request.id, c: '同意' }, u.approver.token)).approvePurchaseRequest,
    ).toMatchObject({ status: 'APPROVED', orderStatus: 'PLACED' });
    expect((await server.gqlOk(CONFIRM, { id: order.id }, u.purchaser.token)).confirmOrder).toMatchObject({
      status: 'CONFIRMED',
      paymentMode: 'PAY_ON_DELIVERY',
    });
  });

  it('within the limit it proceeds at once (auto-approved), and a basket split to stay under the limit is flagged and waits', async () => {
    const u = await setupUnit();
    const key = randomUUID();
    const input = (quantity: number) => ({
      input: {
        idempotencyKey: key,
        channelId: channel,
        buyerOrgId: u.id,
        lines: [{ variantId: tea.variantId, quantity }],
      },
    });
    const first = (await server.gqlOk(PLACE, input(12), u.purchaser.token)).placeOrder; // 60,000
    expect(first).toMatchObject({ __typename: 'Order', status: 'PLACED', buyerKind: 'AGENCY' });
    expect(first.approvedAt).not.toBeNull();
    expect(await requestOf(first.id)).toMatchObject({
      status: 'APPROVED',
      auto_approved: true,
      split_suspected: false,
    });
    // The client's key is the request's: a retry answers the same order; another basket under it is refused.
    expect((await server.gqlOk(PLACE, input(12), u.purchaser.token)).placeOrder.id).toBe(first.id);
    expectErrorCode(await server.gql(PLACE, input(13), u.purchaser.token), 'IDEMPOTENCY_KEY_REUSED');
    expect(await count(ds, `SELECT count(*) FROM purchase_request WHERE org_id = $1`, [u.id])).toBe(1);

    const second = await place(u.purchaser.token, 12, { buyerOrgId: u.id }); // within the limit alone, 120,000 with the first
    expect(second).toMatchObject({ __typename: 'Order', status: 'PENDING_APPROVAL', approvedAt: null });
    expect(await requestOf(second.id)).toMatchObject({
      status: 'PENDING_APPROVAL',
      auto_approved: false,
      split_suspected: true,
    });
    const [flag] = await ds.query(
      `SELECT kind, total_amount, limit_amount FROM procurement_anomaly_flag WHERE org_id = $1`,
      [u.id],
    );
    expect(flag).toEqual({ kind: 'SPLIT_BASKET', total_amount: '120000', limit_amount: '100000' });
    expectErrorCode(await server.gql(CONFIRM, { id: second.id }, u.purchaser.token), 'INVALID_TRANSITION');
  });

  it('without the unit’s skip-approval policy, even a small basket waits for an approver', async () => {
    const u = await setupUnit({ skip: false });
    const order = await place(u.purchaser.token, 1, { buyerOrgId: u.id });
    expect(order).toMatchObject({ __typename: 'Order', status: 'PENDING_APPROVAL' });
    expect(await requestOf(order.id)).toMatchObject({ status: 'PENDING_APPROVAL' });
  });
});

describe('staff buying with their own money', () => {
  it('are retail buyers: the unit’s limit, requests and split detection are untouched', async () => {
    const u = await setupUnit();
    const own = await place(u.purchaser.token, 18); // 90,000 fen of retail, own money
    expect(own).toMatchObject({
      __typename: 'Order',
      status: 'PLACED',
      buyerKind: 'CUSTOMER',
      buyerOrgId: null,
      staffOfOrgId: u.id,
      approvedAt: null,
      totalAmount: 90_000,
    });
    expect(await count(ds, `SELECT count(*) FROM purchase_request WHERE org_id = $1`, [u.id])).toBe(0);
    expectErrorCode(await server.gql(CONFIRM, { id: own.id }, u.purchaser.token), 'AGENCY_ORDERS_ONLY'); // never the unit's payment terms
    // Had it used the unit's limit, 90,000 + 60,000 would exceed 100,000 and be flagged.
    const forUnit = await place(u.purchaser.token, 12, { buyerOrgId: u.id });
    expect(forUnit).toMatchObject({ __typename: 'Order', status: 'PLACED' });
    expect(await requestOf(forUnit.id)).toMatchObject({ auto_approved: true, split_suspected: false });
    expect(await count(ds, `SELECT count(*) FROM procurement_anomaly_flag WHERE org_id = $1`, [u.id])).toBe(0);
  });

  it('are reported separately as staffAmount, and counted toward completion only where the jurisdiction says so', async () => {
    const platform = await actor(server, ds, Role.PLATFORM_ADMIN);
    expectErrorCode(
      await server.gql(
        STAFF_RULE,
        { r: '5206', c: true },
        (await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5206' })).token,
      ),
      'FORBIDDEN',
    );
    expect(
      (await server.gqlOk(STAFF_RULE, { r: '520600000000', c: true }, platform.token)).setJurisdictionStaffPurchases,
    ).toEqual({ regionPrefix: '5206', staffPurchasesCount: true });
    const counting = await setupUnit({ regionCode: '520621000000' });
    const elsewhere = await setupUnit({ regionCode: '440106000000' });
    const supplierTokens = { [tea.supplierId]: tea.supplierToken };
    const year = shanghaiPeriod(new Date()).year;

    for (const u of [counting, elsewhere]) {
      const own = await place(u.purchaser.token, 3); // 15,000 fen
      await payShipDeliver(server, ds, own.id, u.purchaser, supplierTokens);
    }
    await dispatchEvents(server, ds);
    const share = async (u: Unit) =>
      (
        await server.gqlOk(
          RESERVED_SHARE.replace('tradeUnionAmount', 'tradeUnionAmount staffAmount staffPurchasesCount'),
          { o: u.id, y: year },
          u.admin.token,
        )
      ).reservedShare;
    expect(await share(counting)).toMatchObject({
      staffAmount: 15_000,
      countedAmount: 15_000,
      staffPurchasesCount: true,
      pendingAmount: 0,
    });
    expect(await share(elsewhere)).toMatchObject({
      staffAmount: 15_000,
      countedAmount: 0,
      staffPurchasesCount: false,
      pendingAmount: 0,
    });

    // A refund after delivery subtracts from the same figures; handling the events again changes nothing.
    const [delivered] = await ds.query(`SELECT id FROM orders WHERE staff_of_org_id = $1`, [counting.id]);
    await server.app
      .get(OrderService)
      .recordRefund(sys(), delivered.id, { refundId: `rf-${delivered.id}`, amount: 5000 });
    await dispatchEvents(server, ds);
    expect(await share(counting)).toMatchObject({ staffAmount: 10_000, countedAmount: 10_000 });
    expect(await count(ds, `SELECT count(*) FROM reserved_share_movement WHERE order_id = $1`, [delivered.id])).toBe(2);
  });
});
