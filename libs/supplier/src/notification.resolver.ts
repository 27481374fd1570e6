import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, isUuid, type RequestContext } from '@bangfu/core';
import { NotificationService } from './notification.service';
import { Notification } from './supplier.entities';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly notificationService: NotificationService) {}

  @Query(() => [Notification], { description: 'Your notifications and your organisations’, newest first' })
  @Allow(AUTHENTICATED)
  notifications(
    @Ctx() ctx: RequestContext,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<Notification[]> {
    return this.notificationService.list(ctx, unreadOnly, first);
  }

  @Query(() => Int)
  @Allow(AUTHENTICATED)
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.notificationService.unreadCount(ctx);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed' })
  @Allow(AUTHENTICATED)
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    return this.notificationService.markRead(ctx, ids);
  }

  @ResolveField(() => ID, {
    nullable: true,
    description: 'The order it is about (order events, after-sales), for a link to /orders/:id',
  })
  orderId(@Parent() n: Notification): string | null {
    const id = n.data?.orderId;
    return typeof id === 'string' && isUuid(id) ? id : null;
  }

  @ResolveField(() => String, { description: 'Structured payload as a JSON string' })
  data(@Parent() n: Notification): string {
    return JSON.stringify(n.data ?? {});
  }
}
