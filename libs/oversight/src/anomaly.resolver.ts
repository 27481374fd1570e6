import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, type Connection, Ctx, PageArgs, type RequestContext, Role } from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { AnomalyFindingService } from './anomaly-finding.service';
import { AnomalyThresholdService } from './anomaly-threshold.service';
import { AnomalyKind } from './anomaly.entities';
import {
  AnomalyDetectionRun,
  AnomalyEvidenceOrder,
  AnomalyFindingConnection,
  AnomalyFindingFilter,
  AnomalyFindingView,
  AnomalyReviewDecision,
  AnomalyRuleInfo,
  AnomalyThresholdInput,
} from './anomaly.types';

const { AUDITOR, COORDINATOR, PLATFORM_ADMIN } = Role;

@Resolver(() => AnomalyFindingView)
export class AnomalyResolver {
  constructor(
    private readonly findings: AnomalyFindingService,
    private readonly detection: AnomalyDetectionService,
    private readonly thresholds: AnomalyThresholdService,
  ) {}

  @Query(() => AnomalyFindingConnection, {
    description: 'Anomaly findings in your region (platform admins: all), newest first',
  })
  @Allow(AUDITOR, COORDINATOR, PLATFORM_ADMIN)
  anomalyFindings(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AnomalyFindingFilter, nullable: true }) filter: AnomalyFindingFilter | null,
  ): Promise<Connection<AnomalyFindingView>> {
    return this.findings.list(ctx, filter, page);
  }

  @Query(() => AnomalyFindingView, { description: 'One finding in your region' })
  @Allow(AUDITOR, COORDINATOR, PLATFORM_ADMIN)
  anomalyFinding(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AnomalyFindingView> {
    return this.findings.get(ctx, id);
  }

  @ResolveField(() => [AnomalyEvidenceOrder], {
    description: 'The orders behind the evidence (open each with order(id))',
  })
  evidenceOrders(@Ctx() ctx: RequestContext, @Parent() finding: AnomalyFindingView): Promise<AnomalyEvidenceOrder[]> {
    return this.findings.evidenceOrders(ctx, finding);
  }

  @Mutation(() => AnomalyFindingView, {
    description:
      'AUDITOR (own region) or PLATFORM_ADMIN: CONFIRM or DISMISS an open finding with a reason; a confirmation may exclude its orders from statistics and propose suspending its supplier',
  })
  @Allow(AUDITOR, PLATFORM_ADMIN)
  reviewAnomalyFinding(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => AnomalyReviewDecision }) decision: AnomalyReviewDecision,
    @Args('reason', { type: () => String }) reason: string,
    @Args('excludeFromStatistics', { type: () => Boolean, nullable: true, defaultValue: false })
    excludeFromStatistics: boolean,
    @Args('proposeSuspension', { type: () => Boolean, nullable: true, defaultValue: false }) proposeSuspension: boolean,
  ): Promise<AnomalyFindingView> {
    return this.findings.review(ctx, id, decision, reason, { excludeFromStatistics, proposeSuspension });
  }

  @Query(() => [AnomalyRuleInfo], {
    description: 'The detection rules with their default thresholds and the regional overrides on your path',
  })
  @Allow(AUDITOR, COORDINATOR, PLATFORM_ADMIN)
  anomalyRules(@Ctx() ctx: RequestContext): Promise<AnomalyRuleInfo[]> {
    return this.thresholds.rules(ctx);
  }

  @Mutation(() => AnomalyRuleInfo, {
    description:
      'PLATFORM_ADMIN: set a region’s thresholds for one rule (the longest prefix wins; "" = the whole country; no values = remove the override)',
  })
  @Allow(PLATFORM_ADMIN)
  setAnomalyThresholds(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => AnomalyKind }) kind: AnomalyKind,
    @Args('regionPrefix', { type: () => String }) regionPrefix: string,
    @Args('values', { type: () => [AnomalyThresholdInput] }) values: AnomalyThresholdInput[],
  ): Promise<AnomalyRuleInfo> {
    return this.thresholds.set(ctx, kind, regionPrefix, values);
  }

  @Mutation(() => AnomalyDetectionRun, {
    description: 'PLATFORM_ADMIN: scan now (what the schedule does), keeping findings in the region ("" = everywhere)',
  })
  @Allow(PLATFORM_ADMIN)
  runAnomalyDetection(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode: string | null,
  ): Promise<AnomalyDetectionRun> {
    const raw = String(regionCode ?? '').trim();
    const regionPrefix = raw === '' || raw === '000000000000' ? '' : normalizePrefix(raw);
    return this.detection.runNow(ctx, regionPrefix);
  }
}
