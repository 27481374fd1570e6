import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINCIPAL_LOADER, type PrincipalLoader, RequestContext, Role } from '@bangfu/core';
import { createOrg } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { OrderService } from './order.service';
import {
  actor,
  type Actor,
  type Catalog,
  catalogFixture,
  channelFixture,
  ORDER,
  PLACE,
  placeApprovedAgencyOrder,
  placeInput,
  startOrderingServer,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let hall: string;

const LIST = `query($filter: OrderFilter, $first: Int, $after: String) { orders(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { cursor node { id status totalAmount wholeOrderVisible buyerOrgId supplierOrders { supplierId subtotal lines { variantId } } } } } }`;

let parent: string;
let unit: string;
let purchaser: Actor;
let parentAdmin: Actor;
let customer: Actor;
let gz: Catalog; // supplier in 江口 (520621)
let cq: Catalog; // supplier in 城口 (500229)
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  hall = await channelFixture(ds, { online: true });
  parent = (await createOrg(ds, { kind: 'AGENCY' as never, regionCode: '520000000000' })).id;
  unit = (await createOrg(ds, { kind: 'AGENCY' as never, regionCode: '520600000000', parentId: parent })).id;
  purchaser = await actor(server, ds, Role.PURCHASER, { organizationId: unit });
  parentAdmin = await actor(server, ds, Role.AGENCY_ADMIN, { organizationId: parent });
  customer = await actor(server, ds, Role.CUSTOMER);
  gz = await catalogFixture(server, ds, { countyCode: '520621000000', retailPrice: 1000, agencyPrice: 900 });
  cq = await catalogFixture(server, ds, { countyCode: '500229000000', retailPrice: 2000, agencyPrice: 1800 });
  const place = async (token: string, lines: Array<{ variantId: string; quantity: number }>, extra = {}) =>
    (await server.gqlOk(PLACE, placeInput(hall, lines, extra), token)).placeOrder.id;
  ids.agencyBoth = (
    await placeApprovedAgencyOrder(server, purchaser, hall, [
      { variantId: gz.variantId, quantity: 1 },
      { variantId: cq.variantId, quantity: 1 },
    ])
  ).id;
  ids.retailGz = await place(customer.token, [{ variantId: gz.variantId, quantity: 2 }]);
  ids.retailCq = await place(customer.token, [{ variantId: cq.variantId, quantity: 3 }]);
});
afterAll(() => server?.close());

const listIds = async (token: string, filter: Record<string, unknown> = {}) => {
  const res = await server.gqlOk(LIST, { filter }, token);
  return res.orders.edges.map((e: any) => e.node.id).sort();
};

