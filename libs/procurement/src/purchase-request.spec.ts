import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { OrderService } from '@bangfu/ordering';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  actor,
  type Actor,
  APPROVE,
  count,
  dispatchEvents,
  grant,
  product,
  type Product,
  regional,
  REJECT,
  SET_APPROVAL,
  SET_POLICY,
  SET_SPENDING,
  staffedUnit,
  startTeaHall,
  SUBMIT,
  submit,
  submitInput,
  submitOk,
  sys,
  type Unit as StaffedUnit,
  WITHDRAW,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let channel: string;
let tea: Product;

/** A unit with an admin, a purchaser (spending limit), and two approvers with different limits. */
interface Unit extends StaffedUnit {
  seniorApprover: Actor;
}

async function setupUnit(
  options: { regionCode?: string; spending?: number; approval?: number; seniorApproval?: number } = {},
): Promise<Unit> {
  const u = await staffedUnit(server, ds, {
    regionCode: options.regionCode,
    spending: options.spending ?? 100_000,
    approval: options.approval ?? 50_000,
  });
  const seniorApprover = await actor(server, ds, Role.APPROVER, { organizationId: u.id });
  await server.gqlOk(
    SET_APPROVAL,
    { u: seniorApprover.userId, a: options.seniorApproval ?? 10_000_000 },
    u.admin.token,
  );
  return { ...u, seniorApprover };
}

async function stock(variantId: string): Promise<{ onHand: number; reserved: number }> {
  const [row] = await ds.query(`SELECT stock_on_hand, stock_reserved FROM variant WHERE id = $1`, [variantId]);
  return { onHand: row.stock_on_hand, reserved: row.stock_reserved };
}

async function orderRow(orderId: string) {
  const [row] = await ds.query(
    `SELECT status, payment_mode, payment_due_at, idempotency_key, buyer_user_id, buyer_org_id, total_amount FROM orders WHERE id = $1`,
    [orderId],
  );
  return row;
}

beforeAll(async () => {
  ({ server, ds, channel, tea } = await startTeaHall({ price: 5000, stock: 100_000 }));
});
afterAll(() => server?.close());

