import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  actor,
  type Actor,
  count,
  deliveredOrder,
  type DeliveredOrder,
  expectLedgerBalanced,
  onlineHall,
  PNG,
  type Supplier,
  supplierWithVariant,
  startAftersalesServer,
} from './test-helpers';

/**
 * After-sales against the real server: ratings once per delivered supplier order; complaints opened by
 * the buyer, answered by the supplier and decided by the county coordinator, an upheld one refunded
 * through payment's refund path (books balanced); who sees what; the rules' warnings and proposals.
 */
const RULES_ENV = {
  AFTERSALES_UPHELD_WARNING: '2',
  AFTERSALES_UPHELD_PROPOSAL: '3',
  AFTERSALES_RATING_MIN_COUNT: '3',
  AFTERSALES_RATING_WARNING_BELOW: '3',
  AFTERSALES_RATING_PROPOSAL_BELOW: '1.5',
};
let server: TestServer;
let ds: DataSource;
let hall: string;
let a: Supplier;
let b: Supplier;
let buyer: Actor;
let otherBuyer: Actor;
let admin: Actor;
let coordinator: Actor;
let farCoordinator: Actor;
let auditor: Actor;

const RATE = `mutation($so: ID!, $score: Int!, $comment: String) { rateSupplierOrder(supplierOrderId: $so, score: $score, comment: $comment) { id score comment supplierId } }`;
const OPEN = `mutation($input: OpenComplaintInput!) { openComplaint(input: $input) { id status kind regionCode supplierId } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) { answerComplaint(id: $id, answer: $answer) { id status supplierAnswer } }`;
const DECIDE = `mutation($id: ID!, $input: DecideComplaintInput!) { decideComplaint(id: $id, input: $input) { id status remedy refundAmount refundId decisionReason decidedAt } }`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { id status orderNo supplierName canDecide photos { id url contentType sizeBytes } } }`;
const LIST = `query($filter: ComplaintFilterInput) { complaints(filter: $filter, first: 50) { totalCount edges { node { id } } } }`;
const SCORECARD = `query($id: ID!) { supplierScorecard(supplierId: $id) { ratingAverage ratingCount deliveredOrders complaintCount complaintRateBps upheldComplaints shippedOrders onTimeShipped onTimeShippingBps warnings { ruleCode level proposalId } } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { kind data } }`;

beforeAll(async () => {
  Object.assign(process.env, RULES_ENV);
  ({ server, ds } = await startAftersalesServer());
  hall = await onlineHall(ds);
  a = await supplierWithVariant(server, ds, 6800);
  b = await supplierWithVariant(server, ds, 3350, '520102000000');
  buyer = await actor(server, ds, Role.CUSTOMER);
  otherBuyer = await actor(server, ds, Role.CUSTOMER);
  admin = await actor(server, ds, Role.PLATFORM_ADMIN);
  coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5206' });
  farCoordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5201' });
  auditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '5206' });
});
afterAll(async () => {
  for (const k of Object.keys(RULES_ENV)) delete process.env[k];
  await server?.close();
});

const twoSuppliers = () =>
  deliveredOrder(server, buyer, admin, hall, [
    { supplier: a, quantity: 2 },
    { supplier: b, quantity: 3 },
  ]);
/** Opening a complaint about one supplier order (the buyer's unless `token` says otherwise), for its refusals. */
const tryOpen = (supplierOrderId: string, kind: string, description: string, token = buyer.token) =>
  server.gql(OPEN, { input: { supplierOrderId, kind, description } }, token);
/** The buyer's complaint about one supplier order, as OPEN answers it. */
const openByBuyer = async (supplierOrderId: string, kind: string, description: string) =>
  (await server.gqlOk(OPEN, { input: { supplierOrderId, kind, description } }, buyer.token)).openComplaint;
const soOf = (order: DeliveredOrder, s: Supplier) => order.supplierOrders.find((so) => so.supplierId === s.supplierId)!;
const kinds = async (token: string) =>
  ((await server.gqlOk(NOTIFICATIONS, {}, token)).notifications as Array<{ kind: string; data: string }>).map(
    (n) => n.kind,
  );

async function upload(complaintId: string, token: string, body: Buffer, type: string): Promise<Response> {
  return fetch(`${server.url}/files/complaints/${complaintId}/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(body),
  });
}

