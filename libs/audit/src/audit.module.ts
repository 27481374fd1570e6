import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdentityModule } from '@bangfu/identity';
import { MonthlyPartitionsModule } from '@bangfu/queue';
import { AuditChainService } from './audit-chain.service';
import { AuditInterceptor } from './audit.interceptor';
import { AuditJobs, AuditSchedulers } from './audit.jobs';
import { AuditQueryService } from './audit-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditSealer } from './audit-sealer';
import { AuditPartitions } from './audit.partitions';

/** The audit trail: every mutation and audited REST call writes a hash-chained event (README). */
@Module({
  imports: [IdentityModule, MonthlyPartitionsModule],
  providers: [
    AuditService,
    AuditSealer,
    AuditQueryService,
    AuditChainService,
    AuditResolver,
    AuditJobs,
    AuditSchedulers,
    AuditPartitions,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditService, AuditChainService, AuditSealer],
})
export class AuditModule {}
