import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventConsumerRegistry } from './consumer-registry';
import { DomainEventDispatcher, OutboxRelayJob } from './events.jobs';
import { OutboxService } from './outbox.service';

/**
 * The outbox, its relay, the consumer registry and the dispatcher. Publishers import this module;
 * consumers only declare `@ConsumesEvents` providers in their own modules (found app-wide).
 */
@Module({
  imports: [DiscoveryModule],
  providers: [EventConsumerRegistry, OutboxService, OutboxRelayJob, DomainEventDispatcher],
  exports: [OutboxService, EventConsumerRegistry],
})
export class EventsModule {}
