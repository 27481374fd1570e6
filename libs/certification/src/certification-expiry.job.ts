import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, recurringJob } from '@bangfu/queue';
import { CertificationService } from './certification.service';
import { shanghaiDate } from './dates';

export const CERTIFICATION_QUEUE = 'certification';
export const EXPIRY_SCHEDULER_ID = 'certification-expiry';
export const EXPIRY_JOB_NAME = 'expire-certificates';
export const EXPIRY_EVERY_MS = 60 * 60 * 1000;

/** Moves certificates past their last valid day to EXPIRED. Idempotent: a re-run finds nothing left to move. */
@Injectable()
@ProcessesQueue(CERTIFICATION_QUEUE, { concurrency: 1 })
export class CertificationExpiryJob implements JobHandler<{ today?: string }> {
  private readonly log = new Logger('CertificationExpiry');
  constructor(private readonly certifications: CertificationService) {}

  async handle(job: Pick<Job<{ today?: string }>, 'name' | 'data'>): Promise<{ expired: number }> {
    if (job.name !== EXPIRY_JOB_NAME) return { expired: 0 };
    const moved = await this.certifications.expireDue(
      RequestContext.system('certification-expiry'),
      job.data?.today ?? shanghaiDate(),
    );
    if (moved.length) this.log.log(`expired ${moved.length} certificate(s)`);
    return { expired: moved.length };
  }
}

/** The hourly expiry run. */
export const CertificationExpiryScheduler = recurringJob(CERTIFICATION_QUEUE, EXPIRY_SCHEDULER_ID, EXPIRY_EVERY_MS, {
  name: EXPIRY_JOB_NAME,
});
