import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PUBLIC, RequestContext, Role } from '@bangfu/core';
import { Region } from './region.entity';
import { RegionService } from './region.service';

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly regionService: RegionService) {}

  @Query(() => [Region], { description: 'Children of parentCode, or the provinces when it is omitted' })
  @Allow(PUBLIC)
  regions(@Ctx() ctx: RequestContext, @Args('parentCode', { nullable: true }) parentCode?: string): Promise<Region[]> {
    return this.regionService.children(ctx, parentCode);
  }

  @Query(() => Region, { nullable: true })
  @Allow(PUBLIC)
  region(@Ctx() ctx: RequestContext, @Args('code') code: string): Promise<Region | null> {
    return this.regionService.find(ctx, code);
  }

  @ResolveField(() => [Region], { description: 'Ancestors from the province down to this region itself' })
  path(@Ctx() ctx: RequestContext, @Parent() region: Region): Promise<Region[]> {
    return this.regionService.path(ctx, region.code);
  }

  @ResolveField(() => [Region])
  children(@Ctx() ctx: RequestContext, @Parent() region: Region): Promise<Region[]> {
    return this.regionService.children(ctx, region.code);
  }

  @Mutation(() => Region, { description: 'Flag a county as ex-poverty (脱贫县) and/or key assistance (重点帮扶县)' })
  @Allow(Role.PLATFORM_ADMIN)
  setRegionFlags(
    @Ctx() ctx: RequestContext,
    @Args('code') code: string,
    @Args('exPovertyCounty', { nullable: true }) exPovertyCounty?: boolean,
    @Args('keyAssistanceCounty', { nullable: true }) keyAssistanceCounty?: boolean,
  ): Promise<Region> {
    return this.regionService.setFlags(ctx, code, { exPovertyCounty, keyAssistanceCounty });
  }
}
