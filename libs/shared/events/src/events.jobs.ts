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

/**
 * The one worker of `domain-events`: runs every consumer subscribed to the event, each together with an
 * outbox_consumption row in the same transaction, so a retried job (BullMQ retries with backoff when
 * any consumer throws) never runs a consumer twice for one event. Consumers of every lib share this
 * worker instead of adding a second one to the queue, which would split the events between them.
 *
 * All of an event's consumers first run in ONE transaction, claimed by one statement (an order.placed
 * has three consumers: one transaction and one claim instead of three of each, issue 16's W3). If one
 * of them throws, that transaction rolls back whole, and the event goes as it did before: each
 * consumer ahead of the failed one in its own transaction (they commit), then the failed one's error
 * fails the job, which BullMQ retries with backoff — the failed consumer is not run again at once.
 */
@Injectable()
@ProcessesQueue(DOMAIN_EVENTS_QUEUE, { concurrency: 4 })
export class DomainEventDispatcher implements JobHandler<ReceivedEvent> {
  private readonly log = new Logger('DomainEventDispatcher');
  constructor(
    private readonly registry: EventConsumerRegistry,
    private readonly db: Db,
  ) {}

  async handle(job: Pick<Job<ReceivedEvent>, 'data'>): Promise<{ consumers: string[] }> {
    const event = job.data;
    const consumers = this.registry.consumersOf(event.type);
    if (consumers.length === 0) return { consumers: [] };
    if (consumers.length === 1) return { consumers: await this.oneByOne(event, consumers) };
    const failed: { consumer?: EventConsumer } = {};
    try {
      return { consumers: await this.together(event, consumers, failed) };
    } catch (e) {
      this.log.warn(`${event.type} ${event.id}: consumers one by one after: ${(e as Error).message}`);
      if (!failed.consumer) return { consumers: await this.oneByOne(event, consumers) };
      await this.oneByOne(event, consumers.slice(0, consumers.indexOf(failed.consumer)));
      throw e;
    }
  }

  /**
   * Every consumer not yet run for the event, in one transaction (each with its own context name);
   * `failed` names the consumer that threw, if one did.
   */
  private together(
    event: ReceivedEvent,
    consumers: EventConsumer[],
    failed: { consumer?: EventConsumer },
  ): Promise<string[]> {
    return this.db.transaction(RequestContext.system('event-dispatch'), async (tx) => {
      const claimed: Array<{ consumer: string }> = await this.db
        .manager(tx)
        .query(
          prepared(
            `INSERT INTO outbox_consumption (event_id, consumer) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING consumer`,
          ),
          [event.id, consumers.map((c) => c.consumer)],
        );
      const mine = new Set(claimed.map((r) => r.consumer));
      const ran: string[] = [];
      for (const consumer of consumers) {
        if (!mine.has(consumer.consumer)) continue;
        failed.consumer = consumer;
        await consumer.handle(RequestContext.system(`event-${consumer.consumer}`).withManager(tx.em!), event);
        failed.consumer = undefined;
        ran.push(consumer.consumer);
      }
      return ran;
    });
  }

  /** Each consumer in its own transaction with its claim; the first that throws fails the job. */
  private async oneByOne(event: ReceivedEvent, consumers: EventConsumer[]): Promise<string[]> {
    const ran: string[] = [];
    for (const consumer of consumers) ran.push(...(await this.together(event, [consumer], {})));
    return ran;
  }
}
