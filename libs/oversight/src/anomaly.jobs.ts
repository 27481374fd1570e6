import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, recurringJob } from '@bangfu/queue';
import { AnomalyDetectionService, type DetectionResult } from './anomaly-detection.service';
import { DetectedVia } from './anomaly.entities';

export const OVERSIGHT_QUEUE = 'oversight';
export const SCAN_JOB = 'anomaly-scan';
export const SCAN_SCHEDULER_ID = 'anomaly-scan-hourly';

/** The scheduled scan: every rule over its look-back window (patterns no single event shows: bursts, deadline spikes, counters). */
@Injectable()
@ProcessesQueue(OVERSIGHT_QUEUE, { concurrency: 1 })
export class AnomalyScanJob implements JobHandler<{ regionPrefix?: string }> {
  constructor(private readonly detection: AnomalyDetectionService) {}

  async handle(job: Pick<Job<{ regionPrefix?: string }>, 'name' | 'data'>): Promise<DetectionResult | null> {
    if (job.name !== SCAN_JOB) return null;
    return this.detection.run(
      RequestContext.system('anomaly-scan'),
      { orderIds: null, now: new Date() },
      DetectedVia.SCHEDULE,
      { regionPrefix: job.data?.regionPrefix ?? '' },
    );
  }
}

/** The hourly scan, at minute 7. */
export const AnomalyScanScheduler = recurringJob(OVERSIGHT_QUEUE, SCAN_SCHEDULER_ID, '7 * * * *', {
  name: SCAN_JOB,
  opts: { removeOnComplete: 100, removeOnFail: 100 },
});
