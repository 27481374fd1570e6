import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, type RequestContext } from '@bangfu/core';
import { RegionService } from '@bangfu/region';
import { CustomerAddress } from './address.entity';
import { AddressBookService } from './address.service';
import { AddressInput } from './address.types';

@Resolver(() => CustomerAddress)
export class AddressResolver {
  constructor(
    private readonly book: AddressBookService,
    private readonly regions: RegionService,
  ) {}

  @Query(() => [CustomerAddress], { description: 'Your address book (default first)' })
  @Allow(AUTHENTICATED)
  myAddresses(@Ctx() ctx: RequestContext): Promise<CustomerAddress[]> {
    return this.book.list(ctx);
  }

  @Mutation(() => CustomerAddress)
  @Allow(AUTHENTICATED)
  createAddress(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => AddressInput }) input: AddressInput,
  ): Promise<CustomerAddress> {
    return this.book.create(ctx, input);
  }

  @Mutation(() => CustomerAddress)
  @Allow(AUTHENTICATED)
  updateAddress(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => AddressInput }) input: AddressInput,
  ): Promise<CustomerAddress> {
    return this.book.update(ctx, id, input);
  }

  @Mutation(() => CustomerAddress)
  @Allow(AUTHENTICATED)
  setDefaultAddress(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CustomerAddress> {
    return this.book.setDefault(ctx, id);
  }

  @Mutation(() => Boolean)
  @Allow(AUTHENTICATED)
  deleteAddress(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.book.remove(ctx, id);
  }

  @ResolveField(() => [String], { description: 'Province … village names, top down' })
  async regionPath(@Ctx() ctx: RequestContext, @Parent() address: CustomerAddress): Promise<string[]> {
    return (await this.regions.path(ctx, address.regionCode)).map((r) => r.name);
  }
}
