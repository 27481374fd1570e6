import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, recurringJob } from '@bangfu/queue';
import type { ReconciliationReport } from './attribution.types';
import { periodOf } from './periods';
import { ReconciliationService } from './reconciliation.service';

export const ATTRIBUTION_QUEUE = 'attribution';
export const RECONCILE_JOB = 'reconcile';

export interface ReconcileJobData {
  /** Defaults: the previous month's first day … today (Asia/Shanghai). */
  from?: string;
  to?: string;
}

/** Default reconciliation window: from the start of last month to today. */
export function defaultReconcileWindow(now = new Date()): { from: string; to: string } {
  const [y, m] = periodOf(now).split('-').map(Number);
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { from: prev, to: periodOf(now) };
}

/** `attribution` queue: `reconcile` jobs (on demand, and nightly by the scheduler below). */
@Injectable()
@ProcessesQueue(ATTRIBUTION_QUEUE, { concurrency: 1 })
export class AttributionJobs implements JobHandler<ReconcileJobData> {
  private readonly log = new Logger('AttributionReconcile');
  constructor(private readonly reconciliation: ReconciliationService) {}

  async handle(
    job: Pick<Job<ReconcileJobData>, 'name' | 'data'>,
  ): Promise<Omit<ReconciliationReport, 'differences'> | null> {
    if (job.name !== RECONCILE_JOB) return null;
    const window = { ...defaultReconcileWindow(), ...job.data };
    const report = await this.reconciliation.reconcile(
      RequestContext.system('attribution-reconcile'),
      window.from,
      window.to,
    );
    if (!report.ok)
      this.log.error(
        `attribution reconciliation ${window.from}..${window.to} found ${report.differenceCount} difference(s); report ${report.id}`,
      );
    const { differences: _omit, ...summary } = report;
    return summary;
  }
}

/** The nightly reconciliation, 03:30 Asia/Shanghai. */
export const AttributionSchedulers = recurringJob(ATTRIBUTION_QUEUE, 'attribution-reconcile-nightly', '30 3 * * *', {
  name: RECONCILE_JOB,
  opts: { removeOnFail: 100 },
});