describe('submitPurchaseRequest', () => {
  it('places the basket at agency prices as a PENDING_APPROVAL order that holds the stock', async () => {
    const u = await setupUnit();
    const before = await stock(tea.variantId);
    const preview = (
      await server.gqlOk(
        `query($i: BasketInput!) { previewBasket(input: $i) { totalAmount spendingLimit withinLimit approvalRequired lines { agencyPrice lineTotal quantity } } }`,
        { i: { buyerOrgId: u.id, lines: [{ variantId: tea.variantId, quantity: 4 }] } },
        u.purchaser.token,
      )
    ).previewBasket;
    expect(preview).toMatchObject({
      totalAmount: 20_000,
      spendingLimit: 100_000,
      withinLimit: true,
      approvalRequired: true,
      lines: [{ agencyPrice: 5000, lineTotal: 20_000, quantity: 4 }],
    });

    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 4 }]);
    expect(req).toMatchObject({
      status: 'PENDING_APPROVAL',
      orderStatus: 'PENDING_APPROVAL',
      totalAmount: 20_000,
      spendingLimit: 100_000,
      autoApproved: false,
      splitSuspected: false,
      poNumber: null,
      poUrl: null,
    });
    expect(req.requestNo).toMatch(/^PR\d{8}\d{6}$/);
    expect(req.lines).toEqual([
      expect.objectContaining({
        variantId: tea.variantId,
        unitPrice: 5000,
        quantity: 4,
        lineTotal: 20_000,
        certified: true,
      }),
    ]);
    expect(req.events).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'PENDING_APPROVAL', actorUserId: u.purchaser.userId }),
    ]);
    const order = await orderRow(req.orderId);
    expect(order).toMatchObject({
      status: 'PENDING_APPROVAL',
      idempotency_key: `pr-${req.id}`,
      buyer_user_id: u.purchaser.userId,
      buyer_org_id: u.id,
      payment_due_at: null,
    });
    expect(await stock(tea.variantId)).toEqual({ onHand: before.onHand, reserved: before.reserved + 4 });
  });

  it('is idempotent per client key: a retry returns the same request and order', async () => {
    const u = await setupUnit();
    const key = randomUUID();
    const a = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }], {
      idempotencyKey: key,
    });
    const b = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }], {
      idempotencyKey: key,
    });
    expect(b.id).toBe(a.id);
    expect(await count(ds, `SELECT count(*) FROM purchase_request WHERE org_id = $1`, [u.id])).toBe(1);
    expect(await count(ds, `SELECT count(*) FROM orders WHERE buyer_org_id = $1`, [u.id])).toBe(1);
  });

  it('is for purchasers of the unit only', async () => {
    const u = await setupUnit();
    const other = await setupUnit();
    const one = [{ variantId: tea.variantId, quantity: 1 }];
    const refused: Array<[ReturnType<typeof submitInput>, string, string]> = [
      [submitInput(u.id, channel, one), other.purchaser.token, 'FORBIDDEN'],
      [submitInput(u.id, channel, one), u.approver.token, 'FORBIDDEN'],
      [submitInput(u.id, channel, one, { justification: '  ' }), u.purchaser.token, 'BAD_USER_INPUT'],
    ];
    for (const [input, token, code] of refused) expectErrorCode(await server.gql(SUBMIT, input, token), code);
    expect(await count(ds, `SELECT count(*) FROM purchase_request WHERE org_id = $1`, [u.id])).toBe(0);
  });

  it('answers refusals of the checkout as union members and leaves nothing behind', async () => {
    const u = await setupUnit();
    const scarce = await product(server, ds, { price: 1000, stock: 3 });
    const before = await count(ds, `SELECT count(*) FROM orders`);
    const res = await submit(server, u.purchaser.token, u.id, channel, [
      { variantId: tea.variantId, quantity: 1 },
      { variantId: scarce.variantId, quantity: 5 },
    ]);
    expect(res).toMatchObject({
      __typename: 'InsufficientStockError',
      code: 'INSUFFICIENT_STOCK',
      variantId: scarce.variantId,
      requested: 5,
      available: 3,
    });
    const dup = await submit(server, u.purchaser.token, u.id, channel, [
      { variantId: tea.variantId, quantity: 1 },
      { variantId: tea.variantId, quantity: 2 },
    ]);
    expect(dup).toMatchObject({ __typename: 'InvalidOrderInputError', code: 'DUPLICATE_LINE' });
    expect(await count(ds, `SELECT count(*) FROM orders`)).toBe(before);
    expect(await count(ds, `SELECT count(*) FROM purchase_request WHERE org_id = $1`, [u.id])).toBe(0);
    expect(await count(ds, `SELECT count(*) FROM order_binding WHERE org_id = $1`, [u.id])).toBe(0);
    expect(await stock(scarce.variantId)).toEqual({ onHand: 3, reserved: 0 });
  });
});

