import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, RequestContext, Role } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import { COUNTER_CARRIER, FulfilmentService } from './fulfilment.service';
import { findSupplierOrderTransition } from './order-transitions';
import { OrderService } from './order.service';
import { ActorKind, type SupplierOrder, SupplierOrderStatus } from './ordering.entities';
import {
  actor,
  type Actor,
  catalogFixture,
  channelFixture,
  count,
  expectStockConsistent,
  PLACE,
  place,
  placeInput,
  startOrderingServer,
  stockOf,
} from './test-helpers';

// The counter (专柜) path: goods handed over at the counter are "shipped" and "delivered" by the
// COUNTER actor, a move the transition table allows only for orders of a COUNTER channel.
let server: TestServer;
let ds: DataSource;
let customer: Actor;
let orders: OrderService;
let fulfilment: FulfilmentService;
const sys = () => RequestContext.system('test');

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  customer = await actor(server, ds, Role.CUSTOMER);
  orders = server.app.get(OrderService);
  fulfilment = server.app.get(FulfilmentService);
});
afterAll(() => server?.close());

/** A counter channel (a counter needs a device id and secret). */
async function counterChannel(): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, region_code, address, device_id, device_secret) VALUES ('COUNTER', $1, '520621000000', '江口县机关食堂', $2, $3) RETURNING id`,
    [`智能专柜 ${suffix}`, `CTR-520621-${suffix}`, randomBytes(32).toString('hex')],
  );
  return row.id;
}

async function paidOrder(
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
): Promise<{ id: string; totalAmount: number }> {
  const res = await server.gqlOk(PLACE, placeInput(channelId, lines), customer.token);
  expect(res.placeOrder.__typename).toBe('Order');
  await orders.markPaid(sys(), res.placeOrder.id, {
    paymentId: `pay-${res.placeOrder.id}`,
    amount: res.placeOrder.totalAmount,
  });
  return res.placeOrder;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the transition table for counter hand-over', () => {
  it('has a guarded COUNTER entry for shipping and delivery, and nothing else for COUNTER', () => {
    const ship = findSupplierOrderTransition(
      SupplierOrderStatus.AWAITING_SHIPMENT,
      SupplierOrderStatus.SHIPPED,
      ActorKind.COUNTER,
    )!;
    expect(ship.actors).toEqual([ActorKind.COUNTER]);
    const so = { status: SupplierOrderStatus.AWAITING_SHIPMENT } as SupplierOrder;
    expect(ship.guard!({ supplierOrder: so, channelKind: 'COUNTER' })).toBeNull();
    expect(ship.guard!({ supplierOrder: so, channelKind: 'HALL' })?.code).toBe('NOT_A_COUNTER_ORDER');
    expect(
      findSupplierOrderTransition(SupplierOrderStatus.SHIPPED, SupplierOrderStatus.DELIVERED, ActorKind.COUNTER)!.guard,
    ).toBeDefined();
    // A supplier's own shipment is unchanged: unguarded, and not open to COUNTER or SYSTEM.
    const bySupplier = findSupplierOrderTransition(
      SupplierOrderStatus.AWAITING_SHIPMENT,
      SupplierOrderStatus.SHIPPED,
      ActorKind.SUPPLIER,
    )!;
    expect([bySupplier.actors, bySupplier.guard]).toEqual([[ActorKind.SUPPLIER], undefined]);
    expect(
      findSupplierOrderTransition(SupplierOrderStatus.AWAITING_SHIPMENT, SupplierOrderStatus.SHIPPED, ActorKind.SYSTEM)!
        .actors,
    ).not.toContain(ActorKind.SYSTEM);
    expect(
      findSupplierOrderTransition(
        SupplierOrderStatus.AWAITING_SHIPMENT,
        SupplierOrderStatus.CANCELLED,
        ActorKind.COUNTER,
      )!.actors,
    ).not.toContain(ActorKind.COUNTER);
  });
});

describe('FulfilmentService.handOverAtCounter', () => {
  it('ships and delivers every supplier order of a paid counter order, lots FIFO, and the order becomes DELIVERED', async () => {
    const counter = await counterChannel();
    const a = await catalogFixture(server, ds, { stock: 20 });
    const b = await catalogFixture(server, ds, { stock: 20 });
    for (const c of [a, b]) await place(ds, counter, c.productId);
    const [older] = await ds.query(
      `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L1', '2025-05-01', 2, 2) RETURNING id`,
      [a.variantId],
    );
    const [newer] = await ds.query(
      `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L2', '2025-09-01', 10, 10) RETURNING id`,
      [a.variantId],
    );
    const order = await paidOrder(counter, [
      { variantId: a.variantId, quantity: 3 },
      { variantId: b.variantId, quantity: 1 },
    ]);

    const moved = await fulfilment.handOverAtCounter(sys(), order.id, 'JK-0001-0042');
    expect(moved.status).toBe('DELIVERED');
    expect(moved.deliveredAt).not.toBeNull();
    const sos = await ds.query(`SELECT id, status, carrier, tracking_no FROM supplier_order WHERE order_id = $1`, [
      order.id,
    ]);
    expect(sos.map((so: any) => [so.status, so.carrier, so.tracking_no])).toEqual([
      ['DELIVERED', COUNTER_CARRIER, 'JK-0001-0042'],
      ['DELIVERED', COUNTER_CARRIER, 'JK-0001-0042'],
    ]);
    const soHistory = await ds.query(
      `SELECT to_status, actor_kind FROM supplier_order_history WHERE supplier_order_id = ANY($1::uuid[]) ORDER BY to_status`,
      [sos.map((so: any) => so.id)],
    );
    expect(soHistory.map((h: any) => `${h.to_status}:${h.actor_kind}`)).toEqual([
      'DELIVERED:COUNTER',
      'DELIVERED:COUNTER',
      'SHIPPED:COUNTER',
      'SHIPPED:COUNTER',
    ]);
    expect(
      await ds.query(`SELECT lot_id, quantity FROM shipment_allocation WHERE variant_id = $1 ORDER BY created_at, id`, [
        a.variantId,
      ]),
    ).toEqual([
      { lot_id: older.id, quantity: 2 },
      { lot_id: newer.id, quantity: 1 },
    ]);
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 17, reserved: 0, available: 17 });
    expect(await stockOf(ds, b.variantId)).toEqual({ onHand: 19, reserved: 0, available: 19 });
    const history = await ds.query(`SELECT to_status FROM order_history WHERE order_id = $1 ORDER BY created_at, id`, [
      order.id,
    ]);
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual([
      'PLACED',
      'PAID',
      'FULFILLING',
      'DELIVERED',
    ]);
    await expectStockConsistent(ds, a.variantId, 20);
    await expectStockConsistent(ds, b.variantId, 20);

    // Once handed over there is nothing left to hand over.
    expect(await refusal(fulfilment.handOverAtCounter(sys(), order.id, 'JK-0001-0042'))).toBe('ORDER_NOT_SHIPPABLE');
  });

  it('refuses an order of any other channel (guard) and an unpaid counter order, changing nothing', async () => {
    const hall = await channelFixture(ds, { online: true });
    const c = await catalogFixture(server, ds, { stock: 10 });
    const hallOrder = await paidOrder(hall, [{ variantId: c.variantId, quantity: 2 }]);
    expect(await refusal(fulfilment.handOverAtCounter(sys(), hallOrder.id, 'R-1'))).toBe('NOT_A_COUNTER_ORDER');
    expect((await ds.query(`SELECT status FROM orders WHERE id = $1`, [hallOrder.id]))[0].status).toBe('PAID');
    expect((await ds.query(`SELECT status FROM supplier_order WHERE order_id = $1`, [hallOrder.id]))[0].status).toBe(
      'AWAITING_SHIPMENT',
    );
    expect(await count(ds, `SELECT count(*) FROM shipment_allocation WHERE variant_id = $1`, [c.variantId])).toBe(0);
    expect(await stockOf(ds, c.variantId)).toEqual({ onHand: 10, reserved: 2, available: 8 });

    const counter = await counterChannel();
    await place(ds, counter, c.productId);
    const res = await server.gqlOk(
      PLACE,
      placeInput(counter, [{ variantId: c.variantId, quantity: 1 }]),
      customer.token,
    );
    expect(await refusal(fulfilment.handOverAtCounter(sys(), res.placeOrder.id, 'R-2'))).toBe('ORDER_NOT_SHIPPABLE');
    expect((await ds.query(`SELECT status FROM orders WHERE id = $1`, [res.placeOrder.id]))[0].status).toBe('PLACED');
    await expectStockConsistent(ds, c.variantId, 10);
  });
});
