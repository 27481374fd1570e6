import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext, Role } from '@bangfu/core';
import { Region, RegionService } from '@bangfu/region';
import { shanghaiDate } from '@bangfu/locale';
import { HouseholdService } from './household.service';
import { LinkageService } from './linkage.service';
import { Household, Linkage } from './supplier.entities';
import { CreateLinkageInput } from './supplier.types';

@Resolver(() => Linkage)
export class LinkageResolver {
  constructor(
    private readonly linkageService: LinkageService,
    private readonly householdService: HouseholdService,
    private readonly regions: RegionService,
  ) {}

  @Mutation(() => Linkage, {
    description: 'Record a linkage (利益联结) between a supplier and a household or village collective',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR)
  createLinkage(@Ctx() ctx: RequestContext, @Args('input') input: CreateLinkageInput): Promise<Linkage> {
    return this.linkageService.create(ctx, input);
  }

  @Mutation(() => Linkage, { description: 'End a linkage on validTo (inclusive)' })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR)
  endLinkage(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('validTo', { type: () => String }) validTo: string,
  ): Promise<Linkage> {
    return this.linkageService.end(ctx, id, validTo);
  }

  @Query(() => [Linkage])
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  linkages(@Ctx() ctx: RequestContext, @Args('supplierId', { type: () => ID }) supplierId: string): Promise<Linkage[]> {
    return this.linkageService.list(ctx, supplierId);
  }

  @ResolveField(() => Household, { nullable: true, description: 'The household (name masked per caller)' })
  async household(@Ctx() ctx: RequestContext, @Parent() l: Linkage): Promise<Household | null> {
    if (!l.householdId) return null;
    return (await this.householdService.byIds(ctx, [l.householdId]))[0] ?? null;
  }

  @ResolveField(() => Region, { nullable: true, description: 'The village collective' })
  village(@Ctx() ctx: RequestContext, @Parent() l: Linkage): Promise<Region | null> {
    return l.villageCode ? this.regions.find(ctx, l.villageCode) : Promise.resolve(null);
  }

  @ResolveField(() => Boolean, { description: 'Valid today (Asia/Shanghai)' })
  active(@Parent() l: Linkage): boolean {
    const today = shanghaiDate();
    return l.validFrom <= today && (l.validTo === null || l.validTo >= today);
  }
}
