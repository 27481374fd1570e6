import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, recurringJob } from '@bangfu/queue';
import { SupervisionService } from './supervision.service';

export const SUPERVISION_QUEUE = 'procurement-supervision';
export const SNAPSHOT_SCHEDULER_ID = 'completion-month-end-snapshot';
export const SNAPSHOT_JOB = 'publish-previous-month';

/**
 * Month-end snapshots: every day at 00:30 Asia/Shanghai the previous month is published if it is not
 * yet (so a day the workers were down is caught up the next day). Idempotent: a published month is
 * left alone.
 */
@Injectable()
@ProcessesQueue(SUPERVISION_QUEUE, { concurrency: 1 })
export class CompletionSnapshotJob implements JobHandler<{ now?: string }> {
  constructor(private readonly supervision: SupervisionService) {}

  async handle(job: Pick<Job<{ now?: string }>, 'name' | 'data'>): Promise<{ published: string | null }> {
    if (job.name !== SNAPSHOT_JOB) return { published: null };
    const now = job.data?.now ? new Date(job.data.now) : new Date();
    const info = await this.supervision.publishPreviousMonth(RequestContext.system('completion-snapshot'), now);
    return { published: info ? `${info.year}-${info.month}` : null };
  }
}

/** The daily run, 00:30 Asia/Shanghai. */
export const CompletionSnapshotScheduler = recurringJob(SUPERVISION_QUEUE, SNAPSHOT_SCHEDULER_ID, '30 0 * * *', {
  name: SNAPSHOT_JOB,
});
