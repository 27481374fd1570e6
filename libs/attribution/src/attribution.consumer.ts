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
export class AttributionEventConsumer implements EventConsumer<OrderFactsPayload> {
  readonly consumer = 'attribution.orders';
  constructor(private readonly attribution: AttributionService) {}

  async handle(ctx: RequestContext, event: ReceivedEvent<OrderFactsPayload>): Promise<void> {
    const facts = orderFactsIn(event);
    // A refund before the order counts reverses nothing: the lines count net of it (OrderCounted carries it).
    if (!facts.countedAt) return;
    await this.attribution.syncFacts(ctx, facts);
  }

  handleInTransaction(tx: RequestContext, event: ReceivedEvent<OrderFactsPayload>): Promise<void> {
    return this.handle(tx, event);
  }
}
