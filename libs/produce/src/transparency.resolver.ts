import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PUBLIC, type RequestContext } from '@bangfu/core';
import { TransparencyService } from './transparency.service';
import { CountyTransparency } from './transparency.types';

@Resolver(() => CountyTransparency)
export class TransparencyResolver {
  constructor(private readonly transparency: TransparencyService) {}

  @Query(() => CountyTransparency, {
    description:
      '来自这个县的收入 — public: purchase payments and attributed income that reached a county’s households in a year, households driven, top products; no personal data',
  })
  @Allow(PUBLIC)
  countyTransparency(
    @Ctx() ctx: RequestContext,
    @Args('countyCode', { type: () => String, description: 'A county’s 12-digit code or 6-digit prefix' })
    countyCode: string,
    @Args('year', { type: () => Int, nullable: true, description: 'Defaults to this year (Asia/Shanghai)' })
    year?: number | null,
  ): Promise<CountyTransparency> {
    return this.transparency.county(ctx, countyCode, year);
  }
}
