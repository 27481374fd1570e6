import { Injectable } from '@nestjs/common';
import { Db, prepared, type RequestContext } from '@bangfu/core';
import { QueueService } from '@bangfu/queue';
import { EventConsumerRegistry } from './consumer-registry';
import type { DomainEvent, ReceivedEvent } from './domain-event';
import { OutboxEvent } from './outbox.entities';

/** The BullMQ queue every domain event is relayed to. */
export const DOMAIN_EVENTS_QUEUE = 'domain-events';

/**
 * The transactional outbox: `publish` writes an event row in the caller's transaction (so an event
 * exists if and only if the change committed) and runs the consumers that asked to run in that
 * transaction; `relay` moves unpublished rows to BullMQ with the row id as job id (a relay that dies
 * after adding but before marking re-adds the same id, which BullMQ ignores).
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly db: Db,
    private readonly queues: QueueService,
    private readonly registry: EventConsumerRegistry,
  ) {}

  async publish(ctx: RequestContext, event: DomainEvent<object>): Promise<string> {
    const rows: Array<{ id: string; created_at: Date }> = await this.db
      .manager(ctx)
      .query(
        prepared(
          `INSERT INTO outbox_event (type, version, aggregate_id, payload) VALUES ($1, $2, $3, $4::jsonb) RETURNING id, created_at`,
        ),
        [event.eventName, event.version, event.aggregateId, JSON.stringify(event.payload)],
      );
    const received: ReceivedEvent<any> = {
      id: rows[0].id,
      type: event.eventName,
      version: event.version,
      aggregateId: event.aggregateId,
      // What after-commit consumers will read back from the jsonb column (dates as strings, no undefined).
      payload: JSON.parse(JSON.stringify(event.payload)),
      createdAt: new Date(rows[0].created_at).toISOString(),
    };
    for (const consumer of this.registry.consumersOf(event.eventName))
      if (consumer.handleInTransaction) await consumer.handleInTransaction(ctx, received);
    return rows[0].id;
  }

  /** Relays up to `limit` unpublished events in creation order; returns how many. Safe to run concurrently. */
  async relay(ctx: RequestContext, limit = 200): Promise<number> {
    return this.db.transaction(ctx, async (tx) => {
      // SKIP LOCKED: concurrent relays (several workers) take disjoint batches instead of waiting.
      const rows: Array<{
        id: string;
        type: string;
        version: number;
        aggregate_id: string;
        payload: Record<string, unknown>;
        created_at: Date;
      }> = await this.db.manager(tx).query(
        `SELECT id, type, version, aggregate_id, payload, created_at FROM outbox_event WHERE published_at IS NULL
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
            version: r.version,
            aggregateId: r.aggregate_id,
            payload: r.payload,
            createdAt: new Date(r.created_at).toISOString(),
          } satisfies ReceivedEvent,
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

  /**
   * Stored events as a consumer receives them, in publishing order (tests and repair tools replay them
   * through the dispatcher); all of them, or one aggregate's, or one type's.
   */
  async stored(ctx: RequestContext, filter: { aggregateId?: string; type?: string } = {}): Promise<ReceivedEvent[]> {
    const rows = await this.db
      .repo(ctx, OutboxEvent)
      .find({ where: { ...filter }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      version: r.version,
      aggregateId: r.aggregateId,
      payload: r.payload,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
