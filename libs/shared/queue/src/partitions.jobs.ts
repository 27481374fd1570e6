import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import {
  Db,
  ensureMonthlyPartitions,
  MONTHLY_PARTITIONS_KEY,
  type PartitionsCreated,
  RequestContext,
} from '@bangfu/core';
import { type JobHandler, ProcessesQueue, QueueService } from './queue';

export const PARTITIONS_QUEUE = 'partitions';
export const ENSURE_PARTITIONS_JOB = 'ensure';

/**
 * `partitions` queue: `ensure` keeps the monthly partitions of every table an owner lists with
 * `@MonthlyPartitioned(...)` (attribution, ledger, audit) created ahead, and drains their DEFAULT
 * partitions into months of their own. Idempotent (and the SQL locks each table while it works).
 */
@Injectable()
// The `ensure` every process adds at its start runs once at a time across processes, like the daily tick.
@ProcessesQueue(PARTITIONS_QUEUE, { concurrency: 1, exclusive: [ENSURE_PARTITIONS_JOB] })
export class PartitionJobs implements JobHandler<{ ahead?: number }> {
  private readonly log = new Logger('Partitions');
  constructor(
    private readonly db: Db,
    private readonly discovery: DiscoveryService,
  ) {}

  /** Every table an owner marked, in a stable order. */
  tables(): string[] {
    const tables = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype) continue;
      const listed = Reflect.getMetadata(MONTHLY_PARTITIONS_KEY, wrapper.metatype) as string[] | undefined;
      for (const table of listed ?? []) tables.add(table);
    }
    return [...tables].sort();
  }

  async handle(job: Pick<Job<{ ahead?: number }>, 'name' | 'data'>): Promise<PartitionsCreated[] | null> {
    if (job.name !== ENSURE_PARTITIONS_JOB) return null;
    const made = await ensureMonthlyPartitions(this.db, RequestContext.system('partitions'), this.tables(), {
      ahead: job.data.ahead,
    });
    for (const m of made) if (m.created.length) this.log.log(`${m.table}: created ${m.created.join(', ')}`);
    return made;
  }
}

/** Runs `ensure` once at every start and daily at 00:20 Asia/Shanghai (the scheduler id makes the upsert idempotent). */
@Injectable()
export class PartitionSchedulers implements OnApplicationBootstrap {
  constructor(private readonly queues: QueueService) {}

  async onApplicationBootstrap() {
    const queue = this.queues.queue(PARTITIONS_QUEUE);
    await queue.upsertJobScheduler(
      'partitions-daily',
      { pattern: '20 0 * * *', tz: 'Asia/Shanghai' },
      { name: ENSURE_PARTITIONS_JOB, data: {}, opts: { removeOnFail: 100 } },
    );
    await queue.add(ENSURE_PARTITIONS_JOB, {}, { removeOnFail: 100 });
  }
}

/**
 * Imported by every lib that owns monthly-partitioned tables (attribution, ledger, audit): the job
 * exists in the apps that have such tables, once however many libs import it.
 */
@Module({ imports: [DiscoveryModule], providers: [PartitionJobs, PartitionSchedulers], exports: [PartitionJobs] })
export class MonthlyPartitionsModule {}
