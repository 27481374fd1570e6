import { Module } from '@nestjs/common';
import { MonthlyPartitionsModule } from '@bangfu/queue';
import { IdentityModule } from '@bangfu/identity';
import { LEDGER_CONFIG, ledgerConfigFromEnv } from './ledger.config';
import { LedgerAccount, LedgerEntry, LedgerPosting } from './ledger.entities';
import { LedgerReportService } from './ledger-report.service';
import { LedgerResolver } from './ledger.resolver';
import { LedgerPartitions } from './ledger.partitions';
import { LedgerService } from './ledger.service';

export const LEDGER_ENTITIES = [LedgerAccount, LedgerPosting, LedgerEntry];

@Module({
  imports: [IdentityModule, MonthlyPartitionsModule],
  providers: [
    { provide: LEDGER_CONFIG, useFactory: () => ledgerConfigFromEnv(process.env) },
    LedgerService,
    LedgerReportService,
    LedgerResolver,
    LedgerPartitions,
  ],
  exports: [LedgerService, LedgerReportService, LEDGER_CONFIG],
})
export class LedgerModule {}
