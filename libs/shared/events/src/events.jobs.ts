import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Db, prepared, RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue } from '@bangfu/queue';
import { type EventConsumer, EventConsumerRegistry } from './consumer-registry';
import type { ReceivedEvent } from './domain-event';
import { DOMAIN_EVENTS_QUEUE, OutboxService } from './outbox.service';

export const OUTBOX_RELAY_QUEUE = 'outbox-relay';
export const RELAY_JOB = 'relay';

/** Moves committed outbox rows to the `domain-events` queue (the publisher schedules it: see ordering's schedulers). */
@Injectable()
@ProcessesQueue(OUTBOX_RELAY_QUEUE, { concurrency: 1 })
export class OutboxRelayJob implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: Pick<Job, 'name'>): Promise<{ relayed: number }> {
    if (job.name !== RELAY_JOB) return { relayed: 0 };
    let relayed = 0;
    // Drain what is there now, in batches, without looping forever under constant load.
    for (let i = 0; i < 10; i++) {
      const n = await this.outbox.relay(RequestContext.system('outbox-relay'));
      relayed += n;
      if (n === 0) break;
    }
    return { relayed };
  }
}

/** How long the dispatcher gathers the events of concurrently active jobs before running them together. */
const BATCH_WINDOW_MS = 10;
/** At most this many events run in one transaction (the worker's concurrency bounds it too). */
const MAX_BATCH = 64;

interface Pending {
  event: ReceivedEvent;
  done: (r: { consumers: string[] }) => void;
  fail: (e: unknown) => void;
}

/**
 * The one worker of `domain-events`: runs every consumer subscribed to an event, each together with an
 * outbox_consumption row in the same transaction, so a retried job (BullMQ retries with backoff when
 * any consumer throws) never runs a consumer twice for one event. Consumers of every lib share this
 * worker instead of adding a second one to the queue, which would split the events between them.
 *
 * Events run in batches (issue 16, W3): the worker takes many jobs at once, and the events of the jobs
 * that arrive within BATCH_WINDOW_MS go through their consumers in ONE transaction, claimed by one
 * statement — each consumer in discovery order takes all of its events (its `handleBatch` when it has one,
 * else `handle` per event in publishing order), so for any one event its consumers still run in the same
 * order, and each consumer still sees its events in order. A job answers when its batch commits.
 *
 * When anything in a batch throws, the batch rolls back whole and each of its events goes on its own, as
 * a single event always did: its consumers in one transaction; if one throws, each consumer ahead of the
 * failed one in its own transaction (they commit), then the failed one's error fails that event's job,
 * which BullMQ retries with backoff — the failed consumer is not run again at once.
 */
@Injectable()
@ProcessesQueue(DOMAIN_EVENTS_QUEUE, { concurrency: MAX_BATCH })
export class DomainEventDispatcher implements JobHandler<ReceivedEvent> {
  private readonly log = new Logger('DomainEventDispatcher');
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly registry: EventConsumerRegistry,
    private readonly db: Db,
  ) {}

  /** The consumers that ran for the job's event (none when every one had already run for it). */
  handle(job: Pick<Job<ReceivedEvent>, 'data'>): Promise<{ consumers: string[] }> {
    return new Promise((done, fail) => {
      this.pending.push({ event: job.data, done, fail });
      if (this.pending.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0);
    // runBatch settles every job itself; should it ever throw past that (a bug), the jobs fail rather than hang.
    if (batch.length > 0) this.runBatch(batch).catch((e: unknown) => batch.forEach((p) => p.fail(e)));
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const ran = await this.together(
          batch.map((p) => p.event),
          {},
        );
        batch.forEach((p, i) => p.done({ consumers: ran[i] }));
        return;
      } catch (e) {
        this.log.warn(`${batch.length} events: each on its own after: ${(e as Error).message}`);
      }
    }
    for (const p of batch) await this.dispatch(p.event).then(p.done, p.fail);
  }

  /** One event: its consumers together, else one by one up to the one that fails (which fails the job). */
  private async dispatch(event: ReceivedEvent): Promise<{ consumers: string[] }> {
    const consumers = this.registry.consumersOf(event.type);
    if (consumers.length === 0) return { consumers: [] };
    if (consumers.length === 1) return { consumers: await this.oneByOne(event, consumers) };
    const failed: { consumer?: EventConsumer } = {};
    try {
      return { consumers: (await this.together([event], failed, consumers))[0] };
    } catch (e) {
      this.log.warn(`${event.type} ${event.id}: consumers one by one after: ${(e as Error).message}`);
      if (!failed.consumer) return { consumers: await this.oneByOne(event, consumers) };
      await this.oneByOne(event, consumers.slice(0, consumers.indexOf(failed.consumer)));
      throw e;
    }
  }

  /**
   * The events' consumers (every subscribed one, or `only`) not yet run for them, in one transaction (each
   * consumer with its own context name); returns, per event, the consumers that ran. `failed` names the
   * consumer that threw, if one did.
   */
  private together(
    events: ReceivedEvent[],
    failed: { consumer?: EventConsumer },
    only?: EventConsumer[],
  ): Promise<string[][]> {
    const consumers = only ?? this.registry.consumers();
    const pairs = events.flatMap((e) =>
      consumers.filter((c) => only || this.registry.consumersOf(e.type).includes(c)).map((c) => [e.id, c.consumer]),
    );
    const ran = events.map((): string[] => []);
    if (pairs.length === 0) return Promise.resolve(ran);
    return this.db.transaction(RequestContext.system('event-dispatch'), async (tx) => {
      const claimed: Array<{ event_id: string; consumer: string }> = await this.db
        .manager(tx)
        .query(
          prepared(
            `INSERT INTO outbox_consumption (event_id, consumer) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING RETURNING event_id, consumer`,
          ),
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
      const mine = new Set(claimed.map((r) => `${r.event_id}|${r.consumer}`));
      for (const consumer of consumers) {
        const indexes = events.flatMap((e, i) => (mine.has(`${e.id}|${consumer.consumer}`) ? [i] : []));
        if (indexes.length === 0) continue;
        failed.consumer = consumer;
        const ctx = RequestContext.system(`event-${consumer.consumer}`).withManager(tx.em!);
        if (consumer.handleBatch && indexes.length > 1)
          await consumer.handleBatch(
            ctx,
            indexes.map((i) => events[i]),
          );
        else for (const i of indexes) await consumer.handle(ctx, events[i]);
        failed.consumer = undefined;
        for (const i of indexes) ran[i].push(consumer.consumer);
      }
      return ran;
    });
  }

  /** Each consumer in its own transaction with its claim; the first that throws fails the job. */
  private async oneByOne(event: ReceivedEvent, consumers: EventConsumer[]): Promise<string[]> {
    const ran: string[] = [];
    for (const consumer of consumers) ran.push(...(await this.together([event], {}, [consumer]))[0]);
    return ran;
  }
}
