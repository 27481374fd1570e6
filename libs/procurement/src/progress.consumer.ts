import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ConsumesDomainEvents, type DomainEvent, type DomainEventConsumer } from '@bangfu/ordering';
import { ProcurementService } from './procurement.service';

/** Order events that change what an order contributes to a unit's reserved share (delivered: staff retail purchases count then). */
export const PROGRESS_EVENTS: ReadonlySet<string> = new Set([
  'order.placed',
  'order.accepted',
  'order.delivered',
  'order.refunded',
  'order.cancelled',
  'order.rejected',
]);

/**
 * Keeps reserved_share_progress up to date from ordering's `domain-events` (through the one
 * dispatcher, exactly once per event); the sync itself is idempotent too. DESIGN allows rollups "in
 * the same transaction or by an idempotent job": completion uses the job (a few seconds behind),
 * attribution the same transaction (it implements `handleInTransaction`).
 */
@Injectable()
@ConsumesDomainEvents()
export class ReservedShareProgressConsumer implements DomainEventConsumer {
  readonly consumer = 'procurement.reserved-share';
  constructor(private readonly procurement: ProcurementService) {}

  handles(type: string): boolean {
    return PROGRESS_EVENTS.has(type);
  }

  async handle(ctx: RequestContext, event: DomainEvent): Promise<void> {
    await this.procurement.syncOrder(ctx, event.aggregateId);
  }
}
