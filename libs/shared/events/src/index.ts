export * from './consumer-registry';
export * from './domain-event';
export * from './events.jobs';
export * from './events.module';
export * from './order-events';
export * from './order-facts-consumer';
export * from './outbox.entities';
export * from './outbox.service';
