import { Injectable, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RequestContext, RequestContext as Ctx, Role } from '@bangfu/core';
import { QueueService } from '@bangfu/queue';
import { outboxEventsOf, outboxJob, statementsDuring, type TestServer } from '@bangfu/testing';
import {
  ConsumesEvents,
  DOMAIN_EVENTS_QUEUE,
  DomainEventDispatcher,
  type EventConsumer,
  OrderPaid,
  OutboxRelayJob,
  OutboxService,
  type ReceivedEvent,
} from '@bangfu/events';
import { OrderService } from './order.service';
import {
  actor,
  type Actor,
  agencyPurchaser,
  catalogFixture,
  channelFixture,
  count,
  PLACE,
  placeApprovedAgencyOrder,
  placeInput,
  startOrderingServer,
} from './test-helpers';

/** A second consumer, as another domain (ledger, attribution) would register one; fails once to prove retries are per consumer. */
const seen: string[] = [];
let failOnce = true;
@Injectable()
@ConsumesEvents(OrderPaid)
class FlakyConsumer implements EventConsumer {
  readonly consumer = 'test.flaky';
  async handle(_ctx: RequestContext, event: ReceivedEvent) {
    if (failOnce) {
      failOnce = false;
      throw new Error('transient');
    }
    seen.push(event.id);
  }
}
@Module({ providers: [FlakyConsumer] })
class FlakyModule {}

let server: TestServer;
let ds: DataSource;
let hall: string;
let customer: Actor;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer({ extraImports: [FlakyModule] }));
  hall = await channelFixture(ds, { online: true });
  customer = await actor(server, ds, Role.CUSTOMER);
});
afterAll(() => server?.close());

