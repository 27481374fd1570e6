import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import {
  ConsumesEvents,
  type EventConsumer,
  OrderCounted,
  type OrderFactsPayload,
  orderFactsIn,
  OrderRefunded,
  type ReceivedEvent,
} from '@bangfu/events';
import { countingOrderOf } from '@bangfu/ordering';
import { RollupWriterService } from './rollup-writer.service';

/**
 * Writes the sales rollups in the transaction of the move that makes a line count or records a
 * refund (the outbox runs `handleInTransaction`), and again after commit from `domain-events` as a
 * safety net; the sync is idempotent, so the second run writes nothing. The order's facts come in the
 * event: neither run reads ordering's tables.
 */
@Injectable()
@ConsumesEvents(OrderCounted, OrderRefunded)
export class StatisticsEventConsumer implements EventConsumer<OrderFactsPayload> {
  readonly consumer = 'statistics.sales';
  constructor(private readonly writer: RollupWriterService) {}

  async handle(ctx: RequestContext, event: ReceivedEvent<OrderFactsPayload>): Promise<void> {
    const facts = orderFactsIn(event);
    // Not counted yet (a refund before the order counts): the count, later, carries it.
    if (!facts.countedAt) return;
    await this.writer.syncOrder(ctx, facts.orderId, countingOrderOf(facts));
  }

  handleInTransaction(tx: RequestContext, event: ReceivedEvent<OrderFactsPayload>): Promise<void> {
    return this.handle(tx, event);
  }
}
