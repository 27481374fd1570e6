import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Role } from '@bangfu/core';
import { insertCertificationFixture, insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createUserWithRole } from '@bangfu/identity';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from '@bangfu/supplier';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';

// Issue 11 item 1: placing and counting an order reads each order line once per transaction. The
// statements are counted where every one passes (TypeORM's Postgres query runner), grouped by the
// runner (one per transaction), while one mutation runs. Workers are off, so nothing else queries.
let server: TestServer;
let ds: DataSource;
const original = PostgresQueryRunner.prototype.query;
let recording: Map<object, string[]> | null = null;
beforeAll(async () => {
  server = await startApp();
  ds = server.app.get(DataSource);
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, sql: string, ...rest: unknown[]) {
    if (recording && this.isTransactionActive) {
      const list = recording.get(this) ?? [];
      list.push(sql);
      recording.set(this, list);
    }
    return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
  } as typeof original;
});
afterEach(() => {
  recording = null;
});
afterAll(async () => {
  PostgresQueryRunner.prototype.query = original;
  await server?.close();
});

/** Statements of the largest transaction `fn` ran (the mutation's own), and those that read order lines. */
async function measure(fn: () => Promise<unknown>): Promise<{ statements: number; lineReads: number }> {
  recording = new Map();
  await fn();
  const txs = [...recording.values()].sort((a, b) => b.length - a.length);
  recording = null;
  const statements = (txs[0] ?? []).filter((s) => !/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(s));
  if (process.env.STMT_DUMP) console.log(statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)).join('\n'));
  return {
    statements: statements.length,
    lineReads: statements.filter((s) => /^\s*(WITH|SELECT)\b/i.test(s) && /\bFROM\s+"?order_line"?\s/i.test(s)).length,
  };
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id totalAmount supplierOrders { id } } } }`;

describe('statements of placing and counting a retail order', () => {
  it('reads the order lines once in the placing transaction and once in the counting one', async () => {
    const supplier = await createSupplierFixture(ds, { countyCode: '520621000000' });
    const household = await createHouseholdFixture(ds, {
      villageCode: '520621102205',
      createdByOrgId: supplier.supplierId,
    });
    await createLinkageFixture(ds, { supplierId: supplier.supplierId, householdId: household.id });
    const lines: Array<{ variantId: string; quantity: number }> = [];
    for (const price of [6800, 1200]) {
      const productId = await insertProductFixture(ds, {
        supplierId: supplier.supplierId,
        originRegionCode: '520621102205',
      });
      const variantId = await insertVariantFixture(ds, { productId, retailPrice: price, stockOnHand: 5 });
      await insertCertificationFixture(ds, { productId });
      const [lot] = await ds.query(
        `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L1', '2026-03-01', 5, 5) RETURNING id`,
        [variantId],
      );
      await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, 5)`, [
        lot.id,
        household.id,
      ]);
      lines.push({ variantId, quantity: 2 });
    }
    const [hall] = await ds.query(
      `INSERT INTO channel (kind, name, online) VALUES ('HALL', '网上专馆', true) RETURNING id`,
    );
    const supplierToken = await server.login(supplier.admin.email, supplier.admin.password);
    const customer = await createUserWithRole(ds, Role.CUSTOMER);
    const customerToken = await server.login(customer.email, customer.password);

    let placed: { id: string; totalAmount: number; supplierOrders: Array<{ id: string }> } | undefined;
    const placing = await measure(async () => {
      placed = (
        await server.gqlOk(PLACE, { input: { idempotencyKey: 'stmt-1', channelId: hall.id, lines } }, customerToken)
      ).placeOrder;
    });
    const transfer = await server.gqlOk(
      `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }`,
      {
        input: {
          orderId: placed!.id,
          reference: 'STMT-1',
          amount: placed!.totalAmount,
          paidAt: new Date().toISOString(),
        },
      },
      customerToken,
    );
    const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
    await server.gqlOk(
      `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { status } }`,
      { id: transfer.recordBankTransfer.id },
      await server.login(admin.email, admin.password),
    );
    const soId = placed!.supplierOrders[0].id;
    await server.gqlOk(
      `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰", trackingNo: "SF1") { status } }`,
      { id: soId },
      supplierToken,
    );
    const counting = await measure(() =>
      server.gqlOk(
        `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { status } }`,
        { id: soId },
        customerToken,
      ),
    );
    // The delivery counted the order: attribution and statistics wrote in that transaction.
    const [written] = await ds.query(
      `SELECT (SELECT count(*) FROM attribution_line WHERE order_id = $1)::int AS attributed,
              (SELECT count(*) FROM stats_line WHERE order_id = $1)::int AS counted`,
      [placed!.id],
    );
    expect(written).toEqual({ attributed: 2, counted: 2 });
    console.log(`statement count: placing ${JSON.stringify(placing)}, counting ${JSON.stringify(counting)}`);
    expect(placing.lineReads).toBeLessThanOrEqual(1);
    // Issue 16 (W3): the checkout transaction's statements do not grow with lines or supplier orders —
    // variants, then key/channel/facts, order + history, supplier orders, lines, one reservation for
    // all lines, the outbox event and the audit event (12 for this order before).
    expect(placing.statements).toBeLessThanOrEqual(8);
    expect(counting.lineReads).toBeLessThanOrEqual(1);
  });
});
