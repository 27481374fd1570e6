import type { RequestContext } from '@bangfu/core';
import type { EventConsumer } from './consumer-registry';
import type { ReceivedEvent } from './domain-event';
import { type OrderFacts, type OrderFactsPayload, orderFactsIn } from './order-events';

/**
 * A consumer of OrderCounted and OrderRefunded that keeps its own tables in step with the facts the
 * event carries (attribution, statistics): it runs in the transaction of the move (the outbox calls
 * `handleInTransaction`) and again after commit from `domain-events` as a safety net, so `sync` must be
 * idempotent. Until the order counts it does nothing: a refund before that is carried, net, by the count.
 */
export abstract class OrderFactsConsumer implements EventConsumer<OrderFactsPayload> {
  abstract readonly consumer: string;

  protected abstract sync(ctx: RequestContext, facts: OrderFacts): Promise<void>;

  async handle(ctx: RequestContext, event: ReceivedEvent<OrderFactsPayload>): Promise<void> {
    const facts = orderFactsIn(event);
    if (!facts.countedAt) return;
    await this.sync(ctx, facts);
  }

  handleInTransaction(tx: RequestContext, event: ReceivedEvent<OrderFactsPayload>): Promise<void> {
    return this.handle(tx, event);
  }
}
