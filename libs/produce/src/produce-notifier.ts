import { Injectable, Logger, Inject } from '@nestjs/common';
import { type RequestContext } from '@bangfu/core';
import { OrganizationService, UserService } from '@bangfu/identity';
import { NotificationService } from '@bangfu/supplier';
import { NOTIFICATION_CHANNEL, type NotificationChannel, type OutboundMessage } from './notification-channel';

export interface ProduceEvent {
  kind: string;
  title: string;
  body?: string;
  data?: Record<string, unknown>;
}

/**
 * Every produce step notifies in-app (supplier's notification list, inside the caller's
 * transaction) and, for people, also through the outbound channel (SMS-style) after commit:
 * methods return the outbound messages, the service sends them once its transaction is done.
 */
@Injectable()
export class ProduceNotifier {
  private readonly logger = new Logger('produce');

  constructor(
    private readonly notifications: NotificationService,
    private readonly users: UserService,
    private readonly organizations: OrganizationService,
    @Inject(NOTIFICATION_CHANNEL) readonly channel: NotificationChannel,
  ) {}

  /** The household's farmer login, when it has one (assisted households may not). */
  async toHousehold(
    ctx: RequestContext,
    household: { userId: string | null },
    event: ProduceEvent,
  ): Promise<OutboundMessage[]> {
    if (!household.userId) return [];
    await this.notifications.notifyUser(ctx, household.userId, event);
    const user = await this.users.get(ctx, household.userId).catch(() => null);
    return [
      {
        userId: household.userId,
        phone: user?.phone ?? null,
        kind: event.kind,
        text: `${event.title}${event.body ? `：${event.body}` : ''}`,
      },
    ];
  }

  async toOrganization(ctx: RequestContext, orgId: string, event: ProduceEvent): Promise<void> {
    await this.notifications.notifyOrganization(ctx, orgId, event);
  }

  /** The county (or most specific) coordination office covering the village. */
  async toCoordinators(ctx: RequestContext, villageCode: string, event: ProduceEvent): Promise<void> {
    const offices = await this.organizations.coordinationOfficesCovering(ctx, villageCode);
    await this.notifications.notifyAll(
      ctx,
      offices.map((o) => ({ orgId: o.id })),
      event,
    );
  }

  /** After commit: a failed send is logged, never turned into a failed mutation. */
  async send(messages: OutboundMessage[]): Promise<void> {
    for (const m of messages) {
      try {
        await this.channel.send(m);
      } catch (e) {
        this.logger.warn({
          msg: 'outbound notification failed',
          kind: m.kind,
          channel: this.channel.name,
          error: (e as Error).message,
        });
      }
    }
  }
}
