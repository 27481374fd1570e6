import { Module } from '@nestjs/common';
import { CatalogModule } from '@bangfu/catalog';
import { RegionModule } from '@bangfu/region';
import { SupplierModule } from '@bangfu/supplier';
import { CertificationExpiryJob, CertificationExpiryScheduler } from './certification-expiry.job';
import { Certification, CertificationEvent } from './certification.entities';
import { CertificationListService } from './certification-list.service';
import { CertificationResolver, ProductCertificationResolver } from './certification.resolver';
import { CertificationService } from './certification.service';
import { CertifiedDirectoryExportController } from './certified-directory.controller';
import { CertifiedDirectoryService } from './certified-directory.service';

export const CERTIFICATION_ENTITIES = [Certification, CertificationEvent];

@Module({
  imports: [RegionModule, SupplierModule, CatalogModule],
  controllers: [CertifiedDirectoryExportController],
  providers: [
    CertificationService,
    CertificationListService,
    CertifiedDirectoryService,
    CertificationExpiryJob,
    CertificationExpiryScheduler,
    CertificationResolver,
    ProductCertificationResolver,
  ],
  exports: [CertificationService, CertifiedDirectoryService],
})
export class CertificationModule {}
