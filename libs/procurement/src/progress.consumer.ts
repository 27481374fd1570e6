import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import {
  ConsumesEvents,
  type EventConsumer,
  OrderAccepted,
  OrderCancelled,
  OrderDelivered,
  OrderPlaced,
  OrderRefunded,
  type OrderEventPayload,
  OrderRejected,
  type ReceivedEvent,
} from '@bangfu/events';
import { ProcurementService } from './procurement.service';

/**
 * Keeps reserved_share_progress up to date from ordering's `domain-events` (through the one
 * dispatcher, exactly once per event); the sync itself is idempotent too. DESIGN allows rollups "in
 * the same transaction or by an idempotent job": completion uses the job (a few seconds behind),
 * attribution the same transaction (it implements `handleInTransaction`).
 */
@Injectable()
// The order events that change what an order contributes to a unit's reserved share (delivered: staff retail purchases count then).
@ConsumesEvents(OrderPlaced, OrderAccepted, OrderDelivered, OrderRefunded, OrderCancelled, OrderRejected)
export class ReservedShareProgressConsumer implements EventConsumer {
  readonly consumer = 'procurement.reserved-share';
  constructor(private readonly procurement: ProcurementService) {}

  async handle(ctx: RequestContext, event: ReceivedEvent<OrderEventPayload>): Promise<void> {
    // A retail order's placement changes no unit's figures: it is bound to no unit, and a staff purchase
    // counts only once delivered and paid (retail prepays), which order.delivered's sync records, however
    // late the events run. So most checkouts need no read here (issue 16, W3).
    if (event.type === OrderPlaced.eventName && event.payload.buyerKind === 'CUSTOMER') return;
    await this.procurement.syncOrder(ctx, event.aggregateId);
  }
}