describe('ratings', () => {
  it('the buyer rates a delivered supplier order once, 1–5; nobody else can', async () => {
    const order = await twoSuppliers();
    const so = soOf(order, a);
    expectErrorCode(await server.gql(RATE, { so: so.id, score: 6 }, buyer.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(RATE, { so: so.id, score: 0 }, buyer.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(RATE, { so: so.id, score: 4 }, otherBuyer.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(RATE, { so: so.id, score: 4 }, a.adminToken), 'FORBIDDEN');
    const rated = (await server.gqlOk(RATE, { so: so.id, score: 4, comment: ' 茶叶新鲜 ' }, buyer.token))
      .rateSupplierOrder;
    expect(rated).toMatchObject({ score: 4, comment: '茶叶新鲜', supplierId: a.supplierId });
    expectErrorCode(await server.gql(RATE, { so: so.id, score: 1 }, buyer.token), 'ALREADY_RATED');
    expect(await count(ds, `SELECT count(*) FROM supplier_rating WHERE supplier_order_id = $1`, [so.id])).toBe(1);
    expect(await kinds(a.adminToken)).toContain('SUPPLIER_RATED');
    const ratings = (
      await server.gqlOk(
        `query($id: ID!) { orderRatings(orderId: $id) { supplierOrderId score } }`,
        { id: order.id },
        buyer.token,
      )
    ).orderRatings;
    expect(ratings).toEqual([{ supplierOrderId: so.id, score: 4 }]);
    // The other supplier sees only its own (none yet).
    expect(
      (await server.gqlOk(`query($id: ID!) { orderRatings(orderId: $id) { id } }`, { id: order.id }, b.adminToken))
        .orderRatings,
    ).toEqual([]);
  });

  it('refuses a rating before delivery', async () => {
    const order = await twoSuppliers();
    const so = soOf(order, a);
    await ds.query(`UPDATE supplier_order SET status = 'SHIPPED' WHERE id = $1`, [so.id]);
    expectErrorCode(await server.gql(RATE, { so: so.id, score: 5 }, buyer.token), 'RATING_NOT_ALLOWED');
  });
});

describe('complaints', () => {
  it('buyer complains with photos, supplier answers, the county coordinator upholds with a partial refund of that supplier’s lines; books balance', async () => {
    const order = await twoSuppliers();
    const so = soOf(order, a);
    expectErrorCode(await tryOpen(so.id, 'QUALITY', '茶叶受潮', otherBuyer.token), 'FORBIDDEN');
    expectErrorCode(await tryOpen(so.id, 'QUALITY', '  '), 'BAD_USER_INPUT');
    const c = await openByBuyer(so.id, 'QUALITY', '茶叶受潮结块');
    expect(c).toMatchObject({ status: 'OPEN', kind: 'QUALITY', regionCode: '520621000000', supplierId: a.supplierId });
    expectErrorCode(await tryOpen(so.id, 'QUANTITY', '少了一盒'), 'COMPLAINT_ALREADY_OPEN');
    expect(await kinds(a.adminToken)).toContain('COMPLAINT_OPENED');
    expect(await kinds(coordinator.token)).toContain('COMPLAINT_OPENED');

    // Photos: checked by type and signature; only the buyer adds them.
    expect((await upload(c.id, buyer.token, PNG, 'image/png')).status).toBe(201);
    const wrongType = await upload(c.id, buyer.token, Buffer.from('hello'), 'text/plain');
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as any).error.code).toBe('INVALID_IMAGE_TYPE');
    expect((await upload(c.id, buyer.token, Buffer.from('not really a jpeg'), 'image/jpeg')).status).toBe(415);
    // A PNG cut short in its pixel data is refused as a product image would be, not stored as a broken photo.
    const truncated = await upload(c.id, buyer.token, PNG.subarray(0, PNG.length - 20), 'image/png');
    expect(truncated.status).toBe(415);
    expect(((await truncated.json()) as any).error.code).toBe('INVALID_IMAGE_TYPE');
    expect((await upload(c.id, otherBuyer.token, PNG, 'image/png')).status).toBe(404);
    // Whose complaint it is comes before the body: someone else's oversized upload is 404, not 413.
    const oversized = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]);
    expect((await upload(c.id, otherBuyer.token, oversized, 'image/png')).status).toBe(404);
    const seen = (await server.gqlOk(COMPLAINT, { id: c.id }, a.adminToken)).complaint;
    expect(seen).toMatchObject({ orderNo: order.orderNo, canDecide: false });
    expect(seen.photos).toHaveLength(1);
    const photo = await fetch(`${server.url}${seen.photos[0].url}`, {
      headers: { authorization: `Bearer ${a.adminToken}` },
    });
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect(
      (await fetch(`${server.url}${seen.photos[0].url}`, { headers: { authorization: `Bearer ${b.adminToken}` } }))
        .status,
    ).toBe(404);

    // The supplier answers (not the other supplier); the buyer hears of it.
    expectErrorCode(await server.gql(ANSWER, { id: c.id, answer: '不是我们的' }, b.adminToken), 'NOT_FOUND');
    expect(
      (await server.gqlOk(ANSWER, { id: c.id, answer: '运输途中受潮，同意退款' }, a.adminToken)).answerComplaint.status,
    ).toBe('ANSWERED');
    expect(await kinds(buyer.token)).toContain('COMPLAINT_ANSWERED');

    // Deciding: the county's coordinator only; a refund above what that supplier's part holds is refused and changes nothing.
    const uphold = { decision: 'UPHOLD', reason: '照片显示受潮', refundAmount: 5000 };
    expectErrorCode(await server.gql(DECIDE, { id: c.id, input: uphold }, farCoordinator.token), 'NOT_FOUND');
    expectErrorCode(await server.gql(DECIDE, { id: c.id, input: uphold }, auditor.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(DECIDE, { id: c.id, input: { ...uphold, refundAmount: so.subtotal + 1 } }, coordinator.token),
      'REFUND_EXCEEDS_PAID',
    );
    expectErrorCode(
      await server.gql(DECIDE, { id: c.id, input: { ...uphold, reason: '' } }, coordinator.token),
      'BAD_USER_INPUT',
    );
    expect(await count(ds, `SELECT count(*) FROM payment_refund WHERE order_id = $1`, [order.id])).toBe(0);
    expect((await server.gqlOk(COMPLAINT, { id: c.id }, coordinator.token)).complaint).toMatchObject({
      status: 'ANSWERED',
      canDecide: true,
    });

    const decided = (await server.gqlOk(DECIDE, { id: c.id, input: uphold }, coordinator.token)).decideComplaint;
    expect(decided).toMatchObject({
      status: 'UPHELD',
      remedy: 'REFUND',
      refundAmount: 5000,
      refundId: expect.any(String),
      decidedAt: expect.any(String),
    });
    const [refund] = await ds.query(`SELECT amount::int AS amount, status FROM payment_refund WHERE id = $1`, [
      decided.refundId,
    ]);
    expect(refund).toEqual({ amount: 5000, status: 'SUCCEEDED' });
    const [o] = await ds.query(`SELECT status, refunded_amount::int AS refunded FROM orders WHERE id = $1`, [order.id]);
    expect(o).toEqual({ status: 'PARTIALLY_REFUNDED', refunded: 5000 });
    // Only the complained supplier's lines carry the refund.
    expect(
      await count(ds, `SELECT coalesce(sum(refunded_amount), 0) FROM order_line WHERE supplier_order_id = $1`, [so.id]),
    ).toBe(5000);
    expect(
      await count(ds, `SELECT coalesce(sum(refunded_amount), 0) FROM order_line WHERE supplier_order_id = $1`, [
        soOf(order, b).id,
      ]),
    ).toBe(0);
    await expectLedgerBalanced(ds);
    expect(await kinds(buyer.token)).toContain('COMPLAINT_UPHELD');
    expect(await kinds(a.adminToken)).toContain('COMPLAINT_UPHELD');
    // Decided once.
    expectErrorCode(await server.gql(DECIDE, { id: c.id, input: uphold }, coordinator.token), 'COMPLAINT_WRONG_STATE');
    expectErrorCode(
      await server.gql(DECIDE, { id: c.id, input: { decision: 'REJECT', reason: '改判' } }, admin.token),
      'COMPLAINT_WRONG_STATE',
    );
    expect(await count(ds, `SELECT count(*) FROM payment_refund WHERE order_id = $1`, [order.id])).toBe(1);
    // Photos cannot be added to a decided complaint.
    expect((await upload(c.id, buyer.token, PNG, 'image/png')).status).toBe(400);
  });

  it('the coordinator rejects with a reason: no money moves; both sides are told', async () => {
    const order = await twoSuppliers();
    const c = await openByBuyer(soOf(order, a).id, 'FALSE_ORIGIN', '不像梵净山的茶');
    const rejected = (
      await server.gqlOk(DECIDE, { id: c.id, input: { decision: 'REJECT', reason: '有产地证明' } }, coordinator.token)
    ).decideComplaint;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      refundId: null,
      refundAmount: null,
      decisionReason: '有产地证明',
    });
    expect(await count(ds, `SELECT count(*) FROM payment_refund WHERE order_id = $1`, [order.id])).toBe(0);
    expect(await kinds(buyer.token)).toContain('COMPLAINT_REJECTED');
    expectErrorCode(await server.gql(ANSWER, { id: c.id, answer: '晚了' }, a.adminToken), 'COMPLAINT_WRONG_STATE');
  });

  it('upholding by default refunds what is left of that supplier’s part (a return)', async () => {
    const order = await twoSuppliers();
    const so = soOf(order, b);
    const c = await openByBuyer(so.id, 'QUANTITY', '少发一盒');
    // b is in 贵阳 (5201): the 5206 coordinator does not decide it, the 5201 one does.
    expectErrorCode(
      await server.gql(DECIDE, { id: c.id, input: { decision: 'UPHOLD', reason: '同意' } }, coordinator.token),
      'NOT_FOUND',
    );
    const decided = (
      await server.gqlOk(
        DECIDE,
        { id: c.id, input: { decision: 'UPHOLD', remedy: 'RETURN', reason: '退货退款' } },
        farCoordinator.token,
      )
    ).decideComplaint;
    expect(decided).toMatchObject({ status: 'UPHELD', remedy: 'RETURN', refundAmount: so.subtotal });
    expect(await count(ds, `SELECT refunded_amount FROM orders WHERE id = $1`, [order.id])).toBe(so.subtotal);
    await expectLedgerBalanced(ds);
  });
});

