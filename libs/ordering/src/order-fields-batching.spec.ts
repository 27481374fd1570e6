import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { statementsDuring, type TestServer } from '@bangfu/testing';
import {
  actor,
  type Actor,
  catalogFixture,
  channelFixture,
  ORDER,
  PLACE,
  placeInput,
  startOrderingServer,
} from './test-helpers';

// Field resolvers that load rows per parent (order history, supplier-order history, lines, allocations)
// go through the request's DataLoaders (@bangfu/core loaderFor): a page of orders costs one query per
// field, and each order's answer is what asking for that order alone gives.
let server: TestServer;
let ds: DataSource;
let customer: Actor;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  const hall = await channelFixture(ds, { online: true });
  customer = await actor(server, ds, Role.CUSTOMER);
  const a = await catalogFixture(server, ds, { countyCode: '520621000000', retailPrice: 1000, agencyPrice: 900 });
  const b = await catalogFixture(server, ds, { countyCode: '500229000000', retailPrice: 2000, agencyPrice: 1800 });
  for (const lines of [
    [{ variantId: a.variantId, quantity: 1 }],
    [
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 1 },
    ],
    [{ variantId: b.variantId, quantity: 3 }],
  ])
    await server.gqlOk(PLACE, placeInput(hall, lines), customer.token);
});
afterAll(async () => {
  await server?.close();
});

const FIELDS = `id history { fromStatus toStatus actorKind actorUserId reason }
  supplierOrders { id history { fromStatus toStatus actorKind reason } lines { id allocations { lotId quantity } } }`;

const reads = (statements: string[], table: string) =>
  statements.filter((s) => /^\s*(WITH|SELECT)\b/i.test(s) && new RegExp(`\\bFROM\\s+"?${table}"?\\s`, 'i').test(s))
    .length;

describe('per-parent fields are batched per request', () => {
  it('a page of orders reads each history and the allocations once, with the same answers as one order at a time', async () => {
    let page: unknown[] = [];
    const statements = await statementsDuring(async () => {
      page = (
        await server.gqlOk(`query { orders(first: 10) { edges { node { ${FIELDS} } } } }`, {}, customer.token)
      ).orders.edges.map((e: { node: unknown }) => e.node);
    });
    expect(page).toHaveLength(3);
    expect(reads(statements, 'order_history')).toBe(1);
    expect(reads(statements, 'supplier_order_history')).toBe(1);
    expect(reads(statements, 'shipment_allocation')).toBe(1);

    for (const order of page as Array<{ id: string }>) {
      const alone = (
        await server.gqlOk(`query($id: ID!) { order(id: $id) { ${FIELDS} } }`, { id: order.id }, customer.token)
      ).order;
      expect(order).toEqual(alone);
    }
    expect((page as Array<{ history: unknown[] }>).every((o) => o.history.length > 0)).toBe(true);
  });

  it('a single order reads its history once too', async () => {
    const [first] = (await server.gqlOk(`query { orders(first: 1) { edges { node { id } } } }`, {}, customer.token))
      .orders.edges;
    let order: { supplierOrders: unknown[] } = { supplierOrders: [] };
    const statements = await statementsDuring(async () => {
      order = (await server.gqlOk(ORDER, { id: first.node.id }, customer.token)).order;
    });
    expect(order.supplierOrders.length).toBeGreaterThan(0);
    expect(reads(statements, 'order_history')).toBe(1);
  });
});
