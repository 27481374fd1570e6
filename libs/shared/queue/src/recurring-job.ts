import { Inject, Injectable, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { QueueService } from './queue';

/**
 * A provider that registers one recurring job at boot. Every API and worker process may do so: the scheduler
 * id makes BullMQ's upsert idempotent, so a deployment has the schedule once. A string `when` is a cron
 * pattern in Asia/Shanghai time, a number an interval in milliseconds.
 */
export function recurringJob(
  queue: string,
  schedulerId: string,
  when: string | number,
  job: { name: string; opts?: JobsOptions },
): Type<OnApplicationBootstrap> {
  const repeat = typeof when === 'number' ? { every: when } : { pattern: when, tz: 'Asia/Shanghai' };
  const template = job.opts ? { name: job.name, data: {}, opts: job.opts } : { name: job.name, data: {} };
  @Injectable()
  class RecurringJobScheduler implements OnApplicationBootstrap {
    constructor(@Inject(QueueService) private readonly queues: QueueService) {}

    async onApplicationBootstrap(): Promise<void> {
      await this.queues.queue(queue).upsertJobScheduler(schedulerId, repeat, template);
    }
  }
  return RecurringJobScheduler;
}
