import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import {
  ConsumesEvents,
  type EventConsumer,
  OrderPendingApproval,
  OrderPlaced,
  type ReceivedEvent,
  SupplierOrderShipped,
} from '@bangfu/events';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { AnomalyKind, DetectedVia } from './anomaly.entities';

const K = AnomalyKind;
const AT_CHECKOUT = [
  K.PRICE_ABOVE_REFERENCE,
  K.SELF_DEALING,
  K.CIRCULAR_TRADE,
  K.ORDER_BURST,
  K.DEADLINE_SPIKE,
  K.UNCERTIFIED_UNDER_LABEL,
];

/**
 * Which rules an order event may give something new to see (the rest wait for the hourly scan): the
 * order's creation (retail, counter and approved agency orders are `order.placed`, agency requests
 * `order.pending_approval`, when procurement's split-basket flag exists too) and its shipment (lots).
 */
export const ANOMALY_EVENTS: ReadonlyMap<string, readonly AnomalyKind[]> = new Map([
  [OrderPlaced.eventName, AT_CHECKOUT],
  [OrderPendingApproval.eventName, [...AT_CHECKOUT, K.SPLIT_BASKET]],
  [SupplierOrderShipped.eventName, [K.ATTRIBUTION_GAP]],
]);

/**
 * Runs the rules on an order's neighbourhood after its event commits (never inside the order's own
 * transaction: a slow or failing rule must not hold up or roll back a sale). Idempotent: the same
 * evidence maps to the same finding, so a retried event opens nothing twice.
 */
@Injectable()
@ConsumesEvents(OrderPlaced, OrderPendingApproval, SupplierOrderShipped)
export class AnomalyEventConsumer implements EventConsumer {
  readonly consumer = 'oversight.anomalies';
  private readonly log = new Logger('AnomalyEvents');
  constructor(private readonly detection: AnomalyDetectionService) {}

  handle(ctx: RequestContext, event: ReceivedEvent): Promise<void> {
    return this.handleBatch(ctx, [event]);
  }

  /**
   * The rules run once over all the orders of a batch's events of one type (the order lines, their
   * histories and suppliers read once for all of them), as the hourly scan runs them over a window.
   */
  async handleBatch(ctx: RequestContext, events: ReceivedEvent[]): Promise<void> {
    const byType = new Map<string, string[]>();
    for (const event of events) {
      const orderId = (event.payload as { orderId?: string })?.orderId ?? event.aggregateId;
      byType.set(event.type, [...(byType.get(event.type) ?? []), orderId]);
    }
    for (const [type, orderIds] of byType) {
      const r = await this.detection.run(
        ctx,
        { orderIds: [...new Set(orderIds)], now: new Date() },
        DetectedVia.EVENT,
        {
          kinds: [...(ANOMALY_EVENTS.get(type) ?? [])],
        },
      );
      if (r.opened) this.log.log(`${type} ×${orderIds.length}: ${r.opened} finding(s)`);
    }
  }
}
