import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesEvents, OrderCounted, type OrderFacts, OrderFactsConsumer, OrderRefunded } from '@bangfu/events';
import { AttributionService } from './attribution.service';

/**
 * DESIGN: attribution entries are written in the same transaction as the move that makes a line
 * count (OrderCounted), and reversed in the refund's (OrderRefunded); the after-commit run is the
 * safety net. Both compute from the facts the event carries (lines, lots shipped, refunds), so neither
 * reads ordering's tables; idempotent by attribution's own keys (one attribution_line per order line,
 * one attribution_refund per line and refund), so the second run writes nothing.
 */
@Injectable()
@ConsumesEvents(OrderCounted, OrderRefunded)
export class AttributionEventConsumer extends OrderFactsConsumer {
  readonly consumer = 'attribution.orders';
  constructor(private readonly attribution: AttributionService) {
    super();
  }

  protected async sync(ctx: RequestContext, facts: OrderFacts): Promise<void> {
    await this.attribution.syncFacts(ctx, facts);
  }
}