describe('approvePurchaseRequest', () => {
  it('an approver of the unit within its limit approves: the order is PLACED with a PO number and a payment deadline', async () => {
    const u = await setupUnit();
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 2 }]);
    const approved = (await server.gqlOk(APPROVE, { id: req.id, c: '同意采购' }, u.approver.token))
      .approvePurchaseRequest;
    const [org] = await ds.query(`SELECT credit_code FROM organization WHERE id = $1`, [u.id]);
    expect(approved).toMatchObject({
      status: 'APPROVED',
      orderStatus: 'PLACED',
      decidedByUserId: u.approver.userId,
      decisionComment: '同意采购',
      autoApproved: false,
    });
    expect(approved.poNumber).toMatch(new RegExp(`^PO-${org.credit_code.slice(8, 17)}-\\d{8}-0001$`));
    expect(approved.poUrl).toBe(`/api/procurement/requests/${req.id}/po.html`);
    expect(approved.events.map((e: any) => e.toStatus)).toEqual(['PENDING_APPROVAL', 'APPROVED']);
    const order = await orderRow(req.orderId);
    expect(order.status).toBe('PLACED');
    expect(order.payment_mode).toBe('PREPAY');
    expect(Math.round((new Date(order.payment_due_at).getTime() - Date.now()) / 86_400_000)).toBe(30);
    const [history] = await ds.query(
      `SELECT actor_kind, actor_user_id, reason FROM order_history WHERE order_id = $1 AND to_status = 'PLACED'`,
      [req.orderId],
    );
    expect(history).toEqual({ actor_kind: 'APPROVER', actor_user_id: u.approver.userId, reason: '同意采购' });
    // The next PO of the unit that day gets the next sequence number.
    const second = await submitOk(server, u.purchaser.token, u.id, channel, [
      { variantId: tea.variantId, quantity: 1 },
    ]);
    expect((await server.gqlOk(APPROVE, { id: second.id }, u.approver.token)).approvePurchaseRequest.poNumber).toMatch(
      /-0002$/,
    );
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, u.seniorApprover.token), 'REQUEST_NOT_PENDING');
  });

  it('ON_DELIVERY terms make the approved order a pay-on-delivery order (CONFIRMED, no deadline)', async () => {
    const u = await setupUnit();
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }], {
      terms: 'ON_DELIVERY',
    });
    const approved = (await server.gqlOk(APPROVE, { id: req.id }, u.approver.token)).approvePurchaseRequest;
    expect(approved).toMatchObject({ status: 'APPROVED', terms: 'ON_DELIVERY', orderStatus: 'CONFIRMED' });
    expect(await orderRow(req.orderId)).toMatchObject({
      status: 'CONFIRMED',
      payment_mode: 'PAY_ON_DELIVERY',
      payment_due_at: null,
    });
  });

  it('refuses self-approval (SELF_APPROVAL) and leaves request and order untouched', async () => {
    const u = await setupUnit();
    const both = await actor(server, ds, Role.PURCHASER, { organizationId: u.id });
    await grant(ds, both.userId, Role.APPROVER, u.id);
    await server.gqlOk(SET_SPENDING, { u: both.userId, a: 1_000_000, o: u.id }, u.admin.token);
    await server.gqlOk(SET_APPROVAL, { u: both.userId, a: 1_000_000, o: u.id }, u.admin.token);
    const req = await submitOk(server, both.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }]);
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, both.token), 'SELF_APPROVAL');
    expect(await ds.query(`SELECT status, po_number FROM purchase_request WHERE id = $1`, [req.id])).toEqual([
      { status: 'PENDING_APPROVAL', po_number: null },
    ]);
    expect((await orderRow(req.orderId)).status).toBe('PENDING_APPROVAL');
    expect(await count(ds, `SELECT count(*) FROM purchase_request_event WHERE request_id = $1`, [req.id])).toBe(1);
    expect(await count(ds, `SELECT count(*) FROM po_number_sequence WHERE org_id = $1`, [u.id])).toBe(0);
    // A colleague may approve it.
    expect((await server.gqlOk(APPROVE, { id: req.id }, u.approver.token)).approvePurchaseRequest.status).toBe(
      'APPROVED',
    );
  });

  it('refuses approval beyond the approver’s own limit (APPROVAL_LIMIT_EXCEEDED); a higher limit may approve', async () => {
    const u = await setupUnit({ spending: 10_000_000, approval: 50_000 });
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 11 }]); // 55,000 fen
    const err = expectErrorCode(await server.gql(APPROVE, { id: req.id }, u.approver.token), 'APPROVAL_LIMIT_EXCEEDED');
    expect(err.extensions).toMatchObject({ totalAmount: 55_000, approvalLimit: 50_000 });
    expect((await orderRow(req.orderId)).status).toBe('PENDING_APPROVAL');
    // An approver without a limit set may approve nothing.
    const fresh = await actor(server, ds, Role.APPROVER, { organizationId: u.id });
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, fresh.token), 'APPROVAL_LIMIT_EXCEEDED');
    expect((await server.gqlOk(APPROVE, { id: req.id }, u.seniorApprover.token)).approvePurchaseRequest.status).toBe(
      'APPROVED',
    );
  });

  it('refuses acting on another unit’s requests (FORBIDDEN), whatever the role', async () => {
    const u = await setupUnit();
    const other = await setupUnit();
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }]);
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, other.seniorApprover.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(REJECT, { id: req.id, r: '不同意' }, other.seniorApprover.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(WITHDRAW, { id: req.id, r: '撤回' }, other.purchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(WITHDRAW, { id: req.id, r: '撤回' }, other.admin.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(`query($id: ID!) { purchaseRequest(id: $id) { id } }`, { id: req.id }, other.approver.token),
      'FORBIDDEN',
    );
    // Admins approve nothing: that is the approvers' job.
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, u.admin.token), 'FORBIDDEN');
    // A purchaser may not approve even if it is the unit's.
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, u.purchaser.token), 'FORBIDDEN');
    const list = (
      await server.gqlOk(
        `{ purchaseRequests(filter: { status: PENDING_APPROVAL }) { totalCount edges { node { id } } } }`,
        {},
        other.approver.token,
      )
    ).purchaseRequests;
    expect(list.edges.map((e: any) => e.node.id)).not.toContain(req.id);
    expect((await ds.query(`SELECT status FROM purchase_request WHERE id = $1`, [req.id]))[0].status).toBe(
      'PENDING_APPROVAL',
    );
    const inbox = (
      await server.gqlOk(
        `{ purchaseRequests(filter: { status: PENDING_APPROVAL }) { totalCount edges { node { id purchaserName } } } }`,
        {},
        u.approver.token,
      )
    ).purchaseRequests;
    expect(inbox.edges.map((e: any) => e.node.id)).toEqual([req.id]);
    // the approver sees who asked
    const [asker] = await ds.query(`SELECT display_name FROM app_user WHERE id = $1`, [u.purchaser.userId]);
    expect(inbox.edges[0].node.purchaserName).toBe(asker.display_name);
  });
});

