import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext, Role } from '@bangfu/core';
import { QueueService } from '@bangfu/queue';
import { createHouseholdFixture } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { OrderExpiryJob } from './ordering.jobs';
import { EXPIRY_BUCKET_MS } from './order-state.service';
import { OrderStatus } from './ordering.entities';
import { OrderService } from './order.service';
import {
  actor,
  type Actor,
  agencyPurchaser,
  placeApprovedAgencyOrder,
  type Catalog,
  catalogFixture,
  channelFixture,
  count,
  expectStockConsistent,
  ORDER,
  PLACE,
  placeInput,
  startOrderingServer,
  stockOf,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let hall: string;
let customer: Actor;
let admin: Actor;
let orders: OrderService;
const sys = () => RequestContext.system('test');

const SHIP = `mutation($id: ID!, $c: String!, $t: String!) { shipSupplierOrder(supplierOrderId: $id, carrier: $c, trackingNo: $t) { id status carrier trackingNo lines { quantity allocations { lotId quantity } } history { fromStatus toStatus actorKind } } }`;
const DELIVER = `mutation($id: ID!, $proof: String) { confirmDelivery(supplierOrderId: $id, proof: $proof) { id status deliveryProof } }`;
const CANCEL = `mutation($id: ID!, $r: String!) { cancelOrder(orderId: $id, reason: $r) { id status supplierOrders { status } history { fromStatus toStatus actorKind reason } } }`;
const CONFIRM = `mutation($id: ID!) { confirmOrder(orderId: $id) { id status paymentMode paymentDueAt } }`;
const ACCEPT = `mutation($id: ID!, $input: AcceptOrderInput!) { acceptOrder(orderId: $id, input: $input) { id status invoiceNo documents { storageKey inAcceptance url contentType } } }`;
const SETTLE = `mutation($id: ID!) { settleOrder(orderId: $id) { id status } }`;
const EXTEND = `mutation($id: ID!) { extendPaymentDeadline(orderId: $id) { id paymentDueAt paymentDeadlineExtended } }`;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  hall = await channelFixture(ds, { online: true });
  customer = await actor(server, ds, Role.CUSTOMER);
  admin = await actor(server, ds, Role.PLATFORM_ADMIN);
  orders = server.app.get(OrderService);
});
afterAll(() => server?.close());

async function placeOk(
  token: string,
  lines: Array<{ variantId: string; quantity: number }>,
  extra: Record<string, unknown> = {},
) {
  const res = await server.gqlOk(PLACE, placeInput(hall, lines, extra), token);
  expect(res.placeOrder.__typename).toBe('Order');
  return res.placeOrder;
}

async function lot(
  variantId: string,
  lotNo: string,
  harvestedOn: string,
  quantity: number,
  householdId?: string,
): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
    [variantId, lotNo, harvestedOn, quantity],
  );
  if (householdId)
    await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, $3)`, [
      row.id,
      householdId,
      quantity,
    ]);
  return row.id;
}

async function statusOf(orderId: string): Promise<string> {
  const [row] = await ds.query(`SELECT status FROM orders WHERE id = $1`, [orderId]);
  return row.status;
}

async function upload(orderId: string, token: string, body: Buffer, contentType: string) {
  const res = await fetch(`${server.url}/files/orders/${orderId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32), Buffer.from('\n%%EOF')]);

