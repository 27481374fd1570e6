import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@bangfu/core';
import { LedgerService } from '@bangfu/ledger';
import { ConsumesDomainEvents, type DomainEvent, type DomainEventConsumer } from '@bangfu/ordering';

/**
 * `order.settled` → the settlement postings (supplier payable per supplier order, platform fee).
 * Runs once per event (ordering's dispatcher records the consumption in the same transaction) and
 * LedgerService.postSettlement is itself idempotent, so a replayed event posts nothing more.
 */
@Injectable()
@ConsumesDomainEvents()
export class LedgerSettlementConsumer implements DomainEventConsumer {
  readonly consumer = 'ledger-settlement';
  constructor(private readonly ledger: LedgerService) {}

  handles(type: string): boolean {
    return type === 'order.settled';
  }

  async handle(ctx: RequestContext, event: DomainEvent): Promise<void> {
    await this.ledger.postSettlement(ctx, event.aggregateId);
  }
}
