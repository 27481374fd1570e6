import { Module } from '@nestjs/common';
import { CatalogModule } from '@bangfu/catalog';
import { StorageModule } from '@bangfu/storage';
import { IdentityModule } from '@bangfu/identity';
import { RegionModule } from '@bangfu/region';
import { SupplierModule } from '@bangfu/supplier';
import { CertificationExpiryJob, CertificationExpiryScheduler } from './certification-expiry.job';
import { Certification, CertificationDocument, CertificationEvent } from './certification.entities';
import { CertificationDocumentsController, CertificationDocumentService } from './certification-documents';
import { CertificationListService } from './certification-list.service';
import {
  CertificationDocumentResolver,
  CertificationResolver,
  ProductCertificationResolver,
} from './certification.resolver';
import { CertificationService } from './certification.service';
import { CertifiedDirectoryExportController } from './certified-directory.controller';
import { CertifiedDirectoryService } from './certified-directory.service';

export const CERTIFICATION_ENTITIES = [Certification, CertificationEvent, CertificationDocument];

@Module({
  imports: [RegionModule, IdentityModule, SupplierModule, CatalogModule, StorageModule],
  controllers: [CertifiedDirectoryExportController, CertificationDocumentsController],
  providers: [
    CertificationService,
    CertificationListService,
    CertifiedDirectoryService,
    CertificationExpiryJob,
    CertificationExpiryScheduler,
    CertificationResolver,
    ProductCertificationResolver,
    CertificationDocumentService,
    CertificationDocumentResolver,
  ],
  exports: [CertificationService, CertifiedDirectoryService],
})
export class CertificationModule {}
