import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';
import { householdVariant, onlineHall, payAndShip, supplierWithHousehold } from './fixtures';

// The whole app, workers OFF: anything asserted right after a mutation was written by that
// mutation's own transaction (DESIGN: attribution is written when a line counts, in the same transaction).
let server: TestServer;
let ds: DataSource;
beforeAll(async () => {
  server = await startApp();
  ds = server.app.get(DataSource);
});
afterAll(() => server?.close());

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id totalAmount supplierOrders { id } } } }`;

describe('a retail sale that counts', () => {
  it('writes attribution in the transaction that delivers the paid order, exact to the fen', async () => {
    const { supplier, household } = await supplierWithHousehold(ds);
    const { productId, variantId } = await householdVariant(ds, supplier.supplierId, household.id, 6800);
    const hall = await onlineHall(ds);

    const supplierToken = await server.login(supplier.admin.email, supplier.admin.password);
    await server.gqlOk(
      `mutation($input: SetAttributionRuleInput!) { setAttributionRule(input: $input) { id } }`,
      { input: { productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 1000 } },
      supplierToken,
    );

    const share = await server.gqlOk(
      `query($id: ID!) { product(id: $id) { incomeShare { perUnitToHouseholds householdCount } } }`,
      { id: productId },
    );
    expect(share.product.incomeShare).toEqual({ perUnitToHouseholds: 1000, householdCount: 1 });

    const customer = await createUserWithRole(ds, Role.CUSTOMER);
    const customerToken = await server.login(customer.email, customer.password);
    const placed = (
      await server.gqlOk(
        PLACE,
        { input: { idempotencyKey: 'count-1', channelId: hall, lines: [{ variantId, quantity: 3 }] } },
        customerToken,
      )
    ).placeOrder;
    expect(placed.totalAmount).toBe(20400);

    const soId = await payAndShip(server, ds, placed, {
      reference: 'RETAIL-001',
      buyerToken: customerToken,
      supplierToken,
    });
    const income = () =>
      ds
        .query(`SELECT coalesce(sum(amount), 0)::int AS total FROM attribution_entry WHERE household_id = $1`, [
          household.id,
        ])
        .then((r) => r[0].total);
    expect(await income()).toBe(0); // shipped is not counted yet

    await server.gqlOk(
      `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { status } }`,
      { id: soId },
      customerToken,
    );
    const [order] = await ds.query(`SELECT status FROM orders WHERE id = $1`, [placed.id]);
    expect(order.status).toBe('DELIVERED');
    expect(await income()).toBe(3000); // 3 units × ¥10 to the household whose lot shipped

    const seen = await server.gqlOk(
      `query($h: ID!, $f: String!, $t: String!) { householdIncome(householdId: $h, from: $f, to: $t) { totalAmount } }`,
      { h: household.id, f: `${new Date().getFullYear() - 1}-01-01`, t: `${new Date().getFullYear() + 1}-12-31` },
      supplierToken,
    );
    expect(seen.householdIncome.totalAmount).toBe(3000);
  });
});
