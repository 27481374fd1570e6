import { Module } from '@nestjs/common';
import { CatalogModule } from '@bangfu/catalog';
import { IdentityModule } from '@bangfu/identity';
import { OrderingModule } from '@bangfu/ordering';
import { RegionModule } from '@bangfu/region';
import { UnitAccess } from './access';
import { BasketService } from './basket.service';
import { ProcurementCheckoutPolicy } from './checkout-policy';
import { CompletionService } from './completion.service';
import { DocumentService } from './document.service';
import { ExportService } from './export.service';
import { FilingService } from './filing.service';
import { LimitsService } from './limits.service';
import { PaymentClockConsumer } from './payment-clock.consumer';
import { PaymentClockService } from './payment-clock.service';
import { ProcurementController } from './procurement.controller';
import {
  JurisdictionMinimum,
  JurisdictionStaffPurchases,
  OrderBinding,
  OrderRebinding,
  PoNumberSequence,
  ProcurementAnomalyFlag,
  ProcurementLimit,
  ProcurementPolicy,
  PurchaseRequest,
  PurchaseRequestEvent,
  ReservedShareAmendment,
  ReservedShareCoverage,
  ReservedShareDeadline,
  ReservedShareExemption,
  ReservedShareFiling,
  ReservedShareMovement,
  ReservedShareProgress,
} from './procurement.entities';
import { ProcurementService } from './procurement.service';
import { ReservedShareProgressConsumer } from './progress.consumer';
import { ProcurementAdminResolver, PurchaseRequestResolver } from './purchase-request.resolver';
import { PurchaseRequestService } from './purchase-request.service';
import { RebindingService } from './rebinding.service';
import { ReservedShareAmendmentResolver, ReservedShareResolver } from './reserved-share.resolver';
import { ShareRulesService } from './share-rules.service';
import { SupervisionController } from './supervision.controller';
import { CompletionSnapshotJob, CompletionSnapshotScheduler } from './supervision.job';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

export const PROCUREMENT_ENTITIES = [
  JurisdictionMinimum,
  JurisdictionStaffPurchases,
  ReservedShareDeadline,
  ReservedShareExemption,
  ReservedShareFiling,
  ReservedShareCoverage,
  ReservedShareAmendment,
  ProcurementPolicy,
  ProcurementLimit,
  PurchaseRequest,
  PurchaseRequestEvent,
  ProcurementAnomalyFlag,
  PoNumberSequence,
  OrderBinding,
  ReservedShareMovement,
  ReservedShareProgress,
  OrderRebinding,
];

@Module({
  imports: [RegionModule, IdentityModule, CatalogModule, OrderingModule],
  controllers: [ProcurementController, SupervisionController],
  providers: [
    UnitAccess,
    ShareRulesService,
    FilingService,
    LimitsService,
    ProcurementService,
    PurchaseRequestService,
    ProcurementCheckoutPolicy,
    BasketService,
    CompletionService,
    RebindingService,
    DocumentService,
    ExportService,
    ReservedShareProgressConsumer,
    ReservedShareResolver,
    ReservedShareAmendmentResolver,
    PurchaseRequestResolver,
    ProcurementAdminResolver,
    SupervisionService,
    PaymentClockService,
    PaymentClockConsumer,
    SupervisionResolver,
    CompletionSnapshotJob,
    CompletionSnapshotScheduler,
  ],
  exports: [
    ProcurementService,
    FilingService,
    ShareRulesService,
    CompletionService,
    PurchaseRequestService,
    LimitsService,
    SupervisionService,
    PaymentClockService,
  ],
})
export class ProcurementModule {}