describe('rejecting and withdrawing', () => {
  it('rejection needs a reason; the order is REJECTED and the stock released', async () => {
    const u = await setupUnit();
    const before = await stock(tea.variantId);
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 7 }]);
    expect((await stock(tea.variantId)).reserved).toBe(before.reserved + 7);
    expectErrorCode(await server.gql(REJECT, { id: req.id, r: ' ' }, u.approver.token), 'BAD_USER_INPUT');
    const rejected = (await server.gqlOk(REJECT, { id: req.id, r: '本月预算已用完' }, u.approver.token))
      .rejectPurchaseRequest;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      orderStatus: 'REJECTED',
      decisionComment: '本月预算已用完',
      poNumber: null,
    });
    expect(await stock(tea.variantId)).toEqual(before);
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, u.seniorApprover.token), 'REQUEST_NOT_PENDING');
  });

  it('the purchaser withdraws a pending request; the order is CANCELLED and the stock released', async () => {
    const u = await setupUnit();
    const before = await stock(tea.variantId);
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 3 }]);
    const colleague = await actor(server, ds, Role.PURCHASER, { organizationId: u.id });
    expectErrorCode(await server.gql(WITHDRAW, { id: req.id, r: '撤回' }, colleague.token), 'FORBIDDEN');
    const withdrawn = (await server.gqlOk(WITHDRAW, { id: req.id, r: '数量填错' }, u.purchaser.token))
      .withdrawPurchaseRequest;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', orderStatus: 'CANCELLED' });
    expect(await stock(tea.variantId)).toEqual(before);
  });

  it('a request whose order is cancelled through ordering follows it (WITHDRAWN) once the event is handled', async () => {
    const u = await setupUnit();
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }]);
    await server.gqlOk(
      `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "不需要了") { id status } }`,
      { id: req.orderId },
      u.purchaser.token,
    );
    await dispatchEvents(server, ds);
    expect((await ds.query(`SELECT status FROM purchase_request WHERE id = $1`, [req.id]))[0].status).toBe('WITHDRAWN');
    expectErrorCode(await server.gql(APPROVE, { id: req.id }, u.approver.token), 'REQUEST_NOT_PENDING');
  });
});

