import { Module } from '@nestjs/common';
import { AttributionModule } from '@bangfu/attribution';
import { CatalogModule } from '@bangfu/catalog';
import { CertificationModule } from '@bangfu/certification';
import { ChannelModule } from '@bangfu/channel';
import { IdentityModule } from '@bangfu/identity';
import { OrderingModule } from '@bangfu/ordering';
import { RegionModule } from '@bangfu/region';
import { SupplierModule } from '@bangfu/supplier';
import { ChannelShareService } from './channel-share.service';
import { LineDimsResolver } from './dims';
import { StatsExclusionService } from './exclusion.service';
import { HouseholdFiguresService } from './households';
import { IndicatorsService } from './indicators.service';
import { LabelService } from './labels';
import { StatsReconciliationService } from './reconciliation.service';
import { RollupWriterService } from './rollup-writer.service';
import { SalesStatsService } from './sales-stats.service';
import { StatisticsEventConsumer } from './statistics.consumer';
import { StatisticsExportController } from './statistics.controller';
import { StatsCorrection, StatsCube, StatsLine, StatsReconciliation, StatsRefund } from './statistics.entities';
import { StatisticsResolver } from './statistics.resolver';

export const STATISTICS_ENTITIES = [StatsLine, StatsRefund, StatsCube, StatsReconciliation, StatsCorrection];

/**
 * Exclusions alone (needs only the database): what oversight imports to exclude a confirmed finding's
 * orders, without pulling the counting consumer, resolvers and their domains into oversight's users.
 */
@Module({ providers: [StatsExclusionService], exports: [StatsExclusionService] })
export class StatsExclusionModule {}

/** Sales statistics for coordinators and auditors: rollups written when lines count, queries, indicators, exports. */
@Module({
  imports: [
    RegionModule,
    IdentityModule,
    SupplierModule,
    CatalogModule,
    CertificationModule,
    ChannelModule,
    OrderingModule,
    AttributionModule,
    StatsExclusionModule,
  ],
  controllers: [StatisticsExportController],
  providers: [
    LineDimsResolver,
    RollupWriterService,
    StatisticsEventConsumer,
    LabelService,
    HouseholdFiguresService,
    SalesStatsService,
    IndicatorsService,
    ChannelShareService,
    StatsReconciliationService,
    StatisticsResolver,
  ],
  exports: [
    StatsExclusionModule,
    RollupWriterService,
    SalesStatsService,
    IndicatorsService,
    ChannelShareService,
    StatsReconciliationService,
  ],
})
export class StatisticsModule {}
