import { Module } from '@nestjs/common';
import { AttributionModule } from '@bangfu/attribution';
import { CatalogModule } from '@bangfu/catalog';
import { StorageModule } from '@bangfu/storage';
import { IdentityModule } from '@bangfu/identity';
import { ExternalFindingModule } from '@bangfu/oversight';
import { RegionModule } from '@bangfu/region';
import { SupplierModule } from '@bangfu/supplier';
import { CommitmentResolver, ReceiptResolver } from './commitment.resolver';
import { CommitmentService } from './commitment.service';
import { IncomeResolver } from './income.resolver';
import { IncomeService } from './income.service';
import { createNotificationChannel, NOTIFICATION_CHANNEL } from './notification-channel';
import { OfferResolver } from './offer.resolver';
import { OfferService } from './offer.service';
import { ProduceAccess } from './produce-access';
import { ProduceFilesController } from './produce-files.controller';
import { ProduceImageService } from './produce-image.service';
import {
  IncomeConfirmation,
  IncomeDispute,
  ProduceCommitment,
  ProduceCommitmentHistory,
  ProduceOffer,
  ProducePayment,
  ProduceReceipt,
} from './produce.entities';
import { ProduceNotifier } from './produce-notifier';
import { ReceiptService } from './receipt.service';
import { TransparencyResolver } from './transparency.resolver';
import { TransparencyService } from './transparency.service';

export const PRODUCE_ENTITIES = [
  ProduceOffer,
  ProduceCommitment,
  ProduceCommitmentHistory,
  ProduceReceipt,
  ProducePayment,
  IncomeConfirmation,
  IncomeDispute,
];

/** 农户供货 → 收购承诺 → 收购入库 → 收购款 → 月度收入确认. */
@Module({
  // ExternalFindingModule only (not OversightModule): a dispute opens an auditor's finding without oversight's detectors.
  imports: [
    RegionModule,
    IdentityModule,
    SupplierModule,
    CatalogModule,
    AttributionModule,
    ExternalFindingModule,
    StorageModule,
  ],
  controllers: [ProduceFilesController],
  providers: [
    // Core config cannot be extended from here, so the channel reads its own variable (SMS_PROVIDER).
    { provide: NOTIFICATION_CHANNEL, useFactory: () => createNotificationChannel(process.env) },
    ProduceAccess,
    ProduceImageService,
    ProduceNotifier,
    OfferService,
    CommitmentService,
    ReceiptService,
    IncomeService,
    OfferResolver,
    CommitmentResolver,
    ReceiptResolver,
    IncomeResolver,
    TransparencyService,
    TransparencyResolver,
  ],
  exports: [OfferService, CommitmentService, ReceiptService, IncomeService, NOTIFICATION_CHANNEL],
})
export class ProduceModule {}
