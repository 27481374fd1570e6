import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Db, RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue } from '@bangfu/queue';
import { EventConsumerRegistry } from './consumer-registry';
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
 * The one worker of `domain-events`: runs every consumer subscribed to the event, each in its own
 * transaction together with an outbox_consumption row, so a retried job (BullMQ retries with backoff
 * when any consumer throws) never runs a consumer twice for one event. Consumers of every lib share
 * this worker instead of adding a second one to the queue, which would split the events between them.
 */
@Injectable()
@ProcessesQueue(DOMAIN_EVENTS_QUEUE, { concurrency: 4 })
export class DomainEventDispatcher implements JobHandler<ReceivedEvent> {
  constructor(
    private readonly registry: EventConsumerRegistry,
    private readonly db: Db,
  ) {}

  async handle(job: Pick<Job<ReceivedEvent>, 'data'>): Promise<{ consumers: string[] }> {
    const event = job.data;
    const ran: string[] = [];
    for (const consumer of this.registry.consumersOf(event.type)) {
      const done = await this.db.transaction(RequestContext.system(`event-${consumer.consumer}`), async (tx) => {
        const claimed: unknown[] = await this.db
          .manager(tx)
          .query(
            `INSERT INTO outbox_consumption (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
            [event.id, consumer.consumer],
          );
        if (claimed.length === 0) return false;
        await consumer.handle(tx, event);
        return true;
      });
      if (done) ran.push(consumer.consumer);
    }
    return { consumers: ran };
  }
}
