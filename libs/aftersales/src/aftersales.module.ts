import { Module } from '@nestjs/common';
import { CatalogModule } from '@bangfu/catalog';
import { StorageModule } from '@bangfu/storage';
import { IdentityModule } from '@bangfu/identity';
import { OrderingModule } from '@bangfu/ordering';
import { OversightModule } from '@bangfu/oversight';
import { PaymentModule } from '@bangfu/payment';
import { SupplierModule } from '@bangfu/supplier';
import { AFTERSALES_ENTITIES } from './aftersales.entities';
import { ComplaintPhotoResolver, ComplaintResolver, RatingResolver } from './aftersales.resolver';
import { AFTERSALES_CONFIG, loadAftersalesConfig } from './aftersales.rules';
import { ComplaintPhotoController, ComplaintPhotoService } from './complaint-photo.service';
import { ComplaintService } from './complaint.service';
import { AftersalesNotifier } from './notify';
import { RatingService } from './rating.service';
import { ScorecardService } from './scorecard.service';
import { AftersalesScope } from './scope';
import { SupplierRulesService } from './supplier-rules.service';

export { AFTERSALES_ENTITIES };

/** After-sales (售后): ratings, complaints with photos and the coordinator's decision, scorecards, 动态退出 rules. */
@Module({
  imports: [
    IdentityModule,
    SupplierModule,
    CatalogModule,
    OrderingModule,
    PaymentModule,
    OversightModule,
    StorageModule,
  ],
  controllers: [ComplaintPhotoController],
  providers: [
    // Core config cannot be extended from a domain lib: after-sales reads its own AFTERSALES_* variables.
    { provide: AFTERSALES_CONFIG, useFactory: () => loadAftersalesConfig(process.env) },
    AftersalesScope,
    AftersalesNotifier,
    SupplierRulesService,
    RatingService,
    ComplaintService,
    ComplaintPhotoService,
    ScorecardService,
    ComplaintResolver,
    ComplaintPhotoResolver,
    RatingResolver,
  ],
  exports: [RatingService, ComplaintService, ScorecardService, SupplierRulesService],
})
export class AftersalesModule {}
