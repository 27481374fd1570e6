import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Db, Role } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { AnomalyEventConsumer } from './anomaly.consumer';
import { AnomalyKind, DetectedVia } from './anomaly.entities';
import {
  addMembership,
  agency,
  type Buyer,
  channel,
  customer,
  detect,
  figure,
  findingsAbout,
  insertOrder,
  lineOf,
  type LineSpec,
  product,
  shanghai,
  startOversightServer,
  supplier,
  sys,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let hall: string;

beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
  hall = await channel(ds, 'HALL');
});
afterAll(() => server?.close());

/** `n` orders in the hall, each by a new customer, `stepMs` apart from `at`, each with the lines `linesOf` gives. */
async function ordersEvery(n: number, at: Date, stepMs: number, linesOf: () => Promise<LineSpec[]>): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(await insertOrder(ds, await customer(ds), hall, new Date(at.getTime() + i * stepMs), await linesOf()));
  return ids;
}

describe('ORDER_BURST', () => {
  it('fires on five identical orders within the hour at 2 a.m. from new accounts of one unit (摊派), once however often it runs', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const unit = await agency(ds);
    const at = shanghai('2026-11-20T02:00:00');
    const orders: string[] = [];
    for (let i = 0; i < 5; i++) {
      const buyer = await customer(ds, undefined, new Date(at.getTime() - 2 * 86_400_000));
      await addMembership(ds, buyer.userId, unit.orgId, Role.PURCHASER);
      orders.push(
        await insertOrder(ds, buyer, hall, new Date(at.getTime() + i * 7 * 60_000), [
          lineOf(s, p, 5_000, { quantity: 2 }),
        ]),
      );
    }
    const now = new Date(at.getTime() + 3_600_000);
    // Each order's event, then the schedule: one finding that holds all five orders.
    for (const id of orders) await detect(server, AnomalyKind.ORDER_BURST, [id], now, DetectedVia.EVENT);
    const run = await detect(server, AnomalyKind.ORDER_BURST, null, now, DetectedVia.SCHEDULE);
    expect(run.opened).toBe(0);
    const found = await findingsAbout(ds, AnomalyKind.ORDER_BURST, s);
    expect(found).toHaveLength(1);
    expect([...found[0].order_ids].sort()).toEqual([...orders].sort());
    expect(found[0]).toMatchObject({ severity: 'HIGH', detected_via: 'EVENT' });
    expect(figure(found[0], 'orderCount')?.value).toBe(5);
    expect(figure(found[0], 'oddHourShare')?.value).toBe(10_000);
    expect(figure(found[0], 'newAccountShare')?.value).toBe(10_000);
    expect(figure(found[0], 'sameUnitShare')?.value).toBe(10_000);
  });

  it('a run inside a transaction (as every event consumer runs) takes the burst lock only after all rules have read', async () => {
    // The stall seen in the worker: the burst was recorded (advisory lock taken) before the later rules
    // ran, so the lock stayed held through their queries until the consumer's transaction committed.
    // Here a later rule's read (split baskets: procurement_anomaly_flag) is held up by a table lock;
    // while it waits, the run's session must hold no advisory lock.
    const s = await supplier(ds);
    const p = await product(ds, s);
    const at = shanghai('2026-11-22T10:00:00');
    const orders = await ordersEvery(5, at, 60_000, async () => [lineOf(s, p, 5_000, { quantity: 3 })]);
    const blocker = ds.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE procurement_anomaly_flag IN ACCESS EXCLUSIVE MODE`);
    const db = server.app.get(Db);
    const running = db.transaction(sys(), (tx) =>
      server.app
        .get(AnomalyDetectionService)
        .run(tx, { orderIds: [orders[4]], now: new Date(at.getTime() + 3_600_000) }, DetectedVia.EVENT, {
          kinds: [AnomalyKind.ORDER_BURST, AnomalyKind.SPLIT_BASKET],
        }),
    );
    let waiting: number | null = null;
    for (let i = 0; i < 200 && waiting === null; i++) {
      const [row] = await ds.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM procurement_anomaly_flag%'`,
      );
      if (row) waiting = row.pid;
      else await new Promise((r) => setTimeout(r, 50));
    }
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1`,
      [waiting],
    );
    await blocker.rollbackTransaction();
    await blocker.release();
    const result = await running;
    expect(waiting, 'the run reached the split-basket read').not.toBeNull();
    expect(n, 'advisory locks held while a later rule reads').toBe(0);
    expect(result.opened).toBe(1);
    expect(await findingsAbout(ds, AnomalyKind.ORDER_BURST, s)).toHaveLength(1);
  });

  it('does not fire on the same orders two hours apart, on four in the hour, nor on counter sales', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const at = shanghai('2026-11-21T10:00:00');
    await ordersEvery(5, at, 2 * 3_600_000, async () => [lineOf(s, p, 5_000)]);
    const q = await product(ds, s);
    await ordersEvery(4, at, 60_000, async () => [lineOf(s, q, 5_000)]);
    // Five identical walk-up sales at a smart counter within minutes: a busy canteen, not a burst.
    const counter = await channel(ds, 'COUNTER', { regionCode: '440106000000', assistanceOnly: false });
    const r = await product(ds, s);
    for (let i = 0; i < 5; i++)
      await insertOrder(
        ds,
        await customer(ds, undefined, new Date(at.getTime() - 3_600_000)),
        counter,
        new Date(at.getTime() + i * 60_000),
        [{ supplierId: s, variantId: r.variantId, unitPrice: 5_000, quantity: 1 }],
      );
    await detect(server, AnomalyKind.ORDER_BURST, null, new Date(at.getTime() + 12 * 3_600_000));
    expect(await findingsAbout(ds, AnomalyKind.ORDER_BURST, s)).toEqual([]);
  });

  it('an order’s event compares whole baskets: seven orders sharing one line but not the rest are no burst', async () => {
    const s = await supplier(ds);
    const shared = await product(ds, s);
    const at = shanghai('2026-11-22T10:00:00');
    const orders = await ordersEvery(7, at, 60_000, async () => [
      lineOf(s, shared, 5_000),
      lineOf(s, await product(ds, s), 3_000),
    ]);
    const now = new Date(at.getTime() + 3_600_000);
    for (const id of orders) await detect(server, AnomalyKind.ORDER_BURST, [id], now, DetectedVia.EVENT);
    await detect(server, AnomalyKind.ORDER_BURST, null, now, DetectedVia.SCHEDULE);
    expect(await findingsAbout(ds, AnomalyKind.ORDER_BURST, s)).toEqual([]);
  });
});

describe('DEADLINE_SPIKE', () => {
  const now = shanghai('2026-01-05T09:00:00');
  async function unitWith(amounts: Array<[string, number]>): Promise<Buyer> {
    const unit = await agency(ds);
    const s = await supplier(ds);
    const p = await product(ds, s);
    for (const [day, fen] of amounts)
      await insertOrder(ds, unit, hall, shanghai(`${day}T10:00:00`), [lineOf(s, p, fen)]);
    return unit;
  }

  it('fires when most of a unit’s year falls in the last 15 days before 31 December', async () => {
    const unit = await unitWith([
      ['2025-03-10', 100_000],
      ['2025-12-20', 1_500_000],
      ['2025-12-28', 500_000],
    ]);
    await detect(server, AnomalyKind.DEADLINE_SPIKE, null, now);
    const [f] = await findingsAbout(ds, AnomalyKind.DEADLINE_SPIKE, unit.orgId!);
    expect(f).toMatchObject({ subject_type: 'BUYER_UNIT', region_code: '440106000000' });
    expect(figure(f, 'windowAmount')?.value).toBe(2_000_000);
    expect(figure(f, 'periodAmount')?.value).toBe(2_100_000);
    expect(figure(f, 'windowShare')?.value).toBe(9523);
    expect(figure(f, 'deadline')?.text).toBe('2025-12-31');
  });

  it('does not fire on purchases spread over the year', async () => {
    const unit = await unitWith([
      ['2025-03-10', 1_000_000],
      ['2025-07-10', 1_000_000],
      ['2025-12-20', 1_500_000],
    ]);
    await detect(server, AnomalyKind.DEADLINE_SPIKE, null, now);
    expect(await findingsAbout(ds, AnomalyKind.DEADLINE_SPIKE, unit.orgId!)).toEqual([]);
  });
});

describe('SPLIT_BASKET (procurement’s flags, moved here)', () => {
  async function flagged(total: number, limit: number): Promise<{ unit: Buyer; orders: string[] }> {
    const unit = await agency(ds);
    const s = await supplier(ds);
    const p = await product(ds, s);
    const orders: string[] = [];
    const requests: string[] = [];
    for (const part of [total - Math.floor(total / 2), Math.floor(total / 2)]) {
      const orderId = await insertOrder(ds, unit, hall, new Date(), [lineOf(s, p, part)]);
      const id = randomUUID();
      await ds.query(
        `INSERT INTO purchase_request (id, org_id, purchaser_user_id, channel_id, order_id, status, terms, justification, total_amount, spending_limit, split_suspected)
         VALUES ($1, $2, $3, $4, $5, 'PENDING_APPROVAL', 'PREPAY', '食堂采购', $6, $7, $8)`,
        [id, unit.orgId, unit.userId, hall, orderId, part, limit, requests.length > 0],
      );
      orders.push(orderId);
      requests.push(id);
    }
    await ds.query(
      `INSERT INTO procurement_anomaly_flag (kind, org_id, user_id, request_id, related_request_ids, total_amount, limit_amount, window_minutes) VALUES ('SPLIT_BASKET', $1, $2, $3, $4, $5, $6, 1440)`,
      [unit.orgId, unit.userId, requests[1], [requests[0]], total, limit],
    );
    return { unit, orders };
  }

  it('opens a finding for a flag, with both requests’ orders; the event of either order finds it too', async () => {
    const { unit, orders } = await flagged(900_000, 500_000);
    await server.app.get(AnomalyEventConsumer).handle(sys(), {
      id: randomUUID(),
      type: 'order.pending_approval',
      version: 1,
      aggregateId: orders[1],
      payload: { orderId: orders[1] },
      createdAt: new Date().toISOString(),
    });
    await detect(server, AnomalyKind.SPLIT_BASKET);
    const found = await findingsAbout(ds, AnomalyKind.SPLIT_BASKET, unit.orgId!);
    expect(found).toHaveLength(1);
    expect(found[0].detected_via).toBe('EVENT');
    expect([...found[0].order_ids].sort()).toEqual([...orders].sort());
    expect(figure(found[0], 'excessOverLimit')?.value).toBe(8000);
  });

  it('no flag, no finding; and a region may require a larger excess', async () => {
    const unit = await agency(ds);
    const s = await supplier(ds);
    const p = await product(ds, s);
    await insertOrder(ds, unit, hall, new Date(), [lineOf(s, p, 400_000)]);
    await detect(server, AnomalyKind.SPLIT_BASKET);
    expect(await findingsAbout(ds, AnomalyKind.SPLIT_BASKET, unit.orgId!)).toEqual([]);
    await ds.query(
      `INSERT INTO anomaly_threshold (kind, region_prefix, thresholds) VALUES ('SPLIT_BASKET', '4401', '{"minExcessBps": 2000}')`,
    );
    const small = await flagged(550_000, 500_000);
    await detect(server, AnomalyKind.SPLIT_BASKET);
    expect(await findingsAbout(ds, AnomalyKind.SPLIT_BASKET, small.unit.orgId!)).toEqual([]);
    await ds.query(`DELETE FROM anomaly_threshold`);
  });
});
