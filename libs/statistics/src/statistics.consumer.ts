import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesEvents, OrderCounted, type OrderFacts, OrderFactsConsumer, OrderRefunded } from '@bangfu/events';
import { countingOrderOf } from '@bangfu/ordering';
import { RollupWriterService } from './rollup-writer.service';

/**
 * Writes the sales rollups in the transaction of the move that makes a line count or records a
 * refund, and again after commit (OrderFactsConsumer); the sync is idempotent, so the second run writes
 * nothing. The order's facts come in the event: neither run reads ordering's tables.
 */
@Injectable()
@ConsumesEvents(OrderCounted, OrderRefunded)
export class StatisticsEventConsumer extends OrderFactsConsumer {
  readonly consumer = 'statistics.sales';
  constructor(private readonly writer: RollupWriterService) {
    super();
  }

  protected async sync(ctx: RequestContext, facts: OrderFacts): Promise<void> {
    await this.writer.syncOrder(ctx, facts.orderId, countingOrderOf(facts));
  }
}
