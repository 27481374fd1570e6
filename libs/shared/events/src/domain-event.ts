/**
 * A domain event as its publisher creates it: the class names the event (`eventName`, the outbox
 * row's `type`) and its payload version; the instance carries the aggregate and the payload. The
 * payload carries the facts the consumers need, so a consumer in the publishing transaction does not
 * read the publisher's tables again.
 */
export abstract class DomainEvent<P extends object = Record<string, unknown>> {
  declare readonly ['__payload']?: P;
  constructor(
    readonly aggregateId: string,
    readonly payload: P,
  ) {}

  get eventName(): string {
    return (this.constructor as EventClass).eventName;
  }

  get version(): number {
    return (this.constructor as EventClass).version;
  }
}

/** An event class: how consumers subscribe and how publishers create events. */
export interface EventClass<E extends DomainEvent<any> = DomainEvent<any>> {
  new (aggregateId: string, payload: PayloadOf<E>): E;
  readonly eventName: string;
  readonly version: number;
}

export type PayloadOf<E> = E extends DomainEvent<infer P> ? P : never;

/**
 * The base of one event class: `class OrderPlaced extends defineEvent<OrderEventPayload>('order.placed') {}`.
 * Bump the version when the payload changes shape; consumers see it on every received event.
 */
export function defineEvent<P extends object>(eventName: string, version = 1) {
  return class extends DomainEvent<P> {
    static readonly eventName = eventName;
    static readonly version = version;
  };
}

/** What a consumer receives: the committed outbox row (id, time) with the event's name, version and payload. */
export interface ReceivedEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  aggregateId: string;
  payload: P;
  createdAt: string;
}

/** Narrows a received event to one class (its name), for consumers of several. */
export function isEvent<C extends EventClass>(
  event: ReceivedEvent<unknown>,
  cls: C,
): event is ReceivedEvent<PayloadOf<InstanceType<C>>> {
  return event.type === cls.eventName;
}