describe('outbox relay and domain events', () => {
  it('relays committed events to the domain-events queue with the outbox id as job id, once', async () => {
    const v = await catalogFixture(server, ds);
    const order = (
      await server.gqlOk(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), customer.token)
    ).placeOrder;
    const [row] = await ds.query(
      `SELECT id, published_at FROM outbox_event WHERE aggregate_id = $1 AND type = 'order.placed'`,
      [order.id],
    );
    expect(row.published_at).toBeNull();
    const relayed = await server.app.get(OutboxRelayJob).handle({ name: 'relay' });
    expect(relayed.relayed).toBeGreaterThanOrEqual(1);
    const [after] = await ds.query(`SELECT published_at FROM outbox_event WHERE id = $1`, [row.id]);
    expect(after.published_at).not.toBeNull();
    const job = await server.app.get(QueueService).queue(DOMAIN_EVENTS_QUEUE).getJob(row.id);
    expect(job?.name).toBe('order.placed');
    expect(job?.data).toMatchObject({
      id: row.id,
      type: 'order.placed',
      aggregateId: order.id,
      payload: { orderId: order.id, amounts: { total: order.totalAmount } },
    });
    expect(await server.app.get(OutboxService).relay(Ctx.system('test'))).toBe(0);
    expect(await count(ds, `SELECT count(*) FROM outbox_event WHERE published_at IS NULL`)).toBe(0);
  });

  it('an event relayed twice (relay died before marking) is still one job', async () => {
    const v = await catalogFixture(server, ds);
    const order = (
      await server.gqlOk(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), customer.token)
    ).placeOrder;
    await server.app.get(OutboxService).relay(Ctx.system('test'));
    await ds.query(`UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = $1`, [order.id]);
    await server.app.get(OutboxService).relay(Ctx.system('test'));
    const [row] = await ds.query(`SELECT id FROM outbox_event WHERE aggregate_id = $1`, [order.id]);
    const queue = server.app.get(QueueService).queue(DOMAIN_EVENTS_QUEUE);
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter(
      (j) => j.data?.aggregateId === order.id,
    );
    expect(jobs.map((j) => j.id)).toEqual([row.id]);
  });

  it('notifies buyer and suppliers once per event, and retries only the consumer that failed', async () => {
    const a = await catalogFixture(server, ds);
    const b = await catalogFixture(server, ds);
    const buyer = await agencyPurchaser(server, ds);
    const order = await placeApprovedAgencyOrder(server, buyer, hall, [
      { variantId: a.variantId, quantity: 1 },
      { variantId: b.variantId, quantity: 1 },
    ]);
    await server.app
      .get(OrderService)
      .markPaid(Ctx.system('test'), order.id, { paymentId: 'pi_evt', amount: order.totalAmount });
    // An agency order is created awaiting approval; the events from its approval (PLACED) on are this test's.
    const events = (await outboxEventsOf(ds, order.id)).filter((e) => e.type !== 'order.pending_approval');
    expect(events.map((e: any) => e.type)).toEqual(['order.placed', 'order.paid']);
    const dispatcher = server.app.get(DomainEventDispatcher);

    expect(await dispatcher.handle(outboxJob(events[0]))).toEqual({ consumers: ['ordering.notifications'] });
    // order.paid: notifications succeed, the flaky consumer throws → the job fails and is retried.
    await expect(dispatcher.handle(outboxJob(events[1]))).rejects.toThrow('transient');
    expect(await dispatcher.handle(outboxJob(events[1]))).toEqual({ consumers: ['test.flaky'] });
    expect(seen).toEqual([events[1].id]);
    expect(await dispatcher.handle(outboxJob(events[1]))).toEqual({ consumers: [] });

    const notes = await ds.query(
      `SELECT recipient_org_id, recipient_user_id, kind, title, data FROM notification WHERE data->>'orderId' = $1 ORDER BY created_at`,
      [order.id],
    );
    const kinds = (orgId: string) => notes.filter((n: any) => n.recipient_org_id === orgId).map((n: any) => n.kind);
    expect(kinds(buyer.organizationId)).toEqual(['ORDER_PLACED', 'ORDER_PAID']);
    expect(kinds(a.supplierId)).toEqual(['ORDER_PLACED', 'ORDER_PAID']);
    expect(kinds(b.supplierId)).toEqual(['ORDER_PLACED', 'ORDER_PAID']);
    expect(notes[0].title).toContain(order.orderNo);
    expect(
      await count(ds, `SELECT count(*) FROM outbox_consumption WHERE event_id = ANY($1::uuid[])`, [
        events.map((e: any) => e.id),
      ]),
    ).toBe(3);
  });

  it('retail buyers are notified as users', async () => {
    const v = await catalogFixture(server, ds);
    const order = (
      await server.gqlOk(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), customer.token)
    ).placeOrder;
    const [e] = await outboxEventsOf(ds, order.id);
    await server.app.get(DomainEventDispatcher).handle(outboxJob(e));
    expect(
      await count(
        ds,
        `SELECT count(*) FROM notification WHERE recipient_user_id = $1 AND kind = 'ORDER_PLACED' AND data->>'orderId' = $2`,
        [customer.userId, order.id],
      ),
    ).toBe(1);
  });

  it('reads a channel’s kind once per process, not once per event (issue 16, W3)', async () => {
    const v = await catalogFixture(server, ds);
    const events: Array<Parameters<typeof outboxJob>[0]> = [];
    for (let i = 0; i < 2; i++) {
      const order = (
        await server.gqlOk(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), customer.token)
      ).placeOrder;
      events.push((await outboxEventsOf(ds, order.id))[0]);
    }
    const dispatcher = server.app.get(DomainEventDispatcher);
    await dispatcher.handle(outboxJob(events[0]));
    const statements = await statementsDuring(() => dispatcher.handle(outboxJob(events[1])));
    expect(statements.some((q) => /INSERT INTO notification/.test(q))).toBe(true);
    expect(statements.filter((q) => /FROM channel_directory WHERE id/.test(q))).toEqual([]);
  });

  it('notifies a batch of order events in one statement, each order with its own title', async () => {
    const v = await catalogFixture(server, ds);
    const orders = [];
    for (let i = 0; i < 3; i++)
      orders.push(
        (await server.gqlOk(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), customer.token))
          .placeOrder,
      );
    const events = await Promise.all(orders.map(async (o) => (await outboxEventsOf(ds, o.id))[0]));
    const dispatcher = server.app.get(DomainEventDispatcher);
    // Jobs the worker holds at once reach the dispatcher together.
    const statements = await statementsDuring(() => Promise.all(events.map((e) => dispatcher.handle(outboxJob(e)))));
    expect(statements.filter((q) => /INSERT INTO notification/.test(q))).toHaveLength(1);
    for (const o of orders) {
      const notes = await ds.query(
        `SELECT recipient_user_id, recipient_org_id, title FROM notification WHERE kind = 'ORDER_PLACED' AND data->>'orderId' = $1 ORDER BY recipient_org_id NULLS FIRST`,
        [o.id],
      );
      expect(notes).toEqual([
        { recipient_user_id: customer.userId, recipient_org_id: null, title: expect.stringContaining(o.orderNo) },
        { recipient_user_id: null, recipient_org_id: v.supplierId, title: expect.stringContaining(o.orderNo) },
      ]);
    }
  });
});