describe('limits and policy', () => {
  it('are set by the unit’s agency admin only, for the right role, never negative', async () => {
    const u = await setupUnit();
    const other = await setupUnit();
    expectErrorCode(await server.gql(SET_SPENDING, { u: u.purchaser.userId, a: -1 }, u.admin.token), 'INVALID_LIMIT');
    expectErrorCode(await server.gql(SET_SPENDING, { u: u.purchaser.userId, a: 1.5 }, u.admin.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(SET_SPENDING, { u: u.purchaser.userId, a: 500 }, other.admin.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(SET_SPENDING, { u: u.purchaser.userId, a: 500, o: u.id }, other.admin.token),
      'FORBIDDEN',
    );
    expectErrorCode(await server.gql(SET_SPENDING, { u: u.purchaser.userId, a: 500 }, u.purchaser.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(SET_SPENDING, { u: u.approver.userId, a: 500, o: u.id }, u.admin.token),
      'NOT_A_PURCHASER',
    );
    expectErrorCode(
      await server.gql(SET_APPROVAL, { u: u.purchaser.userId, a: 500, o: u.id }, u.admin.token),
      'NOT_AN_APPROVER',
    );
    expectErrorCode(
      await server.gql(SET_POLICY, { o: u.id, i: { skipApprovalBelowLimit: true } }, other.admin.token),
      'FORBIDDEN',
    );
    expect(
      await ds.query(`SELECT kind, amount FROM procurement_limit WHERE user_id = $1`, [u.purchaser.userId]),
    ).toEqual([{ kind: 'SPENDING', amount: '100000' }]);
    const limits = (
      await server.gqlOk(
        `query($o: ID!) { procurementLimits(orgId: $o) { userId kind amount } }`,
        { o: u.id },
        u.approver.token,
      )
    ).procurementLimits;
    expect(limits).toHaveLength(3);
  });

  it('the unit’s admin lists its members with roles and limits (0 until set; none for roles without one); nobody else may', async () => {
    const u = await setupUnit({ spending: 120_000, approval: 30_000 });
    const other = await setupUnit();
    const both = await actor(server, ds, Role.PURCHASER, { organizationId: u.id });
    await grant(ds, both.userId, Role.APPROVER, u.id);
    const MEMBERS = `query($o: ID!) { unitMembers(orgId: $o) { userId roles spendingLimit approvalLimit displayName } }`;
    const members = (await server.gqlOk(MEMBERS, { o: u.id }, u.admin.token)).unitMembers as Array<{
      userId: string;
      roles: string[];
      spendingLimit: number | null;
      approvalLimit: number | null;
    }>;
    const byUser = new Map(members.map((m) => [m.userId, m]));
    expect(members).toHaveLength(5);
    expect(byUser.get(u.admin.userId)).toMatchObject({
      roles: ['AGENCY_ADMIN'],
      spendingLimit: null,
      approvalLimit: null,
    });
    expect(byUser.get(u.purchaser.userId)).toMatchObject({
      roles: ['PURCHASER'],
      spendingLimit: 120_000,
      approvalLimit: null,
    });
    expect(byUser.get(u.approver.userId)).toMatchObject({
      roles: ['APPROVER'],
      spendingLimit: null,
      approvalLimit: 30_000,
    });
    expect(byUser.get(both.userId)).toMatchObject({
      roles: ['APPROVER', 'PURCHASER'],
      spendingLimit: 0,
      approvalLimit: 0,
    });
    // The limits of another unit do not leak into this one.
    expect(members.some((m) => m.userId === other.purchaser.userId)).toBe(false);
    expectErrorCode(await server.gql(MEMBERS, { o: u.id }, other.admin.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(MEMBERS, { o: u.id }, u.purchaser.token), 'FORBIDDEN');
  });

  it('with skipApprovalBelowLimit, a request within the purchaser’s limit is placed at once; above it waits for approval', async () => {
    const u = await setupUnit({ spending: 30_000 });
    expect(
      (await server.gqlOk(SET_POLICY, { o: u.id, i: { skipApprovalBelowLimit: true } }, u.admin.token))
        .setProcurementPolicy,
    ).toMatchObject({ skipApprovalBelowLimit: true, splitWindowMinutes: 1440 });
    const small = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 6 }]); // exactly the limit
    expect(small).toMatchObject({
      status: 'APPROVED',
      autoApproved: true,
      orderStatus: 'PLACED',
      decidedByUserId: null,
    });
    expect(small.poNumber).toMatch(/^PO-/);
    const [history] = await ds.query(
      `SELECT actor_kind, actor_user_id FROM order_history WHERE order_id = $1 AND to_status = 'PLACED'`,
      [small.orderId],
    );
    expect(history).toEqual({ actor_kind: 'SYSTEM', actor_user_id: u.purchaser.userId });
    const big = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 7 }]);
    expect(big).toMatchObject({ status: 'PENDING_APPROVAL', autoApproved: false, orderStatus: 'PENDING_APPROVAL' });
  });

  it('without the policy every request waits for approval', async () => {
    const u = await setupUnit({ spending: 30_000 });
    expect(
      await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }]),
    ).toMatchObject({ status: 'PENDING_APPROVAL' });
  });
});

