import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import {
  ConsumesEvents,
  type EventConsumer,
  OrderAccepted,
  OrderPaid,
  OrderRefunded,
  OrderSettled,
  type ReceivedEvent,
} from '@bangfu/events';
import { PaymentClockService } from './payment-clock.service';

/** Keeps payment_clock in line with accepted pay-on-delivery agency orders (exactly once per event; the sync is idempotent too). */
@Injectable()
// Acceptance starts the clock; payment, refunds and settlement change what is owed.
@ConsumesEvents(OrderAccepted, OrderPaid, OrderRefunded, OrderSettled)
export class PaymentClockConsumer implements EventConsumer {
  readonly consumer = 'procurement.payment-clock';
  constructor(private readonly clock: PaymentClockService) {}

  async handle(ctx: RequestContext, event: ReceivedEvent): Promise<void> {
    await this.clock.sync(ctx, event.aggregateId);
  }
}
