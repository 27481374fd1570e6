import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { insertCertificationFixture, insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createUserWithRole } from '@bangfu/identity';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from '@bangfu/supplier';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';

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
    const supplier = await createSupplierFixture(ds, { countyCode: '520621000000' });
    const household = await createHouseholdFixture(ds, {
      villageCode: '520621102205',
      createdByOrgId: supplier.supplierId,
    });
    await createLinkageFixture(ds, { supplierId: supplier.supplierId, householdId: household.id });
    const productId = await insertProductFixture(ds, {
      supplierId: supplier.supplierId,
      originRegionCode: '520621102205',
    });
    const variantId = await insertVariantFixture(ds, { productId, retailPrice: 6800, stockOnHand: 5 });
    await insertCertificationFixture(ds, { productId });
    const [lot] = await ds.query(
      `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L1', '2026-03-01', 5, 5) RETURNING id`,
      [variantId],
    );
    await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, 5)`, [
      lot.id,
      household.id,
    ]);
    const [hall] = await ds.query(
      `INSERT INTO channel (kind, name, online) VALUES ('HALL', '网上专馆', true) RETURNING id`,
    );

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
        { input: { idempotencyKey: 'count-1', channelId: hall.id, lines: [{ variantId, quantity: 3 }] } },
        customerToken,
      )
    ).placeOrder;
    expect(placed.totalAmount).toBe(20400);

    const transfer = await server.gqlOk(
      `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }`,
      { input: { orderId: placed.id, reference: 'RETAIL-001', amount: 20400, paidAt: new Date().toISOString() } },
      customerToken,
    );
    const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
    await server.gqlOk(
      `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { status } }`,
      { id: transfer.recordBankTransfer.id },
      await server.login(admin.email, admin.password),
    );

    const soId = placed.supplierOrders[0].id;
    await server.gqlOk(
      `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰", trackingNo: "SF1") { status } }`,
      { id: soId },
      supplierToken,
    );
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
