import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, recurringJob } from '@bangfu/queue';
import { AuditChainService, previousShanghaiDay } from './audit-chain.service';
import type { AuditChainCheckpoint } from './audit.types';

export const AUDIT_QUEUE = 'audit';
export const VERIFY_DAY_JOB = 'verify-day';

/** `audit` queue: `verify-day` verifies one day (default yesterday, Asia/Shanghai) and publishes its chain head. */
@Injectable()
@ProcessesQueue(AUDIT_QUEUE, { concurrency: 1 })
export class AuditJobs implements JobHandler<{ day?: string }> {
  private readonly log = new Logger('AuditChain');
  constructor(private readonly chain: AuditChainService) {}

  async handle(job: Pick<Job<{ day?: string }>, 'name' | 'data'>): Promise<AuditChainCheckpoint | null> {
    if (job.name !== VERIFY_DAY_JOB) return null;
    const day = job.data.day ?? previousShanghaiDay();
    const cp = await this.chain.verifyDay(RequestContext.system('audit-verify'), day);
    const line = `audit chain ${day}: ${cp.checkedCount} event(s), head #${cp.headSeq} ${cp.headHash}`;
    if (cp.ok) this.log.log(line);
    else this.log.error(`${line} — BROKEN at event ${cp.firstBrokenEventId ?? '(events cut off the end)'}`);
    return cp;
  }
}

/** The nightly verification of the day before, 00:10 Asia/Shanghai. */
export const AuditSchedulers = recurringJob(AUDIT_QUEUE, 'audit-verify-daily', '10 0 * * *', {
  name: VERIFY_DAY_JOB,
  opts: { removeOnFail: 100 },
});
