import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { Db, RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, QueueService } from '@bangfu/queue';
import { EXPIRE_JOB, ORDER_EXPIRY_QUEUE } from './order-state.service';
import { OrderService } from './order.service';
import { ORDERING_CONFIG, type OrderingConfig } from './ordering.config';
import {
  DOMAIN_EVENT_CONSUMER,
  DOMAIN_EVENTS_QUEUE,
  type DomainEvent,
  type DomainEventConsumer,
  OutboxService,
} from './outbox.service';

export const OUTBOX_RELAY_QUEUE = 'outbox-relay';
export const RELAY_JOB = 'relay';
export const SWEEP_JOB = 'sweep';

/** Moves committed outbox rows to the `domain-events` queue. */
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
 * `order-expiry`: the delayed job per unpaid order (cancels it if still unpaid past its deadline,
 * otherwise does nothing) and the periodic sweep that catches orders whose job was lost.
 */
@Injectable()
@ProcessesQueue(ORDER_EXPIRY_QUEUE, { concurrency: 2 })
export class OrderExpiryJob implements JobHandler<{ orderId?: string }> {
  private readonly log = new Logger('OrderExpiry');
  constructor(private readonly orders: OrderService) {}

  async handle(job: Pick<Job<{ orderId?: string }>, 'name' | 'data'>): Promise<{ cancelled: number }> {
    if (job.name === EXPIRE_JOB && job.data?.orderId) {
      return {
        cancelled: (await this.orders.expireIfDue(RequestContext.system('order-expiry'), job.data.orderId)) ? 1 : 0,
      };
    }
    if (job.name === SWEEP_JOB) {
      let cancelled = 0;
      for (const id of await this.orders.overdueOrderIds(RequestContext.system('order-expiry-sweep'))) {
        if (await this.orders.expireIfDue(RequestContext.system('order-expiry-sweep'), id)) cancelled += 1;
      }
      if (cancelled) this.log.log(`sweep cancelled ${cancelled} overdue order(s)`);
      return { cancelled };
    }
    return { cancelled: 0 };
  }
}

/** Registers the relay and the expiry sweep once per deployment (scheduler ids make the upsert idempotent). */
@Injectable()
export class OrderingSchedulers implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueService,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.queues
      .queue(OUTBOX_RELAY_QUEUE)
      .upsertJobScheduler(
        'outbox-relay',
        { every: this.config.outboxRelayMs },
        { name: RELAY_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    await this.queues
      .queue(ORDER_EXPIRY_QUEUE)
      .upsertJobScheduler('order-expiry-sweep', { every: this.config.expirySweepMs }, { name: SWEEP_JOB, data: {} });
  }
}

/**
 * The one worker of `domain-events`: runs every consumer that handles the event's type, each in its
 * own transaction together with an outbox_consumption row, so a retried job (BullMQ retries with
 * backoff when any consumer throws) never runs a consumer twice for one event.
 */
@Injectable()
@ProcessesQueue(DOMAIN_EVENTS_QUEUE, { concurrency: 4 })
export class DomainEventDispatcher implements JobHandler<DomainEvent> {
  private consumersCache: DomainEventConsumer[] | null = null;
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly db: Db,
  ) {}

  consumers(): DomainEventConsumer[] {
    this.consumersCache ??= this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(DOMAIN_EVENT_CONSUMER, w.metatype))
      .map((w) => w.instance as DomainEventConsumer);
    return this.consumersCache;
  }

  async handle(job: Pick<Job<DomainEvent>, 'data'>): Promise<{ consumers: string[] }> {
    const event = job.data;
    const ran: string[] = [];
    for (const consumer of this.consumers().filter((c) => c.handles(event.type))) {
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