describe('orders: scoped in SQL per role', () => {
  it('customers see their own orders, agency staff their unit, agency admins their subtree', async () => {
    expect(await listIds(customer.token)).toEqual([ids.retailGz, ids.retailCq].sort());
    expect(await listIds(purchaser.token)).toEqual([ids.agencyBoth]);
    expect(await listIds(parentAdmin.token)).toEqual([ids.agencyBoth]);
    const stranger = await actor(server, ds, Role.CUSTOMER);
    expect(await listIds(stranger.token)).toEqual([]);
    const full = (await server.gqlOk(ORDER, { id: ids.agencyBoth }, parentAdmin.token)).order;
    expect(full.wholeOrderVisible).toBe(true);
    expect(full.totalAmount).toBe(900 + 1800);
    expect(full.supplierOrders).toHaveLength(2);
  });

  it('supplier staff see orders containing their part, and only their part', async () => {
    const res = await server.gqlOk(LIST, {}, gz.supplierAdminToken);
    const nodes = res.orders.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id).sort()).toEqual([ids.agencyBoth, ids.retailGz].sort());
    const both = nodes.find((n: any) => n.id === ids.agencyBoth);
    expect(both.wholeOrderVisible).toBe(false);
    expect(both.supplierOrders).toEqual([
      { supplierId: gz.supplierId, subtotal: 900, lines: [{ variantId: gz.variantId }] },
    ]);
    expect(both.totalAmount).toBe(900);
    expectErrorCode(await server.gql(ORDER, { id: ids.retailCq }, gz.supplierAdminToken), 'FORBIDDEN');
  });

  it('coordinators and auditors see the supplier orders of suppliers in their region prefix', async () => {
    const coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5002' });
    const res = await server.gqlOk(LIST, {}, coordinator.token);
    const nodes = res.orders.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id).sort()).toEqual([ids.agencyBoth, ids.retailCq].sort());
    expect(nodes.find((n: any) => n.id === ids.agencyBoth).supplierOrders.map((so: any) => so.supplierId)).toEqual([
      cq.supplierId,
    ]);
    const auditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '520621' });
    expect(await listIds(auditor.token)).toEqual([ids.agencyBoth, ids.retailGz].sort());
    const elsewhere = await actor(server, ds, Role.AUDITOR, { regionPrefix: '4418' });
    expect(await listIds(elsewhere.token)).toEqual([]);
  });

  it('platform admins see everything; filters and pagination work', async () => {
    const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
    expect((await listIds(admin.token)).length).toBe(3);
    expect(await listIds(admin.token, { buyerOrgId: unit })).toEqual([ids.agencyBoth]);
    expect(await listIds(admin.token, { supplierId: cq.supplierId })).toEqual([ids.agencyBoth, ids.retailCq].sort());
    expect(await listIds(admin.token, { status: 'CANCELLED' })).toEqual([]);
    expect(await listIds(admin.token, { channelId: hall })).toHaveLength(3);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await listIds(admin.token, { from: today, to: today })).toHaveLength(3);
    expect(await listIds(admin.token, { to: '2020-01-01' })).toEqual([]);
    expectErrorCode(await server.gql(LIST, { filter: { from: '2026-02-30' } }, admin.token), 'INVALID_DATE');
    expectErrorCode(await server.gql(LIST, { filter: { supplierId: 'x' } }, admin.token), 'BAD_USER_INPUT');

    const page1 = (await server.gqlOk(LIST, { first: 2 }, admin.token)).orders;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await server.gqlOk(LIST, { first: 2, after: page1.pageInfo.endCursor }, admin.token)).orders;
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const all = [...page1.edges, ...page2.edges].map((e: any) => e.node.id);
    expect(new Set(all).size).toBe(3);
    expectErrorCode(await server.gql(LIST, { first: 500 }, admin.token), 'BAD_USER_INPUT');
  });

  it('pages through orders stamped in the same microsecond without skipping any', async () => {
    // Orders written in one transaction share its now(); a cursor holding only milliseconds put every one
    // behind the page's last row out of reach.
    const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
    const all = Object.values(ids);
    const saved: Array<{ id: string; created_at: Date }> = await ds.query(
      'SELECT id, created_at FROM orders WHERE id = ANY($1)',
      [all],
    );
    await ds.query(`UPDATE orders SET created_at = '2026-06-01 10:00:00.123456+08' WHERE id = ANY($1)`, [all]);
    try {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < all.length; page++) {
        const res: any = (await server.gqlOk(LIST, { first: 1, after }, admin.token)).orders;
        seen.push(...res.edges.map((e: any) => e.node.id));
        after = res.pageInfo.endCursor;
      }
      expect(seen.sort()).toEqual([...all].sort());
    } finally {
      for (const o of saved) await ds.query('UPDATE orders SET created_at = $2 WHERE id = $1', [o.id, o.created_at]);
    }
  });

  it('searches by part of the order number (any reader), tracking numbers for platform admins; filters by the buyer user', async () => {
    const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
    const [{ order_no }] = await ds.query('SELECT order_no FROM orders WHERE id = $1', [ids.retailCq]);
    const tail = String(order_no).slice(-6);
    expect(await listIds(admin.token, { search: tail })).toEqual([ids.retailCq]);
    expect(await listIds(customer.token, { search: tail.toLowerCase() })).toEqual([ids.retailCq]);
    expect(await listIds(purchaser.token, { search: tail })).toEqual([]);
    expect(await listIds(admin.token, { search: '%' })).toEqual([]);
    await ds.query(`UPDATE supplier_order SET tracking_no = 'SF1234567890' WHERE order_id = $1`, [ids.retailGz]);
    expect(await listIds(admin.token, { search: '4567' })).toEqual([ids.retailGz]);
    expect(await listIds(customer.token, { search: '4567' })).toEqual([]);
    expect(await listIds(admin.token, { buyerUserId: customer.userId })).toEqual([ids.retailGz, ids.retailCq].sort());
    expectErrorCode(await server.gql(LIST, { filter: { buyerUserId: 'x' } }, admin.token), 'BAD_USER_INPUT');
  });

  it('anonymous callers and unknown ids are refused', async () => {
    expectErrorCode(await server.gql(LIST, {}), 'UNAUTHENTICATED');
    const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
    expectErrorCode(await server.gql(ORDER, { id: '00000000-0000-4000-8000-000000000000' }, admin.token), 'NOT_FOUND');
    expectErrorCode(await server.gql(ORDER, { id: 'nope' }, admin.token), 'NOT_FOUND');
  });

  it('requireBuyerAccess: buyer, its unit, its agency admins and platform admins; others FORBIDDEN', async () => {
    const orders = server.app.get(OrderService);
    const principals = server.app.get<PrincipalLoader>(PRINCIPAL_LOADER, { strict: false });
    const as = async (a: Actor) => RequestContext.anonymous().withPrincipal(await principals.load(a.userId));
    await expect(orders.requireBuyerAccess(await as(purchaser), ids.agencyBoth)).resolves.toMatchObject({
      id: ids.agencyBoth,
    });
    await expect(orders.requireBuyerAccess(await as(parentAdmin), ids.agencyBoth)).resolves.toMatchObject({
      id: ids.agencyBoth,
    });
    await expect(
      orders.requireBuyerAccess(await as(await actor(server, ds, Role.PLATFORM_ADMIN)), ids.agencyBoth),
    ).resolves.toMatchObject({ id: ids.agencyBoth });
    await expect(orders.requireBuyerAccess(await as(customer), ids.agencyBoth)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const approverElsewhere = await actor(server, ds, Role.AGENCY_ADMIN);
    await expect(orders.requireBuyerAccess(await as(approverElsewhere), ids.agencyBoth)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(orders.requireBuyerAccess(await as(customer), ids.retailGz)).resolves.toMatchObject({
      id: ids.retailGz,
    });
  });
});
