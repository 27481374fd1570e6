import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { OUTBOX_RELAY_QUEUE, RELAY_JOB } from '@bangfu/events';
import { type JobHandler, ProcessesQueue, QueueService } from '@bangfu/queue';
import { EXPIRE_DUE_JOB, EXPIRE_JOB, ORDER_EXPIRY_QUEUE } from './order-state.service';
import { OrderService } from './order.service';
import { ORDERING_CONFIG, type OrderingConfig } from './ordering.config';

export const SWEEP_JOB = 'sweep';
/** Overdue orders read per round of a sweep (a shorter read means none are left). */
const OVERDUE_BATCH = 500;

/**
 * `order-expiry`: the delayed job of one order (an approved agency order, an extended deadline:
 * cancels it if still unpaid past its deadline, otherwise does nothing), the delayed job of a bucket
 * of retail deadlines (`expire-due`: every order unpaid past its deadline by then) and the periodic
 * sweep that catches orders whose job was lost — the last two do the same.
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
    if (job.name === SWEEP_JOB || job.name === EXPIRE_DUE_JOB) {
      const cancelled = await this.expireOverdue(`order-${job.name}`);
      if (cancelled && job.name === SWEEP_JOB) this.log.log(`sweep cancelled ${cancelled} overdue order(s)`);
      return { cancelled };
    }
    return { cancelled: 0 };
  }

  /** Every order unpaid past its deadline, each in its own transaction, in batches of OVERDUE_BATCH (at most 50). */
  private async expireOverdue(label: string): Promise<number> {
    let cancelled = 0;
    for (let round = 0; round < 50; round++) {
      const ids = await this.orders.overdueOrderIds(RequestContext.system(label), new Date(), OVERDUE_BATCH);
      for (const id of ids) if (await this.orders.expireIfDue(RequestContext.system(label), id)) cancelled += 1;
      if (ids.length < OVERDUE_BATCH) break;
    }
    return cancelled;
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
