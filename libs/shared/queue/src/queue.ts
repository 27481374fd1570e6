import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  SetMetadata,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, type JobsOptions, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@bangfu/core';
import { LeaseService } from './lease';

/** How long shutdown waits for active jobs before closing the workers regardless. */
const SHUTDOWN_GRACE_MS = 10_000;

export const HANDLER_KEY = 'bangfu:job-handler';
export const RUN_WORKERS = Symbol('RUN_WORKERS');

/** A provider that processes one queue's jobs. Handlers must be idempotent: BullMQ retries. */
export interface JobHandler<T = unknown> {
  handle(job: Job<T>): Promise<unknown>;
}
/**
 * Scheduled jobs (ticks of a job scheduler: `upsertJobScheduler`) always run once at a time across
 * every worker process (LeaseService.runExclusive, keyed by queue and job name): a tick that finds the previous
 * one still running elsewhere is skipped. `exclusive` lists other job names to treat the same way
 * (e.g. a job every process adds once at its start).
 */
export interface QueueHandlerOptions {
  concurrency?: number;
  exclusive?: readonly string[];
}
export const ProcessesQueue = (queue: string, options: QueueHandlerOptions = {}) =>
  SetMetadata(HANDLER_KEY, { queue, ...options });

/** What a skipped run of a run-once job records as its result. */
export const SKIPPED_ELSEWHERE = { skipped: 'running in another process' } as const;

/** Default retry policy: exponential backoff; failed jobs are kept (the dead-letter list) for admins to inspect. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

function connection(config: AppConfig): Redis {
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
}

@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private conn: Redis | null = null;
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      this.conn ??= connection(this.config);
      q = new Queue(name, {
        connection: this.conn,
        prefix: `${this.config.REDIS_PREFIX}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, q);
    }
    return q;
  }

  /** Names of the queues this process has opened so far. */
  openQueueNames(): string[] {
    return [...this.queues.keys()];
  }

  /** Adds a job; a jobId makes the add idempotent (BullMQ ignores a duplicate id). */
  add<T>(queue: string, name: string, data: T, opts: JobsOptions = {}) {
    return this.queue(queue).add(name, data, opts);
  }

  async onApplicationShutdown() {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.conn?.quit().catch(() => undefined);
  }
}

/** Starts a BullMQ Worker for every @ProcessesQueue provider: in apps/worker, or in-process in the embedded default. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Worker');
  private readonly workers: Worker[] = [];
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUN_WORKERS) private readonly enabled: boolean,
    private readonly lease: LeaseService,
  ) {}

  onApplicationBootstrap() {
    if (!this.enabled) return;
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler | undefined;
      if (!instance || !wrapper.metatype) continue;
      const meta = Reflect.getMetadata(HANDLER_KEY, wrapper.metatype) as
        (QueueHandlerOptions & { queue: string }) | undefined;
      if (!meta) continue;
      const runOnce = (job: Job) => Boolean(job.repeatJobKey) || (meta.exclusive ?? []).includes(job.name);
      const run = async (job: Job) => {
        if (!runOnce(job)) return instance.handle(job);
        const outcome = await this.lease.runExclusive(`${meta.queue}/${job.name}`, () => instance.handle(job));
        return outcome.ran ? outcome.value : SKIPPED_ELSEWHERE;
      };
      const worker = new Worker(meta.queue, run, {
        connection: connection(this.config),
        prefix: `${this.config.REDIS_PREFIX}:bull`,
        concurrency: meta.concurrency ?? 4,
        // The lock is renewed every half period; a killed worker's active jobs are retried elsewhere
        // once it lapses (the stalled check runs as often).
        lockDuration: this.config.QUEUE_LOCK_MS,
        stalledInterval: this.config.QUEUE_LOCK_MS,
      });
      worker.on('failed', (job, err) =>
        this.log.warn(
          `job ${meta.queue}/${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`,
        ),
      );
      worker.on('error', (err) => this.log.error(`worker ${meta.queue}: ${err.message}`));
      this.workers.push(worker);
      this.log.log(`processing queue ${meta.queue}`);
    }
  }

  get running(): number {
    return this.workers.length;
  }

  // Before any module's onApplicationShutdown: jobs finish while the database pool is still open.
  async beforeApplicationShutdown() {
    // close() waits for active jobs to finish, so a deploy does not cut a job in half; but a job that
    // does not finish must not hold the process forever: after the grace period the workers close
    // anyway and BullMQ hands the job to another worker as stalled (every handler is idempotent).
    const graceful = Promise.all(this.workers.map((w) => w.close())).then(() => 'closed' as const);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), SHUTDOWN_GRACE_MS);
    });
    const outcome = await Promise.race([graceful, grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.log.warn(`jobs still active after ${SHUTDOWN_GRACE_MS} ms: closing the workers anyway`);
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
  }
}
