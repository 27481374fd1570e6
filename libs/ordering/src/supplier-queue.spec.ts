import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext, Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { OrderService } from './order.service';
import {
  actor,
  type Actor,
  agencyPurchaser,
  type Catalog,
  catalogFixture,
  channelFixture,
  PLACE,
  placeApprovedAgencyOrder,
  placeInput,
  startOrderingServer,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let gz: Catalog;
let other: Catalog;
let customer: Actor;
const ids: Record<string, string> = {};

const LIST = `query($filter: OrderFilter, $first: Int) { orders(filter: $filter, first: $first) { totalCount edges { node { id status } } } }`;
const COUNTS = `query($s: ID!) { supplierOrderCounts(supplierId: $s) { toShip shipped delivered all } }`;
const SHIP = `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰", trackingNo: "SF1") { id } }`;
const DELIVER = `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmOrder(orderId: $id) { id } }`;
const sys = () => RequestContext.system('test');

/** This supplier's part of an order. */
const partOf = async (orderId: string, supplierId: string) =>
  (await ds.query(`SELECT id FROM supplier_order WHERE order_id = $1 AND supplier_id = $2`, [orderId, supplierId]))[0]
    .id as string;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  const hall = await channelFixture(ds, { online: true });
  gz = await catalogFixture(server, ds, { stock: 100 });
  other = await catalogFixture(server, ds, { stock: 100 });
  customer = await actor(server, ds, Role.CUSTOMER);
  const orders = server.app.get(OrderService);
  const place = async (lines: Array<{ variantId: string; quantity: number }>) =>
    (await server.gqlOk(PLACE, placeInput(hall, lines), customer.token)).placeOrder;
  const pay = async (o: { id: string; totalAmount: number }) =>
    orders.markPaid(sys(), o.id, { paymentId: `pi_${o.id}`, amount: o.totalAmount });

  // Unpaid prepay: visible under ALL, never under TO_SHIP.
  ids.unpaid = (await place([{ variantId: gz.variantId, quantity: 1 }])).id;
  // Paid: to ship.
  const paid = await place([{ variantId: gz.variantId, quantity: 1 }]);
  await pay(paid);
  ids.paid = paid.id;
  // Paid, shared with another supplier who shipped first (FULFILLING): still to ship for gz.
  const shared = await place([
    { variantId: gz.variantId, quantity: 1 },
    { variantId: other.variantId, quantity: 1 },
  ]);
  await pay(shared);
  await server.gqlOk(SHIP, { id: await partOf(shared.id, other.supplierId) }, other.supplierAdminToken);
  ids.shared = shared.id;
  // Agency pay on delivery: confirmed → to ship.
  const buyer = await agencyPurchaser(server, ds);
  const pod = await placeApprovedAgencyOrder(server, buyer, hall, [{ variantId: gz.variantId, quantity: 1 }]);
  await server.gqlOk(CONFIRM, { id: pod.id }, buyer.token);
  ids.pod = pod.id;
  // Agency order placed but not confirmed: not shippable.
  ids.podUnconfirmed = (
    await placeApprovedAgencyOrder(server, buyer, hall, [{ variantId: gz.variantId, quantity: 1 }])
  ).id;
  // Shipped, and shipped + delivered.
  const shipped = await place([{ variantId: gz.variantId, quantity: 1 }]);
  await pay(shipped);
  await server.gqlOk(SHIP, { id: await partOf(shipped.id, gz.supplierId) }, gz.supplierAdminToken);
  ids.shipped = shipped.id;
  const delivered = await place([{ variantId: gz.variantId, quantity: 1 }]);
  await pay(delivered);
  const so = await partOf(delivered.id, gz.supplierId);
  await server.gqlOk(SHIP, { id: so }, gz.supplierAdminToken);
  await server.gqlOk(DELIVER, { id: so }, customer.token);
  ids.delivered = delivered.id;
  // Cancelled by its buyer: in ALL only.
  ids.cancelled = (await place([{ variantId: gz.variantId, quantity: 1 }])).id;
  await server.gqlOk(
    `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "不要了") { id } }`,
    { id: ids.cancelled },
    customer.token,
  );
});
afterAll(() => server?.close());

const tab = async (t: string, token = gz.supplierAdminToken) => {
  const res = (await server.gqlOk(LIST, { filter: { supplierId: gz.supplierId, tab: t }, first: 2 }, token)).orders;
  return { total: res.totalCount as number };
};
const tabIds = async (t: string) =>
  (
    (await server.gqlOk(LIST, { filter: { supplierId: gz.supplierId, tab: t }, first: 50 }, gz.supplierAdminToken))
      .orders.edges as any[]
  )
    .map((e) => e.node.id)
    .sort();

describe('the supplier shipping queue', () => {
  it('TO_SHIP holds only orders that can ship: paid, confirmed for pay on delivery, or fulfilling with our part waiting', async () => {
    expect(await tabIds('TO_SHIP')).toEqual([ids.paid, ids.shared, ids.pod].sort());
    expect(await tabIds('SHIPPED')).toEqual([ids.shipped]);
    expect(await tabIds('DELIVERED')).toEqual([ids.delivered]);
    expect(await tabIds('ALL')).toEqual(Object.values(ids).sort());
  });

  it('counts every tab on the server, beyond the loaded page', async () => {
    const counts = (await server.gqlOk(COUNTS, { s: gz.supplierId }, gz.supplierAdminToken)).supplierOrderCounts;
    expect(counts).toEqual({ toShip: 3, shipped: 1, delivered: 1, all: 8 });
    // A page of two still reports the tab's full size.
    expect(await tab('TO_SHIP')).toEqual({ total: 3 });
    expect(await tab('ALL')).toEqual({ total: 8 });
    // The other supplier's queue: its part of the shared order has shipped.
    expect((await server.gqlOk(COUNTS, { s: other.supplierId }, other.supplierAdminToken)).supplierOrderCounts).toEqual(
      { toShip: 0, shipped: 1, delivered: 0, all: 1 },
    );
  });

  it('only the supplier’s staff (and platform admins) read its counts; a tab needs a supplier', async () => {
    expectErrorCode(await server.gql(COUNTS, { s: gz.supplierId }, other.supplierAdminToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(COUNTS, { s: gz.supplierId }, customer.token), 'FORBIDDEN');
    const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
    expect((await server.gqlOk(COUNTS, { s: gz.supplierId }, admin.token)).supplierOrderCounts.all).toBe(8);
    expectErrorCode(await server.gql(LIST, { filter: { tab: 'TO_SHIP' } }, gz.supplierAdminToken), 'BAD_USER_INPUT');
    // Another supplier asking for gz's tab sees nothing of it (its scope has no gz parts).
    expect(
      (await server.gqlOk(LIST, { filter: { supplierId: gz.supplierId, tab: 'ALL' } }, other.supplierAdminToken)).orders
        .totalCount,
    ).toBe(1);
  });
});
