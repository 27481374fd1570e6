import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PageArgs, Paginated, type RequestContext, Role } from '@bangfu/core';
import { Region, RegionService } from '@bangfu/region';
import { HouseholdService } from './household.service';
import { Household } from './supplier.entities';
import { CreateHouseholdInput, HouseholdFilter } from './supplier.types';

@ObjectType()
export class HouseholdConnection extends Paginated(Household) {}

const READERS = [
  Role.PLATFORM_ADMIN,
  Role.COORDINATOR,
  Role.AUDITOR,
  Role.SUPPLIER_ADMIN,
  Role.SUPPLIER_STAFF,
  Role.FARMER,
];

@Resolver(() => Household)
export class HouseholdResolver {
  constructor(
    private readonly householdService: HouseholdService,
    private readonly regions: RegionService,
  ) {}

  @Mutation(() => Household, {
    description: 'Register a farmer household (supplier staff, or the coordinator of its village)',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR)
  createHousehold(@Ctx() ctx: RequestContext, @Args('input') input: CreateHouseholdInput): Promise<Household> {
    return this.householdService.create(ctx, input);
  }

  @Mutation(() => Household, { description: 'Give a household a FARMER login (by mobile number or email)' })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  createHouseholdLogin(
    @Ctx() ctx: RequestContext,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('password', { type: () => String }) password: string,
    @Args('phone', { type: () => String, nullable: true }) phone?: string | null,
    @Args('email', { type: () => String, nullable: true }) email?: string | null,
  ): Promise<Household> {
    return this.householdService.createLogin(ctx, householdId, { phone, email, password });
  }

  @Query(() => Household, { nullable: true, description: 'The signed-in farmer’s own household' })
  @Allow(Role.FARMER)
  myHousehold(@Ctx() ctx: RequestContext): Promise<Household | null> {
    return this.householdService.mine(ctx);
  }

  @Query(() => HouseholdConnection, { description: 'Households in your scope; names masked unless you may see them' })
  @Allow(...READERS)
  households(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => HouseholdFilter, nullable: true }) filter?: HouseholdFilter | null,
  ) {
    return this.householdService.list(ctx, filter ?? {}, page);
  }

  @Query(() => Household, { nullable: true })
  @Allow(...READERS)
  household(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Household | null> {
    return this.householdService.find(ctx, id);
  }

  @ResolveField(() => Region, { nullable: true })
  village(@Ctx() ctx: RequestContext, @Parent() h: Household): Promise<Region | null> {
    return this.regions.find(ctx, h.villageCode);
  }
}
