import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, type RequestContext, Role, TRADE_READERS } from '@bangfu/core';
import { PaymentClockService } from './payment-clock.service';
import { JurisdictionPaymentTerms, PaymentClockFilter, PaymentClockReport } from './payment-clock.types';
import { SupervisionService } from './supervision.service';
import { CompletionRanking, CompletionSnapshotInfo, SupervisionGroupBy } from './supervision.types';

const SUPERVISORS = [Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];
/** The payment clock is about agency purchases: both sides of them and the overseers, not consumers. */
const CLOCK_READERS = TRADE_READERS.filter((role) => role !== Role.CUSTOMER);

@Resolver()
export class SupervisionResolver {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly clock: PaymentClockService,
  ) {}

  @Query(() => CompletionRanking, {
    description:
      'Coordinators/auditors (their prefix; FORBIDDEN outside), platform admins (000000000000 = whole country): completion ranking by city, county, department or unit; a published month reads its frozen snapshot and shows the difference to live figures',
  })
  @Allow(...SUPERVISORS)
  completionRanking(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('groupBy', { type: () => SupervisionGroupBy }) groupBy: SupervisionGroupBy,
    @Args('month', {
      type: () => Int,
      nullable: true,
      description: 'Up to the end of this month (1–12); omitted: the whole year, live',
    })
    month?: number | null,
  ): Promise<CompletionRanking> {
    return this.supervision.ranking(ctx, { regionCode, year, month, groupBy });
  }

  @Query(() => [CompletionSnapshotInfo], { description: 'Published (frozen) month-end snapshots of a year' })
  @Allow(...SUPERVISORS)
  completionSnapshots(
    @Ctx() ctx: RequestContext,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<CompletionSnapshotInfo[]> {
    return this.supervision.snapshots(ctx, year);
  }

  @Mutation(() => CompletionSnapshotInfo, {
    description:
      'Platform admin: freeze a month that has ended (MONTH_NOT_ENDED, SNAPSHOT_EXISTS); the month-end job does the same on its own',
  })
  @Allow(Role.PLATFORM_ADMIN)
  publishCompletionSnapshot(
    @Ctx() ctx: RequestContext,
    @Args('year', { type: () => Int }) year: number,
    @Args('month', { type: () => Int }) month: number,
  ): Promise<CompletionSnapshotInfo> {
    return this.supervision.publish(ctx, year, month, 'ADMIN');
  }

  @Query(() => PaymentClockReport, {
    description:
      'Payment clock of accepted pay-on-delivery agency orders as of a day: due date, days overdue, late interest; scoped in SQL (units, region, or what is owed to your supplier)',
  })
  @Allow(...CLOCK_READERS)
  paymentClock(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => PaymentClockFilter, nullable: true }) filter?: PaymentClockFilter | null,
    @Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD (default today, Asia/Shanghai)' })
    asOf?: string | null,
  ): Promise<PaymentClockReport> {
    return this.clock.report(ctx, filter ?? {}, asOf);
  }

  @Query(() => [JurisdictionPaymentTerms], {
    description: 'Payment terms set by province or city (elsewhere 30 days, 500 ppm a day)',
  })
  @Allow(AUTHENTICATED)
  jurisdictionPaymentTerms(@Ctx() ctx: RequestContext): Promise<JurisdictionPaymentTerms[]> {
    return this.clock.listTerms(ctx);
  }

  @Mutation(() => JurisdictionPaymentTerms, {
    description:
      'Platform admin: days to pay after acceptance (1–60) and the daily late-interest rate (ppm) of a province or city',
  })
  @Allow(Role.PLATFORM_ADMIN)
  setJurisdictionPaymentTerms(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args('termDays', { type: () => Int }) termDays: number,
    @Args('dailyRatePpm', { type: () => Int }) dailyRatePpm: number,
  ): Promise<JurisdictionPaymentTerms> {
    return this.clock.setTerms(ctx, regionCode, termDays, dailyRatePpm);
  }
}
