import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Db, type RequestContext } from '@bangfu/core';
import { QueueService } from '@bangfu/queue';
import { OutboxEvent } from './ordering.entities';

/** The BullMQ queue every domain event is relayed to. */
export const DOMAIN_EVENTS_QUEUE = 'domain-events';

/** What a consumer of `domain-events` receives (the job's data). */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  aggregateId: string;
  payload: P;
  createdAt: string;
}

/**
 * A consumer of domain events. Several consumers share the one `domain-events` queue: the
 * dispatcher runs each consumer that `handles` the type, once per event (its `consumer` name and the
 * event id are recorded in the same transaction as its effects), so consumers of other domains
 * (ledger, attribution, …) register here instead of adding a second worker to the queue, which
 * would split the events between them.
 */
export interface DomainEventConsumer {
  /** Stable name, recorded per event (outbox_consumption.consumer). */
  readonly consumer: string;
  handles(type: string): boolean;
  /** Runs inside a transaction (ctx carries it); throw to retry the job. */
  handle(ctx: RequestContext, event: DomainEvent): Promise<void>;
  /**
   * Optional: also run inside the transaction that publishes the event, so read models that must
   * agree with the change (attribution, reserved-share completion) commit with it. `handle` still
   * runs after commit; both must be idempotent.
   */
  handleInTransaction?(tx: RequestContext, event: DomainEvent): Promise<void>;
}
export const DOMAIN_EVENT_CONSUMER = 'bangfu:domain-event-consumer';
/** Marks a provider implementing DomainEventConsumer; discovered app-wide. */
export const ConsumesDomainEvents = () => SetMetadata(DOMAIN_EVENT_CONSUMER, true);

/**
 * The transactional outbox: `publish` writes an event row in the caller's transaction (so an event
 * exists if and only if the change committed); `relay` moves unpublished rows to BullMQ with the row
 * id as job id (a relay that dies after adding but before marking re-adds the same id, which BullMQ
 * ignores).
 */
@Injectable()
export class OutboxService {
  private inTransactionCache: DomainEventConsumer[] | null = null;
  constructor(
    private readonly db: Db,
    private readonly queues: QueueService,
    private readonly discovery: DiscoveryService,
  ) {}

  private inTransactionConsumers(): DomainEventConsumer[] {
    this.inTransactionCache ??= this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(DOMAIN_EVENT_CONSUMER, w.metatype))
      .map((w) => w.instance as DomainEventConsumer)
      .filter((c) => typeof c.handleInTransaction === 'function');
    return this.inTransactionCache;
  }

  async publish(
    ctx: RequestContext,
    type: string,
    aggregateId: string,
    payload: Record<string, unknown>,
  ): Promise<string> {
    const rows: Array<{ id: string; created_at: Date }> = await this.db
      .manager(ctx)
      .query(
        `INSERT INTO outbox_event (type, aggregate_id, payload) VALUES ($1, $2, $3::jsonb) RETURNING id, created_at`,
        [type, aggregateId, JSON.stringify(payload)],
      );
    const event: DomainEvent = {
      id: rows[0].id,
      type,
      aggregateId,
      payload,
      createdAt: new Date(rows[0].created_at).toISOString(),
    };
    for (const consumer of this.inTransactionConsumers()) {
      if (consumer.handles(type)) await consumer.handleInTransaction!(ctx, event);
    }
    return rows[0].id;
  }

  /** Relays up to `limit` unpublished events in creation order; returns how many. Safe to run concurrently. */
  async relay(ctx: RequestContext, limit = 200): Promise<number> {
    return this.db.transaction(ctx, async (tx) => {
      // SKIP LOCKED: concurrent relays (several workers) take disjoint batches instead of waiting.
      const rows: Array<{
        id: string;
        type: string;
        aggregate_id: string;
        payload: Record<string, unknown>;
        created_at: Date;
      }> = await this.db.manager(tx).query(
        `SELECT id, type, aggregate_id, payload, created_at FROM outbox_event WHERE published_at IS NULL
           ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await this.queues.queue(DOMAIN_EVENTS_QUEUE).addBulk(
        rows.map((r) => ({
          name: r.type,
          data: {
            id: r.id,
            type: r.type,
            aggregateId: r.aggregate_id,
            payload: r.payload,
            createdAt: new Date(r.created_at).toISOString(),
          } satisfies DomainEvent,
          opts: { jobId: r.id },
        })),
      );
      await this.db
        .manager(tx)
        .query(`UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  list(ctx: RequestContext, aggregateId: string): Promise<OutboxEvent[]> {
    return this.db.repo(ctx, OutboxEvent).find({ where: { aggregateId }, order: { createdAt: 'ASC' } });
  }
}
