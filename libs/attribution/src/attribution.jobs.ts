import { Injectable, Logger, OnApplicationBootstrap, SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@bangfu/core';
import { type JobHandler, ProcessesQueue, QueueService } from '@bangfu/queue';
import { AttributionService } from './attribution.service';
import type { ReconciliationReport } from './attribution.types';
import { periodOf } from './periods';
import { ReconciliationService } from './reconciliation.service';

/**
 * Ordering's DomainEventDispatcher (the one worker of the `domain-events` queue) runs every provider
 * carrying this metadata. The key and the event shape are repeated here rather than imported from
 * @bangfu/ordering on purpose: ordering's outbox runs this consumer inside its own transactions
 * (`handleInTransaction`), so attribution must not depend on ordering (a project cycle). attribution.spec.ts checks they agree.
 */
export const DOMAIN_EVENT_CONSUMER_KEY = 'bangfu:domain-event-consumer';

/** The part of ordering's DomainEvent we read. */
export interface OrderDomainEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: { orderId?: string } & Record<string, unknown>;
}

/** Order events after which attribution may have something to write. */
export const ATTRIBUTION_EVENT_TYPES: ReadonlySet<string> = new Set([
  'order.accepted',
  'order.delivered',
  'order.refunded',
  'order.settled',
]);

/**
 * The safety net for the same-transaction calls: after `order.accepted`, `order.delivered` (retail,
 * paid) and `order.refunded`, brings the order's attribution up to date. Idempotent by its own keys
 * (one attribution_line per order line, one attribution_refund per line and refund), so it writes
 * nothing when ordering already attributed in the transition's transaction.
 */
@Injectable()
@SetMetadata(DOMAIN_EVENT_CONSUMER_KEY, true)
export class AttributionEventConsumer {
  readonly consumer = 'attribution.orders';
  constructor(private readonly attribution: AttributionService) {}

  handles(type: string): boolean {
    return ATTRIBUTION_EVENT_TYPES.has(type);
  }

  async handle(ctx: RequestContext, event: OrderDomainEvent): Promise<void> {
    await this.attribution.syncOrder(ctx, event.payload?.orderId ?? event.aggregateId);
  }

  /** DESIGN: attribution entries are written in the same transaction as the move that makes a line count. */
  handleInTransaction(tx: RequestContext, event: OrderDomainEvent): Promise<void> {
    return this.handle(tx, event);
  }
}

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

/** Registers the nightly reconciliation once per deployment (the scheduler id makes the upsert idempotent). */
@Injectable()
export class AttributionSchedulers implements OnApplicationBootstrap {
  constructor(private readonly queues: QueueService) {}

  async onApplicationBootstrap() {
    await this.queues
      .queue(ATTRIBUTION_QUEUE)
      .upsertJobScheduler(
        'attribution-reconcile-nightly',
        { pattern: '30 3 * * *', tz: 'Asia/Shanghai' },
        { name: RECONCILE_JOB, data: {}, opts: { removeOnFail: 100 } },
      );
  }
}
