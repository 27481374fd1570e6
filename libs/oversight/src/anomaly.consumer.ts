import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesDomainEvents, type DomainEvent, type DomainEventConsumer } from '@bangfu/ordering';
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
  ['order.placed', AT_CHECKOUT],
  ['order.pending_approval', [...AT_CHECKOUT, K.SPLIT_BASKET]],
  ['order.shipped', [K.ATTRIBUTION_GAP]],
]);

/**
 * Runs the rules on an order's neighbourhood after its event commits (never inside the order's own
 * transaction: a slow or failing rule must not hold up or roll back a sale). Idempotent: the same
 * evidence maps to the same finding, so a retried event opens nothing twice.
 */
@Injectable()
@ConsumesDomainEvents()
export class AnomalyEventConsumer implements DomainEventConsumer {
  readonly consumer = 'oversight.anomalies';
  private readonly log = new Logger('AnomalyEvents');
  constructor(private readonly detection: AnomalyDetectionService) {}

  handles(type: string): boolean {
    return ANOMALY_EVENTS.has(type);
  }

  async handle(ctx: RequestContext, event: DomainEvent): Promise<void> {
    const orderId = (event.payload as { orderId?: string })?.orderId ?? event.aggregateId;
    const r = await this.detection.run(ctx, { orderIds: [orderId], now: new Date() }, DetectedVia.EVENT, {
      kinds: [...(ANOMALY_EVENTS.get(event.type) ?? [])],
    });
    if (r.opened) this.log.log(`${event.type} ${orderId}: ${r.opened} finding(s)`);
  }
}
