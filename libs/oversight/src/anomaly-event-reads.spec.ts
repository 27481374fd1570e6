import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsDuring, type TestServer } from '@bangfu/testing';
import { OrderSignalsService } from '@bangfu/ordering';
import { AnomalyEventConsumer } from './anomaly.consumer';
import { channel, customer, insertOrder, lineOf, product, startOversightServer, supplier, sys } from './test-helpers';

// Issue 16 (W3): order.placed runs six rules after every checkout, and each of them starts from the
// order's own lines. They are read once per run. The statements are counted where every one passes
// (TypeORM's Postgres query runner); workers are off, so nothing else queries meanwhile.
let server: TestServer;
let ds: DataSource;
beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
});
afterAll(async () => {
  await server?.close();
});

/** The statements the anomaly rules run for one order.placed event. */
function statementsOfOrderPlaced(orderId: string): Promise<string[]> {
  return statementsDuring(() =>
    server.app.get(AnomalyEventConsumer).handle(sys(), {
      id: randomUUID(),
      type: 'order.placed',
      version: 1,
      aggregateId: orderId,
      payload: { orderId },
      createdAt: new Date().toISOString(),
    }),
  );
}

/** The model priceHistory's SQL is checked against: the lower median (an observed price, never an average of two). */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

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
    const statements = await statementsOfOrderPlaced(orderId);
    expect(statements.filter((q) => OWN_LINES.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /FROM "supplier_profile"/.test(q))).toHaveLength(1);
    // The burst rule's neighbours: the variants' lines of its window (order_line (variant_id, created_at)),
    // not every line they ever sold.
    const neighbours = statements.filter((q) => /w\.variant_id = ANY/.test(q));
    expect(neighbours).toHaveLength(1);
    expect(neighbours[0]).toMatch(/w\.created_at >= .* AND w\.created_at < /);
  });

  it('summarise a variant’s earlier sales in SQL: the price rule reads none of their lines', async () => {
    const s = await supplier(ds);
    const hall = await channel(ds, 'HALL');
    const buyer = await customer(ds);
    const popular = await product(ds, s, { price: 10_000, reference: 30_000 });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    for (let i = 0; i < 6; i++) await insertOrder(ds, buyer, hall, minutesAgo(60 - i), [lineOf(s, popular, 10_000)]);
    const orderId = await insertOrder(ds, buyer, hall, new Date(), [lineOf(s, popular, 10_000)]);
    const statements = await statementsOfOrderPlaced(orderId);
    // Before: every line of the order's variants over the look-back went to Node (and stopped at 20,000 rows).
    expect(statements.filter((q) => /l\.variant_id = ANY/.test(q))).toEqual([]);
    expect(statements.filter((q) => /AS k\(variant_id, price_kind, since, before, i\)/.test(q))).toHaveLength(1);
  });
});

describe('OrderSignalsService.priceHistory', () => {
  it('counts distinct (order, price) sales of live orders in the window and takes their lower median, per key', async () => {
    const s = await supplier(ds);
    const hall = await channel(ds, 'HALL');
    const buyer = await customer(ds);
    const [a, b] = [await product(ds, s), await product(ds, s)];
    const at = (m: number) => new Date(Date.UTC(2026, 5, 1, 0, m));
    const prices = [9_000, 12_000, 10_000, 10_000, 15_000, 8_000, 11_000];
    for (const [m, p] of prices.entries())
      await insertOrder(ds, buyer, hall, at(m), [lineOf(s, a, p), lineOf(s, b, p + 1)]);
    // A cancelled order does not count.
    await insertOrder(ds, buyer, hall, at(10), [lineOf(s, a, 20_000)]);
    const cancelled = await insertOrder(ds, buyer, hall, at(11), [lineOf(s, a, 1)]);
    await ds.query(`UPDATE orders SET status = 'CANCELLED' WHERE id = $1`, [cancelled]);
    const signals = server.app.get(OrderSignalsService);
    const key = (variantId: string, from: number, to: number) => ({
      variantId,
      priceKind: 'RETAIL',
      since: at(from),
      before: at(to),
    });
    const got = await signals.priceHistory(sys(), [
      key(a.variantId, 0, 20),
      key(b.variantId, 1, 5),
      key(a.variantId, 30, 40),
    ]);
    const expected = (xs: number[]) => ({ sales: xs.length, medianUnitPrice: median(xs) });
    expect(got).toEqual([
      expected([...prices, 20_000]),
      expected(prices.slice(1, 5).map((p) => p + 1)),
      { sales: 0, medianUnitPrice: null },
    ]);
  });

  it('reads only the keyed variant’s lines in the window, however many lines the platform holds', async () => {
    const s = await supplier(ds);
    const hall = await channel(ds, 'HALL');
    const buyer = await customer(ds);
    const [keyed, other] = [await product(ds, s), await product(ds, s)];
    for (let i = 0; i < 3; i++)
      await insertOrder(ds, buyer, hall, new Date(Date.now() - i * 60_000), [lineOf(s, keyed, 10_000)]);
    // 3,000 more orders of another variant, copied in SQL from one of them.
    const seed = await insertOrder(ds, buyer, hall, new Date(), [lineOf(s, other, 10_000)]);
    await ds.query(
      `WITH o AS (
         INSERT INTO orders (buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, payment_mode, total_amount, idempotency_key, request_hash, created_at)
         SELECT buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, payment_mode, total_amount, gen_random_uuid()::text, request_hash, created_at - g * interval '1 minute'
           FROM orders, generate_series(1, 3000) g WHERE id = $1 RETURNING id, created_at)
       INSERT INTO order_line (order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit,
                               price_kind, unit_price, quantity, line_total, certified, certification_status, origin_region_code, created_at)
       SELECT o.id, l.supplier_order_id, l.supplier_id, l.channel_id, l.variant_id, l.product_id, l.product_title, l.sku, l.spec, l.unit,
              l.price_kind, l.unit_price, l.quantity, l.line_total, l.certified, l.certification_status, l.origin_region_code, o.created_at
         FROM o, order_line l WHERE l.order_id = $1`,
      [seed],
    );
    await ds.query(`ANALYZE orders; ANALYZE order_line`);
    const key = {
      variantId: keyed.variantId,
      priceKind: 'RETAIL',
      since: new Date(Date.now() - 86_400_000),
      before: new Date(),
    };
    const signals = server.app.get(OrderSignalsService);
    const statements = await statementsDuring(async () =>
      expect(await signals.priceHistory(sys(), [key])).toEqual([{ sales: 3, medianUnitPrice: 10_000 }]),
    );
    const [sql] = statements.filter((q) => /AS k\(variant_id, price_kind, since, before, i\)/.test(q));
    // The plan a prepared statement settles on (generic): before, it hashed every line and order.
    const plan = await ds.transaction(async (m) => {
      await m.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await m.query(`PREPARE price_history_plan AS ${sql}`);
      // EXECUTE takes no bind parameters: the key's values are written out (ids and times only).
      const [row] = await m.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE price_history_plan('{${key.variantId}}', '{RETAIL}', '{${key.since.toISOString()}}', '{${key.before.toISOString()}}')`,
      );
      await m.query(`DEALLOCATE price_history_plan`);
      return row['QUERY PLAN'][0].Plan;
    });
    const linesRead = (node: Record<string, any>): number =>
      (node['Relation Name'] === 'order_line' ? node['Actual Rows'] * node['Actual Loops'] : 0) +
      (node.Plans ?? []).reduce((n: number, c: Record<string, any>) => n + linesRead(c), 0);
    expect(linesRead(plan)).toBeLessThanOrEqual(10);
  });
});
