import { Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, RequestContext } from '@bangfu/core';
import { QueueService } from '@bangfu/queue';
// The harness boots a real app around the outbox; only this spec (not the lib) uses it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startWithDataSource, type TestServer } from '@bangfu/testing';
import { ConsumesEvents, type EventConsumer, subscriptionsOf } from './consumer-registry';
import { defineEvent, isEvent, type ReceivedEvent } from './domain-event';
import { DomainEventDispatcher, OutboxRelayJob, RELAY_JOB } from './events.jobs';
import { EventsModule } from './events.module';
import { DOMAIN_EVENTS_QUEUE, OutboxService } from './outbox.service';

class ParcelWeighed extends defineEvent<{ parcelId: string; grams: number; at: Date }>('test.parcel_weighed', 3) {}
class ParcelLost extends defineEvent<{ parcelId: string }>('test.parcel_lost') {}

/** Sees ParcelWeighed in the publishing transaction and after commit; writes what it saw to prove the transaction is shared. */
const inTransaction: Array<ReceivedEvent<unknown>> = [];
const afterCommit: string[] = [];
/** Each after-commit run's transaction id, by event id, in the order the consumers ran. */
const transactionsOf = new Map<string, string[]>();
const noteTransaction = async (db: Db, ctx: RequestContext, eventId: string) => {
  const [{ id }] = await db.manager(ctx).query(`SELECT txid_current()::text AS id`);
  transactionsOf.set(eventId, [...(transactionsOf.get(eventId) ?? []), id]);
};
/** Parcels whose loss LostConsumer fails on (until taken out): a consumer that throws. */
const failingParcels = new Set<string>();
@Injectable()
@ConsumesEvents(ParcelWeighed, ParcelLost)
class ScaleConsumer implements EventConsumer<{ parcelId: string }> {
  readonly consumer = 'test.scale';
  constructor(private readonly db: Db) {}
  async handle(ctx: RequestContext, event: ReceivedEvent<{ parcelId: string }>) {
    await noteTransaction(this.db, ctx, event.id);
    afterCommit.push(`${event.type}:${event.payload.parcelId}`);
  }
  async handleInTransaction(tx: RequestContext, event: ReceivedEvent<{ parcelId: string }>) {
    inTransaction.push(event);
    // Inside the publisher's transaction: the event row is visible here before commit.
    const [row] = await this.db
      .manager(tx)
      .query(`SELECT count(*)::int AS n FROM outbox_event WHERE id = $1`, [event.id]);
    if (row.n !== 1) throw new Error('not in the publishing transaction');
  }
}

/** Only after commit, and only for ParcelLost. */
const lost: string[] = [];
@Injectable()
@ConsumesEvents(ParcelLost)
class LostConsumer implements EventConsumer<{ parcelId: string }> {
  readonly consumer = 'test.lost';
  constructor(private readonly db: Db) {}
  async handle(ctx: RequestContext, event: ReceivedEvent<{ parcelId: string }>) {
    if (!isEvent(event, ParcelLost)) throw new Error('subscribed to ParcelLost only');
    await noteTransaction(this.db, ctx, event.id);
    if (failingParcels.has(event.payload.parcelId)) throw new Error(`cannot record ${event.payload.parcelId}`);
    lost.push(event.payload.parcelId);
  }
}

class ParcelSorted extends defineEvent<{ parcelId: string }>('test.parcel_sorted') {}

/** Takes its events in batches: each call's parcel ids, in the order given. */
const sortedBatches: string[][] = [];
@Injectable()
@ConsumesEvents(ParcelSorted)
class SorterConsumer implements EventConsumer<{ parcelId: string }> {
  readonly consumer = 'test.sorter';
  constructor(private readonly db: Db) {}
  handle(ctx: RequestContext, event: ReceivedEvent<{ parcelId: string }>) {
    return this.handleBatch(ctx, [event]);
  }
  async handleBatch(ctx: RequestContext, events: Array<ReceivedEvent<{ parcelId: string }>>) {
    for (const e of events) await noteTransaction(this.db, ctx, e.id);
    sortedBatches.push(events.map((e) => e.payload.parcelId));
  }
}

@Module({ imports: [EventsModule], providers: [ScaleConsumer, LostConsumer, SorterConsumer] })
class ParcelsModule {}

let server: TestServer;
let ds: DataSource;
beforeAll(async () => {
  ({ server, ds } = await startWithDataSource({ imports: [ParcelsModule] }));
});
afterAll(() => server?.close());

