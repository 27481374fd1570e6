import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { OUTBOX_RELAY_QUEUE, RELAY_JOB } from '@bangfu/events';
import { type JobHandler, ProcessesQueue, QueueService } from '@bangfu/queue';
import { EXPIRE_JOB, ORDER_EXPIRY_QUEUE } from './order-state.service';
import { OrderService } from './order.service';
import { ORDERING_CONFIG, type OrderingConfig } from './ordering.config';

export const SWEEP_JOB = 'sweep';

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

/** Registers the outbox relay (libs/shared/events; ordering is its publisher, ORDER_OUTBOX_RELAY_MS) and the expiry sweep once per deployment (scheduler ids make the upsert idempotent). */
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
