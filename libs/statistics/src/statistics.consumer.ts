import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesDomainEvents, type DomainEvent, type DomainEventConsumer } from '@bangfu/ordering';
import { RollupWriterService } from './rollup-writer.service';

/** Order events after which a line may count or a counted line may be refunded. */
export const STATISTICS_EVENTS: ReadonlySet<string> = new Set([
  'order.accepted',
  'order.delivered',
  'order.refunded',
  'order.settled',
]);

/**
 * Writes the sales rollups in the transaction of the move that makes a line count (ordering's
 * OutboxService.publish runs `handleInTransaction`), and again after commit from `domain-events` as a
 * safety net; the sync is idempotent, so the second run writes nothing.
 */
@Injectable()
@ConsumesDomainEvents()
export class StatisticsEventConsumer implements DomainEventConsumer {
  readonly consumer = 'statistics.sales';
  constructor(private readonly writer: RollupWriterService) {}

  handles(type: string): boolean {
    return STATISTICS_EVENTS.has(type);
  }

  async handle(ctx: RequestContext, event: DomainEvent): Promise<void> {
    const orderId = (event.payload as { orderId?: string })?.orderId ?? event.aggregateId;
    await this.writer.syncOrder(ctx, orderId);
  }

  handleInTransaction(tx: RequestContext, event: DomainEvent): Promise<void> {
    return this.handle(tx, event);
  }
}
