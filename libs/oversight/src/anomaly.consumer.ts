import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesDomainEvents, type DomainEvent, type DomainEventConsumer } from '@bangfu/ordering';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { DetectedVia } from './anomaly.entities';

/** Order events after which a rule may have something new to see. */
export const ANOMALY_EVENTS: ReadonlySet<string> = new Set(['order.placed', 'order.pending_approval', 'order.paid', 'order.shipped', 'order.settled', 'order.accepted']);

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
    const r = await this.detection.run(ctx, { orderIds: [orderId], now: new Date() }, DetectedVia.EVENT);
    if (r.opened) this.log.log(`${event.type} ${orderId}: ${r.opened} finding(s)`);
  }
}
