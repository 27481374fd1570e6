import { DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule } from '@bangfu/core';
import { IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { migrations } from '@bangfu/migrations';
import { QueueModule } from '@bangfu/queue';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';

/** Every domain's entities, in one list for the DataSource. */
export const ENTITIES = [...REGION_ENTITIES, ...IDENTITY_ENTITIES];
export const DOMAIN_MODULES = [RegionModule, IdentityModule];

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
