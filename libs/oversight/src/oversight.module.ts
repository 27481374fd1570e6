import { Module } from '@nestjs/common';
import { CatalogModule } from '@bangfu/catalog';
import { ChannelModule } from '@bangfu/channel';
import { IdentityModule } from '@bangfu/identity';
import { OrderingModule } from '@bangfu/ordering';
import { ProcurementModule } from '@bangfu/procurement';
import { StatsExclusionModule } from '@bangfu/statistics';
import { SupplierModule } from '@bangfu/supplier';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { AnomalyFindingService } from './anomaly-finding.service';
import { AnomalyThresholdService } from './anomaly-threshold.service';
import { AnomalyEventConsumer } from './anomaly.consumer';
import { AnomalyFindingRow, AnomalyStatisticsCorrection, AnomalyThresholdRow } from './anomaly.entities';
import { AnomalyScanJob, AnomalyScanScheduler } from './anomaly.jobs';
import { AnomalyResolver } from './anomaly.resolver';
import { DetectorDepsFactory } from './detector-deps';
import { ExternalFindingService } from './external-finding.service';
import { StatisticsCorrectionService } from './statistics-correction.service';
import { SupplierSuspensionProposal } from './suspension-proposal.entities';
import { SupplierSuspensionProposalResolver } from './suspension-proposal.resolver';
import { SupplierSuspensionProposalService } from './suspension-proposal.service';

export const OVERSIGHT_ENTITIES = [
  SupplierSuspensionProposal,
  AnomalyFindingRow,
  AnomalyThresholdRow,
  AnomalyStatisticsCorrection,
];

/**
 * Recording findings from other domains alone (needs only the database): what libs/produce imports
 * to open an INCOME_DISPUTE finding in the dispute's transaction, without oversight's detectors.
 */
@Module({ providers: [ExternalFindingService], exports: [ExternalFindingService] })
export class ExternalFindingModule {}

/** Oversight: anomaly findings that auditors review, and supplier suspension proposals for the platform admin. */
@Module({
  imports: [
    IdentityModule,
    SupplierModule,
    CatalogModule,
    ChannelModule,
    OrderingModule,
    ProcurementModule,
    StatsExclusionModule,
  ],
  providers: [
    SupplierSuspensionProposalService,
    SupplierSuspensionProposalResolver,
    DetectorDepsFactory,
    AnomalyThresholdService,
    AnomalyDetectionService,
    StatisticsCorrectionService,
    AnomalyFindingService,
    AnomalyEventConsumer,
    AnomalyScanJob,
    AnomalyScanScheduler,
    AnomalyResolver,
  ],
  exports: [
    SupplierSuspensionProposalService,
    AnomalyDetectionService,
    AnomalyFindingService,
    StatisticsCorrectionService,
  ],
})
export class OversightModule {}
