import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesDomainEvents, type DomainEvent, type DomainEventConsumer } from '@bangfu/ordering';
import { PaymentClockService } from './payment-clock.service';

/** Order events that start the payment clock (acceptance) or change what is owed (payment, refunds). */
export const PAYMENT_CLOCK_EVENTS: ReadonlySet<string> = new Set([
  'order.accepted',
  'order.paid',
  'order.refunded',
  'order.settled',
]);

/** Keeps payment_clock in line with accepted pay-on-delivery agency orders (exactly once per event; the sync is idempotent too). */
@Injectable()
@ConsumesDomainEvents()
export class PaymentClockConsumer implements DomainEventConsumer {
  readonly consumer = 'procurement.payment-clock';
  constructor(private readonly clock: PaymentClockService) {}

  handles(type: string): boolean {
    return PAYMENT_CLOCK_EVENTS.has(type);
  }

  async handle(ctx: RequestContext, event: DomainEvent): Promise<void> {
    await this.clock.sync(ctx, event.aggregateId);
  }
}