describe('scope', () => {
  it('each role sees only its complaints: buyer its own, supplier its own, coordinators and auditors their region, admin all', async () => {
    const order = await twoSuppliers();
    const ca = await openByBuyer(soOf(order, a).id, 'PRICE', '价格高于市场');
    const cb = await openByBuyer(soOf(order, b).id, 'DELIVERY', '送货迟了');
    const ids = async (token: string, filter = { orderId: order.id }) =>
      ((await server.gqlOk(LIST, { filter }, token)).complaints.edges as Array<{ node: { id: string } }>)
        .map((e) => e.node.id)
        .sort();
    expect(await ids(buyer.token)).toEqual([ca.id, cb.id].sort());
    expect(await ids(otherBuyer.token)).toEqual([]);
    expect(await ids(a.adminToken)).toEqual([ca.id]);
    expect(await ids(b.adminToken)).toEqual([cb.id]);
    expect(await ids(coordinator.token)).toEqual([ca.id]);
    expect(await ids(auditor.token)).toEqual([ca.id]);
    expect(await ids(farCoordinator.token)).toEqual([cb.id]);
    expect(await ids(admin.token)).toEqual([ca.id, cb.id].sort());
    expectErrorCode(await server.gql(COMPLAINT, { id: ca.id }, otherBuyer.token), 'NOT_FOUND');
    expectErrorCode(await server.gql(COMPLAINT, { id: 'nope' }, buyer.token), 'NOT_FOUND');
    expectErrorCode(await server.gql(LIST, { filter: { supplierId: 'x' } }, admin.token), 'BAD_USER_INPUT');
    // Scorecards: the supplier its own, coordinators their region, buyers any; warnings never to buyers.
    expectErrorCode(await server.gql(SCORECARD, { id: a.supplierId }, b.adminToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(SCORECARD, { id: a.supplierId }, farCoordinator.token), 'FORBIDDEN');
    expect(
      (await server.gqlOk(SCORECARD, { id: a.supplierId }, otherBuyer.token)).supplierScorecard.complaintCount,
    ).toBeGreaterThan(0);
  });
});

describe('rules (动态退出)', () => {
  it('upheld complaints warn, then propose a suspension to the platform admin; a low average rating warns', async () => {
    const c = await supplierWithVariant(server, ds, 1000);
    const uphold = async () => {
      const order = await deliveredOrder(server, buyer, admin, hall, [{ supplier: c, quantity: 1 }]);
      const so = order.supplierOrders[0];
      const complaint = await openByBuyer(so.id, 'QUALITY', '变质');
      await server.gqlOk(
        DECIDE,
        { id: complaint.id, input: { decision: 'UPHOLD', reason: '属实', refundAmount: 100 } },
        coordinator.token,
      );
      return so.id;
    };
    const warnings = async () =>
      (await server.gqlOk(SCORECARD, { id: c.supplierId }, c.adminToken)).supplierScorecard.warnings as Array<{
        ruleCode: string;
        level: string;
        proposalId: string | null;
      }>;
    const rated: string[] = [await uphold()];
    expect(await warnings()).toEqual([]);
    rated.push(await uphold());
    expect(await warnings()).toEqual([{ ruleCode: 'UPHELD_COMPLAINTS_WARNING', level: 'WARNING', proposalId: null }]);
    expect(await kinds(c.adminToken)).toContain('SUPPLIER_WARNED');
    expect(
      await count(ds, `SELECT count(*) FROM supplier_suspension_proposal WHERE supplier_id = $1`, [c.supplierId]),
    ).toBe(0);
    rated.push(await uphold());
    const now = await warnings();
    expect(now.map((w) => w.ruleCode)).toEqual(['UPHELD_COMPLAINTS_PROPOSAL', 'UPHELD_COMPLAINTS_WARNING']);
    const proposalId = now[0].proposalId;
    const [proposal] = await ds.query(
      `SELECT supplier_id, source, status FROM supplier_suspension_proposal WHERE id = $1`,
      [proposalId],
    );
    expect(proposal).toEqual({ supplier_id: c.supplierId, source: 'COMPLAINTS', status: 'PROPOSED' });
    // A fourth upheld complaint within the window does not warn or propose again.
    rated.push(await uphold());
    expect(await warnings()).toHaveLength(2);

    // Ratings: below 3.0 over at least 3 ratings warns (and 2.0 is not below the 1.5 proposal threshold).
    const scores = [2, 2, 2];
    for (const [i, score] of scores.entries()) {
      await server.gqlOk(RATE, { so: rated[i], score }, buyer.token);
      if (i < 2) expect((await warnings()).some((w) => w.ruleCode === 'LOW_RATING_WARNING')).toBe(false);
    }
    expect((await warnings()).filter((w) => w.ruleCode.startsWith('LOW_RATING'))).toEqual([
      { ruleCode: 'LOW_RATING_WARNING', level: 'WARNING', proposalId: null },
    ]);
    const card = (await server.gqlOk(SCORECARD, { id: c.supplierId }, coordinator.token)).supplierScorecard;
    expect(card).toMatchObject({
      ratingAverage: 2,
      ratingCount: 3,
      deliveredOrders: 4,
      complaintCount: 4,
      complaintRateBps: 10_000,
      upheldComplaints: 4,
      shippedOrders: 4,
      onTimeShipped: 4,
      onTimeShippingBps: 10_000,
    });
    // Buyers see the figures but not the warnings.
    expect((await server.gqlOk(SCORECARD, { id: c.supplierId }, otherBuyer.token)).supplierScorecard.warnings).toEqual(
      [],
    );
  });
});
