import { DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule } from '@bangfu/core';
import { AFTERSALES_ENTITIES, AftersalesModule } from '@bangfu/aftersales';
import { ATTRIBUTION_ENTITIES, AttributionModule } from '@bangfu/attribution';
import { AuditModule } from '@bangfu/audit';
import { CATALOG_ENTITIES, CatalogModule } from '@bangfu/catalog';
import { CERTIFICATION_ENTITIES, CertificationModule } from '@bangfu/certification';
import { CHANNEL_ENTITIES, ChannelModule } from '@bangfu/channel';
import { IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { LEDGER_ENTITIES, LedgerModule } from '@bangfu/ledger';
import { migrations } from '@bangfu/migrations';
import { ORDERING_ENTITIES, OrderingModule } from '@bangfu/ordering';
import { OVERSIGHT_ENTITIES, OversightModule } from '@bangfu/oversight';
import { PAYMENT_ENTITIES, PaymentModule } from '@bangfu/payment';
import { PROCUREMENT_ENTITIES, ProcurementModule } from '@bangfu/procurement';
import { PRODUCE_ENTITIES, ProduceModule } from '@bangfu/produce';
import { QueueModule } from '@bangfu/queue';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { STATISTICS_ENTITIES, StatisticsModule } from '@bangfu/statistics';
import { SUPPLIER_ENTITIES, SupplierModule } from '@bangfu/supplier';

/** Every domain's entities, in one list for the DataSource. */
export const ENTITIES = [
  ...REGION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...SUPPLIER_ENTITIES,
  ...CATALOG_ENTITIES,
  ...CERTIFICATION_ENTITIES,
  ...CHANNEL_ENTITIES,
  ...ORDERING_ENTITIES,
  ...LEDGER_ENTITIES,
  ...PAYMENT_ENTITIES,
  ...PROCUREMENT_ENTITIES,
  ...ATTRIBUTION_ENTITIES,
  ...STATISTICS_ENTITIES,
  ...PRODUCE_ENTITIES,
  ...OVERSIGHT_ENTITIES,
  ...AFTERSALES_ENTITIES,
];
export const DOMAIN_MODULES = [
  RegionModule,
  IdentityModule,
  SupplierModule,
  CatalogModule,
  CertificationModule,
  ChannelModule,
  OrderingModule,
  LedgerModule,
  PaymentModule,
  ProcurementModule,
  AttributionModule,
  StatisticsModule,
  AuditModule,
  OversightModule,
  AftersalesModule,
  ProduceModule,
];

/** The composition root: infrastructure plus every bounded context. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { runWorkers?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config, entities: ENTITIES, migrations }),
        QueueModule.forRoot({ runWorkers: options.runWorkers ?? config.WORKER_IN_PROCESS }),
        ...DOMAIN_MODULES,
      ],
    };
  }
}
