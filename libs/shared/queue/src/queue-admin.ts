import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Job } from 'bullmq';
import { Allow, AppError, Ctx, ErrorCode, notFound, type RequestContext, Role } from '@bangfu/core';
import { HANDLER_KEY, QueueService } from './queue';

/**
 * Queues the application uses, listed even in a process that runs no workers (the API when
 * WORKER_IN_PROCESS=false) and before any job was added. Every @ProcessesQueue provider is
 * discovered as well, so a queue a domain adds later shows up without editing this list.
 */
export const KNOWN_QUEUES: readonly string[] = ['domain-events', 'outbox-relay', 'order-expiry', 'certification'];

const MAX_FAILED = 200;
/** Job data is shown to admins as JSON; a huge payload is cut, not dropped. */
const MAX_DATA_CHARS = 64_000;

@ObjectType({ description: 'A job that used up its retries and sits in its queue’s failed set (the dead-letter list)' })
export class FailedJob {
  @Field(() => String) queue: string;
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'The last error message' }) failedReason: string;
  @Field(() => Int) attemptsMade: number;
  @Field(() => String, { description: 'The job data as JSON (cut at 64,000 characters)' }) data: string;
  @Field(() => Date, { description: 'When the job was added' }) timestamp: Date;
  @Field(() => Date, { nullable: true, description: 'When it failed for the last time' }) failedAt: Date | null;
}

@ObjectType({ description: 'Job counts of one queue' })
export class JobQueueInfo {
  @Field(() => String) name: string;
  @Field(() => Int) waiting: number;
  @Field(() => Int) active: number;
  @Field(() => Int) delayed: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) completed: number;
}

function toFailedJob(queue: string, job: Job): FailedJob {
  let data: string;
  try {
    data = JSON.stringify(job.data ?? null);
  } catch {
    data = '"<not serialisable>"';
  }
  return {
    queue,
    id: String(job.id),
    name: job.name,
    failedReason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade ?? 0,
    data: data.length > MAX_DATA_CHARS ? data.slice(0, MAX_DATA_CHARS) : data,
    timestamp: new Date(job.timestamp),
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

/**
 * The dead-letter list for platform admins: BullMQ keeps jobs that exhausted their retries in each
 * queue's failed set (removeOnFail: false); this lists them across the known queues, retries one
 * (with a fresh set of attempts, after the cause was fixed) or discards it.
 */
@Injectable()
export class QueueAdminService {
  private discovered: string[] | null = null;
  constructor(
    private readonly queues: QueueService,
    private readonly discovery: DiscoveryService,
  ) {}

  /** The fixed registry, every @ProcessesQueue provider of this app, and any queue opened in this process. */
  knownQueues(): string[] {
    this.discovered ??= this.discovery
      .getProviders()
      .map((w) =>
        w.metatype ? (Reflect.getMetadata(HANDLER_KEY, w.metatype) as { queue: string } | undefined)?.queue : undefined,
      )
      .filter((q): q is string => !!q);
    return [...new Set([...KNOWN_QUEUES, ...this.discovered, ...this.queues.openQueueNames()])].sort();
  }

  async queueInfo(_ctx: RequestContext): Promise<JobQueueInfo[]> {
    return Promise.all(
      this.knownQueues().map(async (name) => {
        const c = await this.queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        return {
          name,
          waiting: c.waiting ?? 0,
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          failed: c.failed ?? 0,
          completed: c.completed ?? 0,
        };
      }),
    );
  }

  /** Newest failures first, from one queue or all of them. */
  async failedJobs(
    _ctx: RequestContext,
    queue: string | null | undefined,
    first: number | null | undefined,
  ): Promise<FailedJob[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FAILED)
      throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_FAILED}`, { field: 'first' });
    const names = queue ? [this.requireKnown(queue)] : this.knownQueues();
    const perQueue = await Promise.all(
      names.map(async (name) =>
        (await this.queues.queue(name).getFailed(0, limit - 1)).filter(Boolean).map((job) => toFailedJob(name, job)),
      ),
    );
    return perQueue
      .flat()
      .sort(
        (a, b) => (b.failedAt?.getTime() ?? b.timestamp.getTime()) - (a.failedAt?.getTime() ?? a.timestamp.getTime()),
      )
      .slice(0, limit);
  }

  /** Moves a failed job back to waiting with its attempts reset, so it gets the whole retry policy again. */
  async retry(_ctx: RequestContext, queue: string, id: string): Promise<boolean> {
    const job = await this.failedJob(queue, id);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  /** Removes a failed job for good (its effect will never happen; the admin decided so). */
  async discard(_ctx: RequestContext, queue: string, id: string): Promise<boolean> {
    const job = await this.failedJob(queue, id);
    await job.remove();
    return true;
  }

  private requireKnown(queue: string): string {
    if (!this.knownQueues().includes(queue))
      throw new AppError(ErrorCode.UNKNOWN_QUEUE, `There is no queue ${String(queue).slice(0, 100)}`, {
        field: 'queue',
        known: this.knownQueues(),
      });
    return queue;
  }

  private async failedJob(queue: string, id: string): Promise<Job> {
    const job = await this.queues.queue(this.requireKnown(queue)).getJob(String(id));
    if (!job) throw notFound('Job', id);
    if (!(await job.isFailed()))
      throw new AppError(ErrorCode.JOB_NOT_FAILED, `Job ${id} of ${queue} is not in the failed list`, { field: 'id' });
    return job;
  }
}

@Resolver()
export class QueueAdminResolver {
  constructor(private readonly admin: QueueAdminService) {}

  @Query(() => [JobQueueInfo], { description: 'Every queue the application uses, with its job counts' })
  @Allow(Role.PLATFORM_ADMIN)
  jobQueues(@Ctx() ctx: RequestContext): Promise<JobQueueInfo[]> {
    return this.admin.queueInfo(ctx);
  }

  @Query(() => [FailedJob], {
    description: 'The dead-letter list: jobs that used up their retries, newest first (one queue, or all)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  failedJobs(
    @Ctx() ctx: RequestContext,
    @Args('queue', { type: () => String, nullable: true }) queue?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
  ): Promise<FailedJob[]> {
    return this.admin.failedJobs(ctx, queue, first);
  }

  @Mutation(() => Boolean, { description: 'Runs a failed job again with a fresh set of attempts' })
  @Allow(Role.PLATFORM_ADMIN)
  retryFailedJob(
    @Ctx() ctx: RequestContext,
    @Args('queue', { type: () => String }) queue: string,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.admin.retry(ctx, queue, id);
  }

  @Mutation(() => Boolean, { description: 'Removes a failed job from the dead-letter list without running it' })
  @Allow(Role.PLATFORM_ADMIN)
  discardFailedJob(
    @Ctx() ctx: RequestContext,
    @Args('queue', { type: () => String }) queue: string,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.admin.discard(ctx, queue, id);
  }
}
