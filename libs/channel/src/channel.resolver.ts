import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PUBLIC, type RequestContext, Role } from '@bangfu/core';
import { Region, RegionService } from '@bangfu/region';
import { Channel, ChannelKind, ChannelStatus, CounterRejection, CounterReport } from './channel.entities';
import { ChannelService } from './channel.service';
import { ChannelProductArgs, CreateChannelInput, CreateChannelPayload } from './channel.types';
import { CounterLogService } from './counter-log.service';

@Resolver(() => Channel)
export class ChannelResolver {
  constructor(
    private readonly channelService: ChannelService,
    private readonly regions: RegionService,
    private readonly counterLog: CounterLogService,
  ) {}

  @Query(() => [Channel], {
    description: '三专: halls, zones and counters (active ones; includeDisabled for those who manage them)',
  })
  @Allow(PUBLIC)
  channels(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => ChannelKind, nullable: true }) kind?: ChannelKind,
    @Args('regionCode', {
      type: () => String,
      nullable: true,
      description: 'Region code or prefix: channels in that subtree',
    })
    regionCode?: string,
    @Args('includeDisabled', { type: () => Boolean, nullable: true }) includeDisabled?: boolean,
  ): Promise<Channel[]> {
    return this.channelService.list(ctx, { kind, regionCode, includeDisabled });
  }

  @Query(() => Channel, { nullable: true })
  @Allow(PUBLIC)
  channel(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Channel | null> {
    return this.channelService.find(ctx, id);
  }

  @Mutation(() => CreateChannelPayload, {
    description: 'A COUNTER gets a device id and a secret returned only in this payload',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  createChannel(@Ctx() ctx: RequestContext, @Args('input') input: CreateChannelInput): Promise<CreateChannelPayload> {
    return this.channelService.create(ctx, input);
  }

  @Mutation(() => CreateChannelPayload, {
    description: "Replaces a counter's secret; the old one stops working at once",
  })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  rotateCounterSecret(
    @Ctx() ctx: RequestContext,
    @Args('channelId', { type: () => ID }) channelId: string,
  ): Promise<CreateChannelPayload> {
    return this.channelService.rotateSecret(ctx, channelId);
  }

  @Mutation(() => Channel)
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  disableChannel(
    @Ctx() ctx: RequestContext,
    @Args('channelId', { type: () => ID }) channelId: string,
  ): Promise<Channel> {
    return this.channelService.setStatus(ctx, channelId, ChannelStatus.DISABLED);
  }

  @Mutation(() => Channel)
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  enableChannel(
    @Ctx() ctx: RequestContext,
    @Args('channelId', { type: () => ID }) channelId: string,
  ): Promise<Channel> {
    return this.channelService.setStatus(ctx, channelId, ChannelStatus.ACTIVE);
  }

  @Mutation(() => Channel, {
    description:
      'The product’s supplier staff or a platform admin; assistance-only channels take certified products only',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.PLATFORM_ADMIN)
  placeProductInChannel(
    @Ctx() ctx: RequestContext,
    @Args() { channelId, productId }: ChannelProductArgs,
  ): Promise<Channel> {
    return this.channelService.place(ctx, channelId, productId);
  }

  @Mutation(() => Channel)
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.PLATFORM_ADMIN)
  removeProductFromChannel(
    @Ctx() ctx: RequestContext,
    @Args() { channelId, productId }: ChannelProductArgs,
  ): Promise<Channel> {
    return this.channelService.remove(ctx, channelId, productId);
  }

  @Query(() => [CounterReport], { description: "A counter's recorded sales reports, newest first" })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  counterReports(
    @Ctx() ctx: RequestContext,
    @Args('channelId', { type: () => ID }) channelId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<CounterReport[]> {
    return this.counterLog.reports(ctx, channelId, first);
  }

  @Query(() => [CounterRejection], {
    description:
      'Refused counter requests (bad signatures, stale timestamps, reused nonces, unknown devices…), newest first',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  counterRejections(
    @Ctx() ctx: RequestContext,
    @Args('channelId', { type: () => ID, nullable: true }) channelId?: string,
    @Args('deviceId', { type: () => String, nullable: true }) deviceId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<CounterRejection[]> {
    return this.counterLog.rejections(ctx, { channelId, deviceId }, first);
  }

  @ResolveField(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Parent() channel: Channel): Promise<Region | null> {
    return channel.regionCode ? this.regions.find(ctx, channel.regionCode) : Promise.resolve(null);
  }

  @ResolveField(() => Int, { description: 'How many products are placed here' })
  productCount(@Ctx() ctx: RequestContext, @Parent() channel: Channel): Promise<number> {
    return this.channelService.productCount(ctx, channel.id);
  }
}
