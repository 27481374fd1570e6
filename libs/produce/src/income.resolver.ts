import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext, Role } from '@bangfu/core';
import { IncomeService } from './income.service';
import { IncomeDispute } from './produce.entities';
import { DisputeIncomeLineInput, IncomeConfirmationRates, IncomeDisputeFilter, IncomeStatement } from './produce.types';

@Resolver(() => IncomeStatement)
export class IncomeResolver {
  constructor(private readonly income: IncomeService) {}

  @Query(() => IncomeStatement, {
    description:
      'The signed-in farmer’s month: purchase payments and attributed income, separately, with confirmation status',
  })
  @Allow(Role.FARMER)
  myIncomeStatement(
    @Ctx() ctx: RequestContext,
    @Args('month', { type: () => String, description: 'YYYY-MM' }) month: string,
  ): Promise<IncomeStatement> {
    return this.income.myStatement(ctx, month);
  }

  @Query(() => IncomeStatement, {
    description: 'A household’s month, for coordinators and auditors covering its village (and platform admins)',
  })
  @Allow(Role.FARMER, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  householdIncomeStatement(
    @Ctx() ctx: RequestContext,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('month', { type: () => String }) month: string,
  ): Promise<IncomeStatement> {
    return this.income.statement(ctx, householdId, month);
  }

  @Mutation(() => IncomeStatement, {
    description: 'The farmer confirms the month’s purchase payments and attributed income as shown',
  })
  @Allow(Role.FARMER)
  confirmMonthlyIncome(
    @Ctx() ctx: RequestContext,
    @Args('month', { type: () => String }) month: string,
  ): Promise<IncomeStatement> {
    return this.income.confirm(ctx, month);
  }

  @Mutation(() => IncomeDispute, {
    description: 'The farmer disputes one line of a month; the supplier and the county coordinator are notified',
  })
  @Allow(Role.FARMER)
  disputeIncomeLine(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => DisputeIncomeLineInput }) input: DisputeIncomeLineInput,
  ): Promise<IncomeDispute> {
    return this.income.dispute(ctx, input);
  }

  @Mutation(() => IncomeDispute, {
    description: 'The supplier concerned or the village’s coordinator closes a dispute',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR)
  resolveIncomeDispute(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('resolution', { type: () => String }) resolution: string,
  ): Promise<IncomeDispute> {
    return this.income.resolve(ctx, id, resolution);
  }

  @Query(() => [IncomeDispute], {
    description: 'Income disputes: coordinators and auditors in their region, suppliers their own, platform admins all',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  incomeDisputes(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => IncomeDisputeFilter, nullable: true }) filter?: IncomeDisputeFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first?: number,
  ): Promise<IncomeDispute[]> {
    return this.income.disputes(ctx, filter ?? {}, first ?? 100);
  }

  @Query(() => IncomeConfirmationRates, {
    description: 'Monthly income confirmation rate per supplier and per village (households with a produce receipt)',
  })
  @Allow(Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  incomeConfirmationRates(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args('month', { type: () => String }) month: string,
  ): Promise<IncomeConfirmationRates> {
    return this.income.rates(ctx, regionCode, month);
  }
}
