import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { recordStatements, type TestServer } from '@bangfu/testing';
import { startApp } from './app';
import { householdVariant, onlineHall, payAndShip, supplierWithHousehold } from './fixtures';

// Issue 11 item 1: placing and counting an order reads each order line once per transaction. The
// statements are counted where every one passes (TypeORM's Postgres query runner), grouped by the
// runner (one per transaction), while one mutation runs. Workers are off, so nothing else queries.
let server: TestServer;
let ds: DataSource;
beforeAll(async () => {
  server = await startApp();
  ds = server.app.get(DataSource);
});
afterAll(async () => {
  await server?.close();
});

/** Statements of the largest transaction `fn` ran (the mutation's own), and those that read order lines. */
async function measure(fn: () => Promise<unknown>): Promise<{ statements: number; lineReads: number }> {
  const byRunner = new Map<object, string[]>();
  for (const s of await recordStatements(fn))
    if (s.inTransaction) byRunner.set(s.runner, [...(byRunner.get(s.runner) ?? []), s.sql]);
  const txs = [...byRunner.values()].sort((a, b) => b.length - a.length);
  const statements = (txs[0] ?? []).filter((s) => !/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(s));
  if (process.env.STMT_DUMP)
    console.log(statements.map((s) => String(s).replace(/\s+/g, ' ').slice(0, 160)).join('\n'));
  return {
    statements: statements.length,
    lineReads: statements.filter((s) => /^\s*(WITH|SELECT)\b/i.test(s) && /\bFROM\s+"?order_line"?\s/i.test(s)).length,
  };
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id totalAmount supplierOrders { id } } } }`;

describe('statements of placing and counting a retail order', () => {
  it('reads the order lines once in the placing transaction and once in the counting one', async () => {
    const { supplier, household } = await supplierWithHousehold(ds);
    const lines: Array<{ variantId: string; quantity: number }> = [];
    for (const price of [6800, 1200]) {
      const { variantId } = await householdVariant(ds, supplier.supplierId, household.id, price);
      lines.push({ variantId, quantity: 2 });
    }
    const hall = await onlineHall(ds);
    const supplierToken = await server.login(supplier.admin.email, supplier.admin.password);
    const customer = await createUserWithRole(ds, Role.CUSTOMER);
    const customerToken = await server.login(customer.email, customer.password);

    let placed: { id: string; totalAmount: number; supplierOrders: Array<{ id: string }> } | undefined;
    const placing = await measure(async () => {
      placed = (
        await server.gqlOk(PLACE, { input: { idempotencyKey: 'stmt-1', channelId: hall, lines } }, customerToken)
      ).placeOrder;
    });
    const soId = await payAndShip(server, ds, placed!, {
      reference: 'STMT-1',
      buyerToken: customerToken,
      supplierToken,
    });
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
