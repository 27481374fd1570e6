import { Module } from '@nestjs/common';
import { CatalogModule } from '@bangfu/catalog';
import { CertificationModule } from '@bangfu/certification';
import { IdentityModule } from '@bangfu/identity';
import { LedgerModule } from '@bangfu/ledger';
import { OrderingModule } from '@bangfu/ordering';
import { RegionModule } from '@bangfu/region';
import { SupplierModule } from '@bangfu/supplier';
import { CHANNEL_CONFIG, loadChannelConfig } from './channel.config';
import { Channel, ChannelProduct, CounterRejection, CounterReport } from './channel.entities';
import { ChannelResolver } from './channel.resolver';
import { ChannelService } from './channel.service';
import { CounterController } from './counter.controller';
import { CounterLogService } from './counter-log.service';
import { CounterSalesService } from './counter-sales.service';

export const CHANNEL_ENTITIES = [Channel, ChannelProduct, CounterReport, CounterRejection];

@Module({
  imports: [
    RegionModule,
    IdentityModule,
    SupplierModule,
    CatalogModule,
    CertificationModule,
    OrderingModule,
    LedgerModule,
  ],
  controllers: [CounterController],
  providers: [
    { provide: CHANNEL_CONFIG, useFactory: () => loadChannelConfig(process.env) },
    ChannelService,
    CounterSalesService,
    CounterLogService,
    ChannelResolver,
  ],
  exports: [ChannelService],
})
export class ChannelModule {}
