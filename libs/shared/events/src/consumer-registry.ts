import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { RequestContext } from '@bangfu/core';
import type { EventClass, ReceivedEvent } from './domain-event';

/**
 * A consumer of domain events: a provider marked with `@ConsumesEvents(SomeEvent, …)` in any module
 * of the app. Name its file `*.consumer.ts`.
 */
export interface EventConsumer<P = any> {
  /** Stable name, recorded per event (outbox_consumption.consumer): renaming it replays every event. */
  readonly consumer: string;
  /** Runs after commit, from the `domain-events` queue, in its own transaction (ctx carries it); throw to retry. */
  handle(ctx: RequestContext, event: ReceivedEvent<P>): Promise<void>;
  /**
   * Optional: also runs inside the transaction that publishes the event, so read models that must agree
   * with the change (attribution, statistics) commit with it. `handle` still runs after commit; both
   * must be idempotent.
   */
  handleInTransaction?(tx: RequestContext, event: ReceivedEvent<P>): Promise<void>;
  /**
   * Optional: the after-commit work of several events at once (in the order they were published), when
   * the dispatcher has more than one for this consumer. It must leave what `handle` would leave for
   * each of them; a consumer whose work shares reads across events (oversight's rules) saves them here.
   */
  handleBatch?(ctx: RequestContext, events: ReceivedEvent<P>[]): Promise<void>;
}

export const EVENT_CONSUMER = 'bangfu:event-consumer';

/** Marks a provider as a consumer of these event classes (discovered app-wide by the registry). */
export const ConsumesEvents = (...events: EventClass[]) =>
  SetMetadata(
    EVENT_CONSUMER,
    events.map((e) => e.eventName),
  );

/** The event names a consumer class subscribes to (empty: not a consumer). */
export function subscriptionsOf(target: object): string[] {
  return (Reflect.getMetadata(EVENT_CONSUMER, target) as string[] | undefined) ?? [];
}

/** Every consumer in the app, by the event names it subscribed to (found once, after the app is built). */
@Injectable()
export class EventConsumerRegistry {
  private cache: Array<{ consumer: EventConsumer; events: ReadonlySet<string> }> | null = null;
  constructor(private readonly discovery: DiscoveryService) {}

  private all() {
    this.cache ??= this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && subscriptionsOf(w.metatype).length > 0)
      .map((w) => ({ consumer: w.instance as EventConsumer, events: new Set(subscriptionsOf(w.metatype!)) }));
    return this.cache;
  }

  /** Every consumer, in discovery order. */
  consumers(): EventConsumer[] {
    return this.all().map((c) => c.consumer);
  }

  /** The consumers of one event name, in discovery order. */
  consumersOf(eventName: string): EventConsumer[] {
    return this.all()
      .filter((c) => c.events.has(eventName))
      .map((c) => c.consumer);
  }
}