const sys = () => RequestContext.system('events-spec');
const parcel = (): string => crypto.randomUUID();

describe('typed events through the outbox', () => {
  it('declares name, version and subscriptions on the classes', () => {
    const e = new ParcelWeighed(parcel(), { parcelId: 'p', grams: 5, at: new Date() });
    expect([e.eventName, e.version, ParcelLost.version]).toEqual(['test.parcel_weighed', 3, 1]);
    expect(subscriptionsOf(ScaleConsumer)).toEqual(['test.parcel_weighed', 'test.parcel_lost']);
    expect(subscriptionsOf(LostConsumer)).toEqual(['test.parcel_lost']);
    expect(subscriptionsOf(ParcelsModule)).toEqual([]);
  });

  it('writes the row with its version in the caller’s transaction and runs in-transaction consumers with the payload as stored', async () => {
    const id = parcel();
    const at = new Date('2026-03-01T08:00:00Z');
    const db = server.app.get(Db);
    const outbox = server.app.get(OutboxService);
    const eventId = await db.transaction(sys(), (tx) =>
      outbox.publish(tx, new ParcelWeighed(id, { parcelId: id, grams: 1250, at })),
    );
    const [row] = await ds.query(`SELECT type, version, aggregate_id, payload FROM outbox_event WHERE id = $1`, [
      eventId,
    ]);
    expect(row).toEqual({
      type: 'test.parcel_weighed',
      version: 3,
      aggregate_id: id,
      payload: { parcelId: id, grams: 1250, at: at.toISOString() },
    });
    const seen = inTransaction.find((e) => e.id === eventId)!;
    // What the after-commit consumers will read back from jsonb: the date as a string.
    expect(seen).toMatchObject({ type: 'test.parcel_weighed', version: 3, payload: row.payload });
    expect(lost).toEqual([]);

    // A rolled-back transaction leaves no event.
    const other = parcel();
    await expect(
      db.transaction(sys(), async (tx) => {
        await outbox.publish(tx, new ParcelLost(other, { parcelId: other }));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ds.query(`SELECT id FROM outbox_event WHERE aggregate_id = $1`, [other])).toEqual([]);
  });

  it('relays with the version and runs each subscribed consumer once per event', async () => {
    const id = parcel();
    const outbox = server.app.get(OutboxService);
    const eventId = await server.app
      .get(Db)
      .transaction(sys(), (tx) => outbox.publish(tx, new ParcelLost(id, { parcelId: id })));
    expect(await server.app.get(OutboxRelayJob).handle({ name: RELAY_JOB })).toMatchObject({
      relayed: expect.any(Number),
    });
    const job = await server.app.get(QueueService).queue(DOMAIN_EVENTS_QUEUE).getJob(eventId);
    expect(job?.data).toMatchObject({ id: eventId, type: 'test.parcel_lost', version: 1, aggregateId: id });

    const dispatcher = server.app.get(DomainEventDispatcher);
    expect(await dispatcher.handle({ data: job!.data })).toEqual({ consumers: ['test.scale', 'test.lost'] });
    // A retried job: both consumers recorded their consumption with their effects, so nothing runs twice.
    expect(await dispatcher.handle({ data: job!.data })).toEqual({ consumers: [] });
    expect(lost).toEqual([id]);
    expect(afterCommit.filter((s) => s.endsWith(id))).toEqual([`test.parcel_lost:${id}`]);
    expect(
      await ds.query(`SELECT consumer FROM outbox_consumption WHERE event_id = $1 ORDER BY consumer`, [eventId]),
    ).toEqual([{ consumer: 'test.lost' }, { consumer: 'test.scale' }]);
  });

  const relayed = async (id: string) => {
    const outbox = server.app.get(OutboxService);
    const eventId = await server.app
      .get(Db)
      .transaction(sys(), (tx) => outbox.publish(tx, new ParcelLost(id, { parcelId: id })));
    await server.app.get(OutboxRelayJob).handle({ name: RELAY_JOB });
    const job = await server.app.get(QueueService).queue(DOMAIN_EVENTS_QUEUE).getJob(eventId);
    return { eventId, data: job!.data as ReceivedEvent };
  };

  it('runs all of an event’s consumers in one transaction', async () => {
    const { eventId, data } = await relayed(parcel());
    expect(await server.app.get(DomainEventDispatcher).handle({ data })).toEqual({
      consumers: ['test.scale', 'test.lost'],
    });
    const [scale, lostTx] = transactionsOf.get(eventId)!;
    expect(lostTx).toBe(scale);
  });

  it('when one consumer throws, the others still commit and only it runs again on the retry', async () => {
    const id = parcel();
    failingParcels.add(id);
    const { eventId, data } = await relayed(id);
    const dispatcher = server.app.get(DomainEventDispatcher);
    await expect(dispatcher.handle({ data })).rejects.toThrow(`cannot record ${id}`);
    expect(await ds.query(`SELECT consumer FROM outbox_consumption WHERE event_id = $1`, [eventId])).toEqual([
      { consumer: 'test.scale' },
    ]);
    failingParcels.delete(id);
    expect(await dispatcher.handle({ data })).toEqual({ consumers: ['test.lost'] });
    expect(lost).toContain(id);
  });

  /** Published and relayed, each as the job the worker would take. */
  const relayedAll = async (events: Array<ParcelLost | ParcelSorted>) => {
    const outbox = server.app.get(OutboxService);
    const ids = await server.app
      .get(Db)
      .transaction(sys(), async (tx) => Promise.all(events.map((e) => outbox.publish(tx, e))));
    await server.app.get(OutboxRelayJob).handle({ name: RELAY_JOB });
    const queue = server.app.get(QueueService).queue(DOMAIN_EVENTS_QUEUE);
    return Promise.all(ids.map(async (id) => ({ eventId: id, data: (await queue.getJob(id))!.data as ReceivedEvent })));
  };

  it('runs the events of concurrent jobs in one transaction, each consumer’s in order, a batching one in one call', async () => {
    const parcels = [parcel(), parcel(), parcel(), parcel(), parcel()];
    const jobs = await relayedAll([
      new ParcelSorted(parcels[0], { parcelId: parcels[0] }),
      new ParcelLost(parcels[1], { parcelId: parcels[1] }),
      new ParcelSorted(parcels[2], { parcelId: parcels[2] }),
      new ParcelLost(parcels[3], { parcelId: parcels[3] }),
      new ParcelSorted(parcels[4], { parcelId: parcels[4] }),
    ]);
    const dispatcher = server.app.get(DomainEventDispatcher);
    const results = await Promise.all(jobs.map(({ data }) => dispatcher.handle({ data })));
    expect(results.map((r) => r.consumers)).toEqual([
      ['test.sorter'],
      ['test.scale', 'test.lost'],
      ['test.sorter'],
      ['test.scale', 'test.lost'],
      ['test.sorter'],
    ]);
    expect(new Set(jobs.flatMap((j) => transactionsOf.get(j.eventId)!)).size).toBe(1);
    expect(sortedBatches).toContainEqual([parcels[0], parcels[2], parcels[4]]);
    expect(lost.filter((p) => parcels.includes(p))).toEqual([parcels[1], parcels[3]]);
    // Retried jobs find every consumer recorded.
    const again = await Promise.all(jobs.map(({ data }) => dispatcher.handle({ data })));
    expect(again.map((r) => r.consumers)).toEqual([[], [], [], [], []]);
  });

  it('when an event of a batch fails, the others commit and only its job fails', async () => {
    const [good, bad] = [parcel(), parcel()];
    failingParcels.add(bad);
    const jobs = await relayedAll([new ParcelLost(good, { parcelId: good }), new ParcelLost(bad, { parcelId: bad })]);
    const dispatcher = server.app.get(DomainEventDispatcher);
    const [ok, failed] = await Promise.allSettled(jobs.map(({ data }) => dispatcher.handle({ data })));
    expect(ok).toEqual({ status: 'fulfilled', value: { consumers: ['test.scale', 'test.lost'] } });
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: `cannot record ${bad}` } });
    const consumed = (eventId: string) =>
      ds.query(`SELECT consumer FROM outbox_consumption WHERE event_id = $1 ORDER BY consumer`, [eventId]);
    expect(await consumed(jobs[0].eventId)).toEqual([{ consumer: 'test.lost' }, { consumer: 'test.scale' }]);
    expect(await consumed(jobs[1].eventId)).toEqual([{ consumer: 'test.scale' }]);
    failingParcels.delete(bad);
    expect(await dispatcher.handle({ data: jobs[1].data })).toEqual({ consumers: ['test.lost'] });
    expect(lost).toEqual(expect.arrayContaining([good, bad]));
  });
});