describe('retail prepay: pay, ship (lots FIFO), deliver, settle', () => {
  let a: Catalog;
  let b: Catalog;
  let order: any;
  let lotOld: string;
  let lotNew: string;

  beforeAll(async () => {
    a = await catalogFixture(server, ds, { stock: 10, retailPrice: 1000 });
    b = await catalogFixture(server, ds, { stock: 10, retailPrice: 2500, countyCode: '520627000000' });
    const [village] = await ds.query(
      `SELECT code FROM region WHERE code LIKE '520621%' AND level = 5 ORDER BY code LIMIT 1`,
    );
    const household = await createHouseholdFixture(ds, { villageCode: village.code });
    // Created newest-first so FIFO must follow the harvest date, not insertion order.
    lotNew = await lot(a.variantId, 'L-2026-02', '2026-02-01', 5, household.id);
    lotOld = await lot(a.variantId, 'L-2026-01', '2026-01-01', 3, household.id);
    order = await placeOk(customer.token, [
      { variantId: a.variantId, quantity: 7 },
      { variantId: b.variantId, quantity: 2 },
    ]);
  });

  it('ships only once paid; markPaid checks the amount and is idempotent per payment id', async () => {
    const soA = order.supplierOrders.find((so: any) => so.supplierId === a.supplierId);
    expectErrorCode(
      await server.gql(SHIP, { id: soA.id, c: 'SF', t: 'SF100' }, a.supplierAdminToken),
      'ORDER_NOT_SHIPPABLE',
    );
    await expect(
      orders.markPaid(sys(), order.id, { paymentId: 'pi_1', amount: order.totalAmount - 1 }),
    ).rejects.toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
    expect(await statusOf(order.id)).toBe('PLACED');
    const paid = await orders.markPaid(sys(), order.id, { paymentId: 'pi_1', amount: order.totalAmount });
    expect(paid).toMatchObject({
      status: OrderStatus.PAID,
      paidAmount: order.totalAmount,
      paymentId: 'pi_1',
      paymentDueAt: null,
    });
    const again = await orders.markPaid(sys(), order.id, { paymentId: 'pi_1', amount: order.totalAmount });
    expect(again.status).toBe(OrderStatus.PAID);
    await expect(
      orders.markPaid(sys(), order.id, { paymentId: 'pi_2', amount: order.totalAmount }),
    ).rejects.toMatchObject({ code: 'ORDER_ALREADY_PAID' });
    expect(
      await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1 AND to_status = 'PAID'`, [order.id]),
    ).toBe(1);
    expect(
      await count(ds, `SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'order.paid'`, [order.id]),
    ).toBe(1);
  });

  it('another supplier cannot ship this part; its own staff ships it, FIFO across two lots', async () => {
    const soA = order.supplierOrders.find((so: any) => so.supplierId === a.supplierId);
    expectErrorCode(await server.gql(SHIP, { id: soA.id, c: 'SF', t: 'SF100' }, b.supplierAdminToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(SHIP, { id: soA.id, c: ' ', t: 'SF100' }, a.supplierAdminToken), 'BAD_USER_INPUT');
    const shipped = (await server.gqlOk(SHIP, { id: soA.id, c: '顺丰速运', t: 'SF1234567890' }, a.supplierAdminToken))
      .shipSupplierOrder;
    expect(shipped).toMatchObject({ status: 'SHIPPED', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(shipped.lines[0].allocations).toEqual([
      { lotId: lotOld, quantity: 3 },
      { lotId: lotNew, quantity: 4 },
    ]);
    expect(shipped.history).toEqual([
      expect.objectContaining({ fromStatus: 'AWAITING_SHIPMENT', toStatus: 'SHIPPED', actorKind: 'SUPPLIER' }),
    ]);
    const lots = await ds.query(`SELECT id, remaining FROM lot WHERE variant_id = $1`, [a.variantId]);
    expect(Object.fromEntries(lots.map((l: any) => [l.id, l.remaining]))).toEqual({ [lotOld]: 0, [lotNew]: 1 });
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect(await statusOf(order.id)).toBe('FULFILLING');
    expectErrorCode(
      await server.gql(SHIP, { id: soA.id, c: 'SF', t: 'again' }, a.supplierAdminToken),
      'INVALID_TRANSITION',
    );
    await expectStockConsistent(ds, a.variantId, 10);
  });

  it('units beyond the lots are allocated to the unassigned bucket (lot null)', async () => {
    const next = await placeOk(customer.token, [{ variantId: a.variantId, quantity: 3 }]);
    await orders.markPaid(sys(), next.id, { paymentId: `pi_${next.id}`, amount: next.totalAmount });
    const shipped = (
      await server.gqlOk(SHIP, { id: next.supplierOrders[0].id, c: 'EMS', t: 'E1' }, a.supplierAdminToken)
    ).shipSupplierOrder;
    expect(shipped.lines[0].allocations).toEqual([
      { lotId: lotNew, quantity: 1 },
      { lotId: null, quantity: 2 },
    ]);
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    await expectStockConsistent(ds, a.variantId, 10);
  });

  it('cancel after shipment is refused and changes nothing', async () => {
    const before = await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1`, [order.id]);
    expectErrorCode(await server.gql(CANCEL, { id: order.id, r: '不想要了' }, customer.token), 'ORDER_PAID');
    await expect(orders.transition(sys(), order.id, OrderStatus.CANCELLED, { reason: 'x' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await statusOf(order.id)).toBe('FULFILLING');
    expect(await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1`, [order.id])).toBe(before);
    await expectStockConsistent(ds, b.variantId, 10);
  });

  it('delivery: the buyer confirms, a supplier only with proof; all delivered → DELIVERED; admin settles retail', async () => {
    const soA = order.supplierOrders.find((so: any) => so.supplierId === a.supplierId);
    const soB = order.supplierOrders.find((so: any) => so.supplierId === b.supplierId);
    expectErrorCode(await server.gql(DELIVER, { id: soB.id }, customer.token), 'INVALID_TRANSITION'); // not shipped yet
    await server.gqlOk(SHIP, { id: soB.id, c: '中通', t: 'ZT1' }, b.supplierAdminToken);
    expect((await server.gqlOk(DELIVER, { id: soA.id }, customer.token)).confirmDelivery.status).toBe('DELIVERED');
    expect(await statusOf(order.id)).toBe('FULFILLING');
    expectErrorCode(await server.gql(DELIVER, { id: soB.id }, b.supplierAdminToken), 'DELIVERY_PROOF_REQUIRED');
    expectErrorCode(await server.gql(DELIVER, { id: soB.id, proof: '签收单 #88' }, a.supplierAdminToken), 'FORBIDDEN');
    const other = await actor(server, ds, Role.CUSTOMER);
    expectErrorCode(await server.gql(DELIVER, { id: soB.id }, other.token), 'FORBIDDEN');
    expect(
      (await server.gqlOk(DELIVER, { id: soB.id, proof: '签收单 #88' }, b.supplierAdminToken)).confirmDelivery,
    ).toMatchObject({ status: 'DELIVERED', deliveryProof: '签收单 #88' });
    expect(await statusOf(order.id)).toBe('DELIVERED');

    expectErrorCode(await server.gql(SETTLE, { id: order.id }, customer.token), 'FORBIDDEN');
    expect((await server.gqlOk(SETTLE, { id: order.id }, admin.token)).settleOrder.status).toBe('SETTLED');
    const view = (await server.gqlOk(ORDER, { id: order.id }, customer.token)).order;
    expect(view.history.map((h: any) => h.toStatus)).toEqual(['PLACED', 'PAID', 'FULFILLING', 'DELIVERED', 'SETTLED']);
    expect(view.history.map((h: any) => h.actorKind)).toEqual([
      'BUYER',
      'SYSTEM',
      'SYSTEM',
      'SYSTEM',
      'PLATFORM_ADMIN',
    ]);
    expect(
      await count(ds, `SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'order.shipped'`, [
        order.id,
      ]),
    ).toBe(2);
    await expectStockConsistent(ds, b.variantId, 10);
  });
});

describe('cancellation and permissions', () => {
  it('the buyer cancels before shipment: reservations released, supplier orders cancelled, history written', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const order = await placeOk(customer.token, [{ variantId: v.variantId, quantity: 4 }]);
    expect(await stockOf(ds, v.variantId)).toMatchObject({ reserved: 4 });
    const other = await actor(server, ds, Role.CUSTOMER);
    expectErrorCode(await server.gql(CANCEL, { id: order.id, r: 'x' }, other.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(ORDER, { id: order.id }, other.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(CANCEL, { id: order.id, r: '  ' }, customer.token), 'BAD_USER_INPUT');
    expect(await stockOf(ds, v.variantId)).toMatchObject({ reserved: 4 });

    const cancelled = (await server.gqlOk(CANCEL, { id: order.id, r: '买错了' }, customer.token)).cancelOrder;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.supplierOrders).toEqual([{ status: 'CANCELLED' }]);
    expect(cancelled.history.at(-1)).toEqual({
      fromStatus: 'PLACED',
      toStatus: 'CANCELLED',
      actorKind: 'BUYER',
      reason: '买错了',
    });
    expect(await stockOf(ds, v.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    // Twice is not a second release.
    // Cancelling again (a retry after a lost response) answers the cancelled order and writes nothing.
    const again = await server.gqlOk(CANCEL, { id: order.id, r: 'again' }, customer.token);
    expect(JSON.stringify(again)).toContain('CANCELLED');
    expect(
      await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1 AND to_status = 'CANCELLED'`, [order.id]),
    ).toBe(1);
    await expect(
      orders.markPaid(sys(), order.id, { paymentId: 'pi_late', amount: order.totalAmount }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_PAYABLE' });
    expect(await stockOf(ds, v.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    await expectStockConsistent(ds, v.variantId, 10);
  });

  it('a buyer acting on another buyer’s order is FORBIDDEN everywhere, and nothing changes', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const owner = await agencyPurchaser(server, ds);
    const order = await placeApprovedAgencyOrder(server, owner, hall, [{ variantId: v.variantId, quantity: 2 }]);
    const intruder = await agencyPurchaser(server, ds);
    expectErrorCode(await server.gql(CONFIRM, { id: order.id }, intruder.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(EXTEND, { id: order.id }, intruder.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(CANCEL, { id: order.id, r: 'x' }, intruder.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(
        ACCEPT,
        { id: order.id, input: { invoiceNo: '1', documents: ['orders/x.pdf'] } },
        intruder.token,
      ),
      'FORBIDDEN',
    );
    expectErrorCode(await server.gql(DELIVER, { id: order.supplierOrders[0].id }, intruder.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(ORDER, { id: order.id }, intruder.token), 'FORBIDDEN');
    expect((await upload(order.id, intruder.token, PDF, 'application/pdf')).status).toBe(403);
    // Whose order it is comes before the body: an intruder's oversized upload is 403, not 413.
    const oversized = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(order.id, intruder.token, oversized, 'application/pdf')).status).toBe(403);
    await expect(
      orders.requireBuyerAccess(RequestContext.anonymous().withPrincipal(null), order.id),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await statusOf(order.id)).toBe('PLACED');
    expect(await count(ds, `SELECT count(*) FROM order_history WHERE order_id = $1`, [order.id])).toBe(2); // placed for approval, approved
    expect(await count(ds, `SELECT count(*) FROM order_document WHERE order_id = $1`, [order.id])).toBe(0);
    await expectStockConsistent(ds, v.variantId, 10);
  });

  it('the transition table refuses moves it does not list', async () => {
    const v = await catalogFixture(server, ds);
    const order = await placeOk(customer.token, [{ variantId: v.variantId, quantity: 1 }]);
    await expect(orders.transition(sys(), order.id, OrderStatus.SETTLED)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(orders.transition(sys(), order.id, OrderStatus.PAID)).rejects.toMatchObject({
      code: 'ORDER_NOT_PAID',
    });
    await expect(orders.transition(sys(), order.id, OrderStatus.CONFIRMED)).rejects.toMatchObject({
      code: 'AGENCY_ORDERS_ONLY',
    });
    expectErrorCode(await server.gql(CONFIRM, { id: order.id }, customer.token), 'FORBIDDEN'); // customers hold no agency role
    expect(await statusOf(order.id)).toBe('PLACED');
  });
});

describe('agency: pay on delivery, acceptance (验收) with documents, settlement', () => {
  it('confirm → ship → deliver → upload documents → accept → paid → settle', async () => {
    const v = await catalogFixture(server, ds, { stock: 10, agencyPrice: 4200 });
    const buyer = await agencyPurchaser(server, ds);
    const order = await placeApprovedAgencyOrder(server, buyer, hall, [{ variantId: v.variantId, quantity: 5 }]);
    const confirmed = (await server.gqlOk(CONFIRM, { id: order.id }, buyer.token)).confirmOrder;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', paymentMode: 'PAY_ON_DELIVERY', paymentDueAt: null });

    const so = order.supplierOrders[0];
    await server.gqlOk(SHIP, { id: so.id, c: '德邦', t: 'DB1' }, v.supplierAdminToken);
    expectErrorCode(await server.gql(CANCEL, { id: order.id, r: '不要了' }, buyer.token), 'ORDER_ALREADY_SHIPPED');
    expect(await statusOf(order.id)).toBe('FULFILLING');
    expectErrorCode(
      await server.gql(ACCEPT, { id: order.id, input: { invoiceNo: 'INV-1', documents: ['x'] } }, buyer.token),
      'DOCUMENT_NOT_FOUND',
    );
    await server.gqlOk(DELIVER, { id: so.id }, buyer.token);
    expect(await statusOf(order.id)).toBe('DELIVERED');

    // Documents: type and size checked on the bytes, not only the header.
    expect((await upload(order.id, buyer.token, Buffer.from('not a pdf'), 'application/pdf')).body.error.code).toBe(
      'INVALID_DOCUMENT_TYPE',
    );
    expect((await upload(order.id, buyer.token, PDF, 'text/plain')).status).toBe(415);
    const big = await upload(
      order.id,
      buyer.token,
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      'application/pdf',
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('DOCUMENT_TOO_LARGE');
    const invoice = await upload(order.id, buyer.token, PDF, 'application/pdf');
    expect(invoice.status).toBe(201);
    expect(invoice.body.fileKey).toMatch(new RegExp(`^orders/${order.id}/[0-9a-f-]+\\.pdf$`));
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const photo = await upload(order.id, v.supplierAdminToken, png, 'image/png');
    expect(photo.status).toBe(201);
    expect(invoice.body.url).toBe(`/api/orders/${order.id}/documents/${invoice.body.id}`);
    const download = await fetch(`${server.url}${invoice.body.url}`, {
      headers: { authorization: `Bearer ${buyer.token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(
      (await fetch(`${server.url}${invoice.body.url}`, { headers: { authorization: `Bearer ${customer.token}` } }))
        .status,
    ).toBe(403);

    const refused: Array<[{ invoiceNo: string; documents: string[] }, string, string]> = [
      [{ invoiceNo: ' ', documents: [invoice.body.fileKey] }, buyer.token, 'BAD_USER_INPUT'],
      [{ invoiceNo: 'INV-1', documents: [] }, buyer.token, 'DOCUMENTS_REQUIRED'],
      [{ invoiceNo: 'INV-1', documents: [invoice.body.fileKey] }, v.supplierAdminToken, 'FORBIDDEN'],
    ];
    for (const [input, token, code] of refused) {
      expectErrorCode(await server.gql(ACCEPT, { id: order.id, input }, token), code);
    }
    const accepted = (
      await server.gqlOk(
        ACCEPT,
        { id: order.id, input: { invoiceNo: '04400123', documents: [invoice.body.fileKey, photo.body.fileKey] } },
        buyer.token,
      )
    ).acceptOrder;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.invoiceNo).toBe('04400123');
    expect(accepted.documents.every((d: any) => d.inAcceptance)).toBe(true);

    expectErrorCode(await server.gql(SETTLE, { id: order.id }, admin.token), 'ORDER_NOT_PAID');
    const paid = await orders.markPaid(sys(), order.id, { paymentId: 'bank-transfer-001', amount: 5 * 4200 });
    expect(paid).toMatchObject({ status: 'ACCEPTED', paidAmount: 21000 });
    expect((await server.gqlOk(SETTLE, { id: order.id }, admin.token)).settleOrder.status).toBe('SETTLED');
    const history = await ds.query(
      `SELECT from_status, to_status, reason FROM order_history WHERE order_id = $1 ORDER BY created_at`,
      [order.id],
    );
    expect(history.map((h: any) => h.to_status)).toEqual([
      'PENDING_APPROVAL',
      'PLACED',
      'CONFIRMED',
      'FULFILLING',
      'DELIVERED',
      'ACCEPTED',
      'ACCEPTED',
      'SETTLED',
    ]);
    await expectStockConsistent(ds, v.variantId, 10);
  });
});

describe('payment deadlines and the expiry job', () => {
  it('the expiry job cancels an unpaid order past its deadline and releases its stock; re-running changes nothing', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const order = await placeOk(customer.token, [{ variantId: v.variantId, quantity: 6 }]);
    // Retail deadlines share one job per bucket, at the bucket's end: within EXPIRY_BUCKET_MS after this one.
    const due = new Date(order.paymentDueAt).getTime();
    const bucket = Math.ceil(due / EXPIRY_BUCKET_MS) * EXPIRY_BUCKET_MS;
    const job = await server.app.get(QueueService).queue('order-expiry').getJob(`expire-due-${bucket}`);
    expect(job?.name).toBe('expire-due');
    expect(job!.timestamp + job!.opts.delay!).toBeGreaterThanOrEqual(due);
    expect(job!.timestamp + job!.opts.delay!).toBeLessThan(due + EXPIRY_BUCKET_MS + 1000);
    expect(job?.opts.delay).toBeGreaterThan(29 * 60_000);

    const handler = server.app.get(OrderExpiryJob);
    expect(await handler.handle({ name: 'expire', data: { orderId: order.id } })).toEqual({ cancelled: 0 }); // not due yet
    await handler.handle({ name: 'expire-due', data: {} });
    expect(await statusOf(order.id)).toBe('PLACED');
    await ds.query(`UPDATE orders SET payment_due_at = now() - interval '1 minute' WHERE id = $1`, [order.id]);
    expect((await handler.handle({ name: 'expire-due', data: {} })).cancelled).toBeGreaterThanOrEqual(1);
    expect(await statusOf(order.id)).toBe('CANCELLED');
    expect(await stockOf(ds, v.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(await handler.handle({ name: 'expire', data: { orderId: order.id } })).toEqual({ cancelled: 0 });
    expect(await stockOf(ds, v.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const [h] = await ds.query(
      `SELECT actor_kind, reason FROM order_history WHERE order_id = $1 AND to_status = 'CANCELLED'`,
      [order.id],
    );
    expect(h).toEqual({ actor_kind: 'SYSTEM', reason: 'payment deadline passed' });
    await expectStockConsistent(ds, v.variantId, 10);
  });

  it('a paid order is never expired; the sweep catches overdue orders whose job was lost', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const paid = await placeOk(customer.token, [{ variantId: v.variantId, quantity: 1 }]);
    await orders.markPaid(sys(), paid.id, { paymentId: `pi_${paid.id}`, amount: paid.totalAmount });
    const lost = await placeOk(customer.token, [{ variantId: v.variantId, quantity: 2 }]);
    await ds.query(`UPDATE orders SET payment_due_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [
      [paid.id, lost.id],
    ]);
    const handler = server.app.get(OrderExpiryJob);
    expect(await handler.handle({ name: 'expire', data: { orderId: paid.id } })).toEqual({ cancelled: 0 });
    expect((await handler.handle({ name: 'sweep', data: {} })).cancelled).toBeGreaterThanOrEqual(1);
    expect(await statusOf(paid.id)).toBe('PAID');
    expect(await statusOf(lost.id)).toBe('CANCELLED');
    expect(await stockOf(ds, v.variantId)).toMatchObject({ reserved: 1 });
    await expectStockConsistent(ds, v.variantId, 10);
  });

  it('agency prepay: 30 days, one 15-day extension, then the job cancels', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const buyer = await agencyPurchaser(server, ds);
    const order = await placeApprovedAgencyOrder(server, buyer, hall, [{ variantId: v.variantId, quantity: 3 }]);
    const due = new Date(order.paymentDueAt).getTime();
    expectErrorCode(
      await server.gql(
        EXTEND,
        { id: (await placeOk(customer.token, [{ variantId: v.variantId, quantity: 1 }])).id },
        customer.token,
      ),
      'FORBIDDEN',
    );
    const extended = (await server.gqlOk(EXTEND, { id: order.id }, buyer.token)).extendPaymentDeadline;
    expect(extended.paymentDeadlineExtended).toBe(true);
    expect(new Date(extended.paymentDueAt).getTime() - due).toBe(15 * 86_400_000);
    expectErrorCode(await server.gql(EXTEND, { id: order.id }, buyer.token), 'PAYMENT_DEADLINE_ALREADY_EXTENDED');
    expect(await server.app.get(QueueService).queue('order-expiry').getJob(`expire-${order.id}-2`)).toBeTruthy();
    // The first job fires at the original deadline: the order is no longer due, nothing happens.
    const handler = server.app.get(OrderExpiryJob);
    await ds.query(`UPDATE orders SET payment_due_at = payment_due_at - interval '30 days' WHERE id = $1`, [order.id]);
    expect(await handler.handle({ name: 'expire', data: { orderId: order.id } })).toEqual({ cancelled: 0 });
    await ds.query(`UPDATE orders SET payment_due_at = now() - interval '1 second' WHERE id = $1`, [order.id]);
    expect(await handler.handle({ name: 'expire', data: { orderId: order.id } })).toEqual({ cancelled: 1 });
    expect(await statusOf(order.id)).toBe('CANCELLED');
    expectErrorCode(await server.gql(EXTEND, { id: order.id }, buyer.token), 'NO_PAYMENT_DEADLINE');
    await expectStockConsistent(ds, v.variantId, 10);
  });
});

describe('refunds', () => {
  async function deliveredPaidOrder() {
    const a = await catalogFixture(server, ds, { stock: 10, retailPrice: 1000 });
    const b = await catalogFixture(server, ds, { supplierId: a.supplierId, stock: 10, retailPrice: 333 });
    const order = await placeOk(customer.token, [
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 3 },
    ]);
    await orders.markPaid(sys(), order.id, { paymentId: `pi_${order.id}`, amount: order.totalAmount });
    return { a, b, order };
  }

  it('partial refunds after delivery track per line; never more than paid; the rest makes it REFUNDED', async () => {
    const { a, order } = await deliveredPaidOrder();
    expect(order.totalAmount).toBe(2999);
    await expect(orders.recordRefund(sys(), order.id, { refundId: 're_early', amount: 100 })).rejects.toMatchObject({
      code: 'REFUND_NOT_ALLOWED',
    });
    const so = order.supplierOrders[0];
    await server.gqlOk(SHIP, { id: so.id, c: 'SF', t: 'SF9' }, a.supplierAdminToken);
    await server.gqlOk(DELIVER, { id: so.id }, customer.token);

    const partial = await orders.recordRefund(sys(), order.id, { refundId: 're_1', amount: 1000 });
    expect(partial).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 1000 });
    const lines = await ds.query(
      `SELECT line_total, refunded_amount FROM order_line WHERE order_id = $1 ORDER BY line_total DESC`,
      [order.id],
    );
    expect(lines.map((l: any) => Number(l.refunded_amount)).reduce((x: number, y: number) => x + y, 0)).toBe(1000);
    expect(lines.map((l: any) => Number(l.refunded_amount))).toEqual([667, 333]); // pro rata 2000:999, exact to the fen
    // Same refund id again: no second refund.
    expect((await orders.recordRefund(sys(), order.id, { refundId: 're_1', amount: 1000 })).refundedAmount).toBe(1000);
    await expect(orders.recordRefund(sys(), order.id, { refundId: 're_2', amount: 2000 })).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAID',
    });
    const [line] = await ds.query(`SELECT id FROM order_line WHERE order_id = $1 AND line_total = 999`, [order.id]);
    await expect(
      orders.recordRefund(sys(), order.id, {
        refundId: 're_3',
        amount: 700,
        lines: [{ lineId: line.id, amount: 700 }],
      }),
    ).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
    expect(await count(ds, `SELECT count(*) FROM order_refund WHERE order_id = $1`, [order.id])).toBe(1);
    const full = await orders.recordRefund(sys(), order.id, { refundId: 're_4', amount: 1999 });
    expect(full).toMatchObject({ status: 'REFUNDED', refundedAmount: 2999 });
    await expect(orders.recordRefund(sys(), order.id, { refundId: 're_5', amount: 1 })).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAID',
    });
    // After shipment no stock comes back.
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 8, reserved: 0, available: 8 });
    const events = await ds.query(
      `SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'order.refunded' ORDER BY created_at`,
      [order.id],
    );
    expect(events.map((e: any) => e.payload.refund.amount)).toEqual([1000, 1999]);
    await expectStockConsistent(ds, a.variantId, 10);
  });

  it('a full refund before shipment releases the reservations; refunding an unpaid order is refused', async () => {
    const { a, b, order } = await deliveredPaidOrder();
    const refunded = await orders.recordRefund(sys(), order.id, {
      refundId: `re_${order.id}`,
      amount: order.totalAmount,
    });
    expect(refunded.status).toBe('REFUNDED');
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(await stockOf(ds, b.variantId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const unpaid = await placeOk(customer.token, [{ variantId: a.variantId, quantity: 1 }]);
    await expect(orders.recordRefund(sys(), unpaid.id, { refundId: 're_unpaid', amount: 1 })).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAID',
    });
    expect(await statusOf(unpaid.id)).toBe('PLACED');
    await expectStockConsistent(ds, a.variantId, 10);
    await expectStockConsistent(ds, b.variantId, 10);
  });
});