describe('split baskets', () => {
  it('are flagged for audit and sent for approval, not refused', async () => {
    const u = await setupUnit({ spending: 30_000, regionCode: '520627000000' });
    await server.gqlOk(
      SET_POLICY,
      { o: u.id, i: { skipApprovalBelowLimit: true, splitWindowMinutes: 60 } },
      u.admin.token,
    );
    const first = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 5 }]); // 25,000
    expect(first).toMatchObject({ status: 'APPROVED', splitSuspected: false });
    const second = await submitOk(server, u.purchaser.token, u.id, channel, [
      { variantId: tea.variantId, quantity: 5 },
    ]); // 25,000 more in the window
    expect(second).toMatchObject({ status: 'PENDING_APPROVAL', splitSuspected: true, autoApproved: false });
    const [flag] = await ds.query(
      `SELECT kind, request_id, related_request_ids, total_amount, limit_amount, window_minutes FROM procurement_anomaly_flag WHERE org_id = $1`,
      [u.id],
    );
    expect(flag).toEqual({
      kind: 'SPLIT_BASKET',
      request_id: second.id,
      related_request_ids: [first.id],
      total_amount: '50000',
      limit_amount: '30000',
      window_minutes: 60,
    });

    const FLAGS = `{ procurementAnomalyFlags { kind orgId requestId relatedRequestIds totalAmount limitAmount } }`;
    const auditor = await regional(server, ds, Role.AUDITOR, '520627');
    expect((await server.gqlOk(FLAGS, {}, auditor.token)).procurementAnomalyFlags).toEqual([
      {
        kind: 'SPLIT_BASKET',
        orgId: u.id,
        requestId: second.id,
        relatedRequestIds: [first.id],
        totalAmount: 50_000,
        limitAmount: 30_000,
      },
    ]);
    const elsewhere = await regional(server, ds, Role.AUDITOR, '520621');
    expect(
      (await server.gqlOk(FLAGS, {}, elsewhere.token)).procurementAnomalyFlags.filter((f: any) => f.orgId === u.id),
    ).toEqual([]);
    expect((await server.gqlOk(FLAGS, {}, u.admin.token)).procurementAnomalyFlags).toHaveLength(1);
    expectErrorCode(await server.gql(FLAGS, {}, u.purchaser.token), 'FORBIDDEN');

    // Requests over the limit are not "split": they need approval anyway and raise no flag.
    const third = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 7 }]);
    expect(third.splitSuspected).toBe(false);
    expect(await count(ds, `SELECT count(*) FROM procurement_anomaly_flag WHERE org_id = $1`, [u.id])).toBe(1);
  });

  it('legitimate repeated small purchases that stay under the limit together raise nothing', async () => {
    const u = await setupUnit({ spending: 30_000 });
    await server.gqlOk(SET_POLICY, { o: u.id, i: { skipApprovalBelowLimit: true } }, u.admin.token);
    for (let i = 0; i < 3; i++)
      expect(
        await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 2 }]),
      ).toMatchObject({ status: 'APPROVED', splitSuspected: false });
    expect(await count(ds, `SELECT count(*) FROM procurement_anomaly_flag WHERE org_id = $1`, [u.id])).toBe(0);
  });
});

describe('orders of approved requests', () => {
  it('go through ordering’s own lifecycle from PLACED', async () => {
    const u = await setupUnit();
    const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity: 1 }]);
    await server.gqlOk(APPROVE, { id: req.id }, u.approver.token);
    const orders = server.app.get(OrderService);
    const paid = await orders.markPaid(sys(), req.orderId, { paymentId: `pi-${req.id}`, amount: 5000 });
    expect(paid.status).toBe('PAID');
  });
});
