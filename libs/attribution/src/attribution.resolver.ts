import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, PeriodArgs, PUBLIC, type RequestContext, Role } from '@bangfu/core';
import { AttributionRule } from './attribution.entities';
import { AttributionQueryService } from './attribution-query.service';
import { AttributionRuleService } from './attribution-rule.service';
import {
  AttributionSummary,
  HouseholdIncome,
  OrderAttribution,
  ProductIncomeShare,
  ReconciliationReport,
  SetAttributionRuleInput,
  UnassignedBucket,
} from './attribution.types';
import { IncomeShareService } from './income-share.service';
import { ReconciliationService } from './reconciliation.service';

const { SUPPLIER_ADMIN, SUPPLIER_STAFF, COORDINATOR, AUDITOR, PLATFORM_ADMIN, FARMER } = Role;

@Resolver()
export class AttributionResolver {
  constructor(
    private readonly rules: AttributionRuleService,
    private readonly queries: AttributionQueryService,
    private readonly incomeShares: IncomeShareService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Mutation(() => AttributionRule, {
    description:
      'A new version of a product’s attribution rule (or of the supplier default); applies to orders placed from effectiveFrom',
  })
  @Allow(SUPPLIER_ADMIN, SUPPLIER_STAFF, PLATFORM_ADMIN)
  setAttributionRule(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetAttributionRuleInput,
  ): Promise<AttributionRule> {
    return this.rules.setRule(ctx, input);
  }

  @Query(() => [AttributionRule], {
    description:
      'Versions of a product’s rule and of its supplier’s default (or, with supplierId only, the defaults), newest first',
  })
  @Allow(SUPPLIER_ADMIN, SUPPLIER_STAFF, COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  attributionRules(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID, nullable: true }) productId?: string | null,
    @Args('supplierId', { type: () => ID, nullable: true }) supplierId?: string | null,
  ): Promise<AttributionRule[]> {
    return this.rules.listRules(ctx, productId, supplierId);
  }

  @Query(() => HouseholdIncome, {
    description: 'A household’s attributed income by month and product; from/to are months or dates (Asia/Shanghai)',
  })
  @Allow(FARMER, SUPPLIER_ADMIN, SUPPLIER_STAFF, COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  householdIncome(
    @Ctx() ctx: RequestContext,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args() { from, to }: PeriodArgs,
  ): Promise<HouseholdIncome> {
    return this.queries.householdIncome(ctx, householdId, from, to);
  }

  @Query(() => HouseholdIncome, { description: 'The signed-in farmer’s own household income' })
  @Allow(FARMER)
  myHouseholdIncome(@Ctx() ctx: RequestContext, @Args() { from, to }: PeriodArgs): Promise<HouseholdIncome> {
    return this.queries.myHouseholdIncome(ctx, from, to);
  }

  @Query(() => AttributionSummary, {
    description: 'Attributed income and households driven (带动户数) in a region over whole months',
  })
  @Allow(COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  attributionSummary(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args() { from, to }: PeriodArgs,
  ): Promise<AttributionSummary> {
    return this.queries.summary(ctx, regionCode, from, to);
  }

  @Query(() => OrderAttribution, {
    description: '“Where your money went”: households, village collectives and cooperatives an order earned money for',
  })
  @Allow(AUTHENTICATED)
  orderAttribution(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
  ): Promise<OrderAttribution> {
    return this.queries.orderAttribution(ctx, orderId);
  }

  @Query(() => ProductIncomeShare, {
    description: 'What one unit of the product brings farmer households under the rule in force now',
  })
  @Allow(PUBLIC)
  productIncomeShare(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
  ): Promise<ProductIncomeShare> {
    return this.incomeShares.productIncomeShare(ctx, productId);
  }

  @Query(() => [UnassignedBucket], {
    description: 'Income from shipped units not covered by lots, per supplier, product and month',
  })
  @Allow(SUPPLIER_ADMIN, SUPPLIER_STAFF, COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  unassignedAttribution(
    @Ctx() ctx: RequestContext,
    @Args() { from, to }: PeriodArgs,
    @Args('supplierId', { type: () => ID, nullable: true }) supplierId?: string | null,
  ): Promise<UnassignedBucket[]> {
    return this.queries.unassigned(ctx, from, to, supplierId);
  }

  @Mutation(() => ReconciliationReport, {
    description:
      'Rebuild a period’s attribution from orders, allocations and rules and report every difference (records the report)',
  })
  @Allow(PLATFORM_ADMIN)
  reconcileAttribution(@Ctx() ctx: RequestContext, @Args() { from, to }: PeriodArgs): Promise<ReconciliationReport> {
    return this.reconciliation.reconcile(ctx, from, to);
  }
}
