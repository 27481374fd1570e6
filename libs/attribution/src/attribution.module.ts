import { Module } from '@nestjs/common';
import { MonthlyPartitionsModule } from '@bangfu/queue';
import {
  AttributionEntry,
  AttributionHouseholdMonth,
  AttributionLine,
  AttributionMonthly,
  AttributionReconciliation,
  AttributionRefund,
  AttributionRegionMonth,
  AttributionRule,
} from './attribution.entities';
import { AttributionEventConsumer } from './attribution.consumer';
import { AttributionJobs, AttributionSchedulers } from './attribution.jobs';
import { AttributionQueryService } from './attribution-query.service';
import { AttributionResolver } from './attribution.resolver';
import { AttributionPartitions } from './attribution.partitions';
import { AttributionRuleService } from './attribution-rule.service';
import { AttributionService } from './attribution.service';
import { AttributionWriter } from './attribution-writer';
import { CountyIncomeService } from './county-income.service';
import { AttributionFactsLoader } from './facts';
import { IncomeShareService } from './income-share.service';
import { ReconciliationService } from './reconciliation.service';

export const ATTRIBUTION_ENTITIES = [
  AttributionRule,
  AttributionLine,
  AttributionRefund,
  AttributionEntry,
  AttributionMonthly,
  AttributionHouseholdMonth,
  AttributionRegionMonth,
  AttributionReconciliation,
];

/** What other libs may inject; the loader, writer, consumer, jobs and resolver stay inside. */
const EXPORTED = [
  AttributionService,
  AttributionRuleService,
  AttributionQueryService,
  CountyIncomeService,
  IncomeShareService,
  ReconciliationService,
];

/**
 * Farmer income attribution. Learns about orders from ordering's events (@bangfu/events: OrderCounted,
 * OrderRefunded carry the facts), reads catalog and supplier tables with SQL and imports none of their
 * modules, so that catalog (income share on product pages) can use it without a cycle.
 */
@Module({
  imports: [MonthlyPartitionsModule],
  providers: [
    AttributionFactsLoader,
    AttributionWriter,
    ...EXPORTED,
    AttributionEventConsumer,
    AttributionJobs,
    AttributionSchedulers,
    AttributionPartitions,
    AttributionResolver,
  ],
  exports: EXPORTED,
})
export class AttributionModule {}
