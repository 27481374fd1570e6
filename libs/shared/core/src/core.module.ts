import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppErrorFilter } from './error-filter';
import { AuthGuard, TokenService } from './auth';
import { APP_CONFIG, type AppConfig } from './config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
import { DbModule } from './db';
import { graphqlModule } from './graphql';
import { HealthController } from './health';
import { MetricsController } from './metrics';
import { RedisModule } from './redis';
import { ResponseCache } from './response-cache';
import { SystemResolver } from './system.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = Function[];

/** Infrastructure every deployment shares: config, Postgres, Redis, GraphQL, auth guard, health, metrics. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: { config: AppConfig; entities: ClassList; migrations: ClassList }): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DbModule.forRoot({ entities: options.entities, migrations: options.migrations }),
        RedisModule,
        graphqlModule(),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        SystemResolver,
        TokenService,
        ResponseCache,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
      exports: [TokenService, ResponseCache],
    };
  }
}
