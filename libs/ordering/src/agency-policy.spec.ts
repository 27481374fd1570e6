import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganizationKind, RequestContext, Role, TokenService } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { CheckoutService } from './checkout.service';
import { Order } from './ordering.entities';
import { OrderService } from './order.service';
import {
  actor,
  type Actor,
  agencyPurchaser,
  catalogFixture,
  channelFixture,
  contextFor,
  count,
  placeApprovedAgencyOrder,
  placeInput,
  startOrderingServer,
  stockOf,
} from './test-helpers';

/**
 * Issue 10 item 3, ordering's side: an agency-paid order exists only through the unit's procurement
 * policy (this server has none registered, so it fails closed), is payable or confirmable only once
 * approved, and agency staff buying with their own money are retail buyers.
 */
let server: TestServer;
let ds: DataSource;
let hall: string;
let orders: OrderService;

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  __typename
  ... on Order { id status buyerKind buyerOrgId staffOfOrgId approvedAt totalAmount paymentDueAt supplierOrders { lines { unitPrice priceKind } } }
  ... on PurchaseRequestRequiredError { code message }
  ... on InvalidOrderInputError { code field }
} }`;
const CONFIRM = `mutation($id: ID!) { confirmOrder(orderId: $id) { id status } }`;
/** PLACE's variables: `quantity` units of the variant in the hall, with the buyer fields in `extra`. */
const input = (variantId: string, extra: Record<string, unknown> = {}, quantity = 1) =>
  placeInput(hall, [{ variantId, quantity }], extra);
const sys = () => RequestContext.system('test');
const statusOf = async (id: string) =>
  (await ds.query(`SELECT status FROM orders WHERE id = $1`, [id]))[0].status as string;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  hall = await channelFixture(ds, { online: true });
  orders = server.app.get(OrderService);
});
afterAll(() => server?.close());

describe('agency-paid checkout', () => {
  it('placeOrder with buyerOrgId never creates a PLACED order: without a procurement policy it is PURCHASE_REQUEST_REQUIRED and nothing is written', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const purchaser = await agencyPurchaser(server, ds);
    const before = await count(ds, `SELECT count(*) FROM orders`);
    const res = await server.gqlOk(
      PLACE,
      input(v.variantId, { buyerOrgId: purchaser.organizationId }, 2),
      purchaser.token,
    );
    expect(res.placeOrder).toMatchObject({
      __typename: 'PurchaseRequestRequiredError',
      code: 'PURCHASE_REQUEST_REQUIRED',
    });
    expect(res.placeOrder.message).toMatch(/submitPurchaseRequest/);
    expect(await count(ds, `SELECT count(*) FROM orders`)).toBe(before);
    expect(await stockOf(ds, v.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    // Naming an agency one does not buy for is still FORBIDDEN, before any policy is asked.
    const other = await agencyPurchaser(server, ds);
    expectErrorCode(
      await server.gql(PLACE, input(v.variantId, { buyerOrgId: purchaser.organizationId }), other.token),
      'FORBIDDEN',
    );
    // Code calling the checkout directly cannot put an agency order in someone else's name either.
    const checkout = server.app.get(CheckoutService);
    const ctx = contextFor(purchaser.userId, Role.PURCHASER, purchaser.organizationId, OrganizationKind.AGENCY);
    await expect(
      checkout.placeOrder(
        ctx,
        {
          idempotencyKey: 'direct',
          channelId: hall,
          buyerOrgId: purchaser.organizationId,
          lines: [{ variantId: v.variantId, quantity: 1 }],
        },
        { buyerUserId: purchaser.userId },
      ),
    ).rejects.toThrow(/procurement policy/);
  });

  it('an order awaiting approval can be neither confirmed (pay on delivery) nor paid', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const purchaser = await agencyPurchaser(server, ds);
    const ctx = contextFor(purchaser.userId, Role.PURCHASER, purchaser.organizationId, OrganizationKind.AGENCY);
    const pending = (await server.app.get(CheckoutService).placeForApproval(
      ctx,
      {
        idempotencyKey: randomUUID(),
        channelId: hall,
        buyerOrgId: purchaser.organizationId,
        lines: [{ variantId: v.variantId, quantity: 2 }],
      },
      purchaser.userId,
    )) as Order;
    expect(pending).toBeInstanceOf(Order);
    expect(pending.status).toBe('PENDING_APPROVAL');
    expect(pending.paymentDueAt).toBeNull();
    expectErrorCode(await server.gql(CONFIRM, { id: pending.id }, purchaser.token), 'INVALID_TRANSITION');
    await expect(
      orders.markPaid(sys(), pending.id, { paymentId: 'pi_pending', amount: pending.totalAmount }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_PAYABLE' });
    expect(await statusOf(pending.id)).toBe('PENDING_APPROVAL');
  });

  it('an agency order in PLACED that never passed approval (placed before this rule) is refused confirmation and payment; an approved one is not', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const purchaser = await agencyPurchaser(server, ds);
    const approved = await placeApprovedAgencyOrder(server, purchaser, hall, [{ variantId: v.variantId, quantity: 1 }]);
    const legacy = await placeApprovedAgencyOrder(server, purchaser, hall, [{ variantId: v.variantId, quantity: 1 }]);
    // What the bypass left behind: an agency order PLACED with no approval.
    await ds.query(`UPDATE orders SET approved_at = NULL WHERE id = $1`, [legacy.id]);
    expectErrorCode(await server.gql(CONFIRM, { id: legacy.id }, purchaser.token), 'ORDER_NOT_APPROVED');
    await expect(
      orders.markPaid(sys(), legacy.id, { paymentId: 'pi_legacy', amount: legacy.totalAmount }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_PAYABLE' });
    expect(await statusOf(legacy.id)).toBe('PLACED');
    expect((await ds.query(`SELECT paid_amount FROM orders WHERE id = $1`, [legacy.id]))[0].paid_amount).toBe('0');

    expect((await server.gqlOk(CONFIRM, { id: approved.id }, purchaser.token)).confirmOrder.status).toBe('CONFIRMED');
    const [row] = await ds.query(
      `SELECT approved_at, (SELECT created_at FROM order_history WHERE order_id = $1 AND to_status = 'PLACED') AS placed_at FROM orders WHERE id = $1`,
      [approved.id],
    );
    expect(Math.abs(row.approved_at.getTime() - row.placed_at.getTime())).toBeLessThan(5_000); // set by the approval move
  });
});

describe('staff buying with their own money', () => {
  it('are retail buyers: retail price, retail deadline, recorded as staff of their unit; never the agency', async () => {
    const v = await catalogFixture(server, ds, { retailPrice: 6800, agencyPrice: 5900, stock: 10 });
    const purchaser = await agencyPurchaser(server, ds);
    const res = await server.gqlOk(PLACE, input(v.variantId), purchaser.token);
    expect(res.placeOrder).toMatchObject({
      __typename: 'Order',
      status: 'PLACED',
      buyerKind: 'CUSTOMER',
      buyerOrgId: null,
      staffOfOrgId: purchaser.organizationId,
      approvedAt: null,
      totalAmount: 6800,
    });
    expect(res.placeOrder.supplierOrders[0].lines[0]).toMatchObject({ unitPrice: 6800, priceKind: 'RETAIL' });
    expect(new Date(res.placeOrder.paymentDueAt).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    // Retail: no pay on delivery, which is an agency's term.
    expectErrorCode(await server.gql(CONFIRM, { id: res.placeOrder.id }, purchaser.token), 'AGENCY_ORDERS_ONLY');

    // Approvers and agency admins are staff too.
    const approver = await actor(server, ds, Role.APPROVER, { organizationId: purchaser.organizationId });
    const mine = await server.gqlOk(PLACE, input(v.variantId), approver.token);
    expect(mine.placeOrder).toMatchObject({
      __typename: 'Order',
      buyerKind: 'CUSTOMER',
      staffOfOrgId: purchaser.organizationId,
    });

    // staffOfOrgId with buyerOrgId is a contradiction; another unit is not yours; two units: say which.
    const both = await server.gqlOk(
      PLACE,
      input(v.variantId, {
        buyerOrgId: purchaser.organizationId,
        staffOfOrgId: purchaser.organizationId,
      }),
      purchaser.token,
    );
    expect(both.placeOrder).toMatchObject({
      __typename: 'InvalidOrderInputError',
      code: 'STAFF_ORDER_IS_RETAIL',
      field: 'staffOfOrgId',
    });
    const stranger = await agencyPurchaser(server, ds);
    expectErrorCode(
      await server.gql(PLACE, input(v.variantId, { staffOfOrgId: purchaser.organizationId }), stranger.token),
      'FORBIDDEN',
    );
    const second = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '520000000000' });
    const twoUnits = await twoUnitMember(purchaser.organizationId, second.id);
    const ambiguous = await server.gqlOk(PLACE, input(v.variantId), twoUnits);
    expect(ambiguous.placeOrder).toMatchObject({ __typename: 'InvalidOrderInputError', code: 'STAFF_UNIT_REQUIRED' });
    const named = await server.gqlOk(PLACE, input(v.variantId, { staffOfOrgId: second.id }), twoUnits);
    expect(named.placeOrder).toMatchObject({ __typename: 'Order', staffOfOrgId: second.id, buyerKind: 'CUSTOMER' });
  });

  it('a plain customer is not staff of anything', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const customer: Actor = await actor(server, ds, Role.CUSTOMER);
    const res = await server.gqlOk(PLACE, input(v.variantId), customer.token);
    expect(res.placeOrder).toMatchObject({ __typename: 'Order', buyerKind: 'CUSTOMER', staffOfOrgId: null });
  });
});

/** A user who is PURCHASER of one unit and APPROVER of another. */
async function twoUnitMember(orgA: string, orgB: string): Promise<string> {
  const u = await createUserWithRole(ds, Role.PURCHASER, { organizationId: orgA });
  await ds.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'APPROVER')`, [
    u.user.id,
    orgB,
  ]);
  return (await server.app.get(TokenService).sign(u.user.id)).token;
}
