import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '@bangfu/testing';
import { AnomalyEventConsumer } from './anomaly.consumer';
import { channel, customer, insertOrder, lineOf, product, startOversightServer, supplier, sys } from './test-helpers';

// Issue 16 (W3): order.placed runs six rules after every checkout, and each of them starts from the
// order's own lines. They are read once per run. The statements are counted where every one passes
// (TypeORM's Postgres query runner); workers are off, so nothing else queries meanwhile.
let server: TestServer;
let ds: DataSource;
const original = PostgresQueryRunner.prototype.query;
let recording: string[] | null = null;
beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, sql: string, ...rest: unknown[]) {
    recording?.push(String(sql));
    return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
  } as typeof original;
});
afterAll(async () => {
  PostgresQueryRunner.prototype.query = original;
  await server?.close();
});

/** OrderSignalsService.lines filtered by order ids alone: an order's own lines. */
const OWN_LINES =
  /FROM orders o JOIN order_line l .*WHERE o\.status NOT IN \([^)]*\) AND o\.id = ANY\(\$1::uuid\[\]\)\s+ORDER BY/s;

describe('the anomaly rules of one order event', () => {
  it('read the order’s own lines once for all six rules of order.placed, and its suppliers in one statement', async () => {
    const [s, t] = [await supplier(ds), await supplier(ds)];
    const hall = await channel(ds, 'HALL');
    const orderId = await insertOrder(ds, await customer(ds), hall, new Date(), [
      lineOf(s, await product(ds, s), 12_000),
      lineOf(s, await product(ds, s), 3_000, { quantity: 2 }),
      lineOf(t, await product(ds, t), 5_000),
    ]);
    recording = [];
    await server.app.get(AnomalyEventConsumer).handle(sys(), {
      id: randomUUID(),
      type: 'order.placed',
      version: 1,
      aggregateId: orderId,
      payload: { orderId },
      createdAt: new Date().toISOString(),
    });
    const statements = recording;
    recording = null;
    expect(statements.filter((q) => OWN_LINES.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /FROM "supplier_profile"/.test(q))).toHaveLength(1);
  });
});
