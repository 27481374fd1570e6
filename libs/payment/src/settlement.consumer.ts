import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@bangfu/core';
import { LedgerService } from '@bangfu/ledger';
import { ConsumesEvents, type EventConsumer, OrderSettled, type ReceivedEvent } from '@bangfu/events';

/**
 * `order.settled` → the settlement postings (supplier payable per supplier order, platform fee).
 * Runs once per event (ordering's dispatcher records the consumption in the same transaction) and
 * LedgerService.postSettlement is itself idempotent, so a replayed event posts nothing more.
 */
@Injectable()
@ConsumesEvents(OrderSettled)
export class LedgerSettlementConsumer implements EventConsumer {
  readonly consumer = 'ledger-settlement';
  constructor(private readonly ledger: LedgerService) {}

  async handle(ctx: RequestContext, event: ReceivedEvent): Promise<void> {
    await this.ledger.postSettlement(ctx, event.aggregateId);
  }
}
