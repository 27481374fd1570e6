import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PeriodArgs, type RequestContext, Role } from '@bangfu/core';
import { ChannelShareService } from './channel-share.service';
import { IndicatorsService } from './indicators.service';
import { StatsReconciliationService } from './reconciliation.service';
import { SalesStatsService } from './sales-stats.service';
import {
  AssistanceIndicators,
  ChannelCertifiedShareReport,
  SalesGroupBy,
  SalesStats,
  StatsReconciliationReport,
  StatsSide,
} from './statistics.types';

const { COORDINATOR, AUDITOR, PLATFORM_ADMIN } = Role;
const REGION_DOC = '12-digit division code or prefix; "" or "000000000000" = the whole country';

@Resolver()
export class StatisticsResolver {
  constructor(
    private readonly sales: SalesStatsService,
    private readonly indicators: IndicatorsService,
    private readonly channelShare: ChannelShareService,
    private readonly reconciliation: StatsReconciliationService,
  ) {}

  @Query(() => SalesStats, {
    description: 'Sales that count (one definition), grouped; from/to are months or dates, inclusive (Asia/Shanghai)',
  })
  @Allow(COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  salesStats(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String, description: REGION_DOC }) regionCode: string,
    @Args() { from, to }: PeriodArgs,
    @Args('groupBy', { type: () => SalesGroupBy }) groupBy: SalesGroupBy,
    @Args('side', { type: () => StatsSide, nullable: true, defaultValue: StatsSide.ORIGIN }) side: StatsSide,
  ): Promise<SalesStats> {
    return this.sales.salesStats(ctx, regionCode, from, to, groupBy, side ?? StatsSide.ORIGIN);
  }

  @Query(() => AssistanceIndicators, {
    description: '消费帮扶 indicators of a region as of a date (YYYY-MM-DD), with the report sentence',
  })
  @Allow(COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  assistanceIndicators(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String, description: REGION_DOC }) regionCode: string,
    @Args('date', { type: () => String }) date: string,
  ): Promise<AssistanceIndicators> {
    return this.indicators.indicators(ctx, regionCode, date);
  }

  @Query(() => ChannelCertifiedShareReport, {
    description:
      'Certified vs uncertified net sales per hall, zone and counter; counters below the threshold are warnings',
  })
  @Allow(COORDINATOR, AUDITOR, PLATFORM_ADMIN)
  channelCertifiedShare(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String, description: REGION_DOC }) regionCode: string,
    @Args() { from, to }: PeriodArgs,
    @Args('side', { type: () => StatsSide, nullable: true, defaultValue: StatsSide.ORIGIN }) side: StatsSide,
  ): Promise<ChannelCertifiedShareReport> {
    return this.channelShare.report(ctx, regionCode, from, to, side ?? StatsSide.ORIGIN);
  }

  @Mutation(() => StatsReconciliationReport, {
    description:
      'Rebuild a period’s sales statistics from the order lines and report every difference (records the report)',
  })
  @Allow(PLATFORM_ADMIN)
  reconcileSalesStats(
    @Ctx() ctx: RequestContext,
    @Args() { from, to }: PeriodArgs,
  ): Promise<StatsReconciliationReport> {
    return this.reconciliation.reconcile(ctx, from, to);
  }
}
