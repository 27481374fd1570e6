import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LeaseService } from './lease';
import { QueueService, RUN_WORKERS, WorkerHost } from './queue';
import { QueueAdminResolver, QueueAdminService } from './queue-admin';

/** Queues for every process; workers only where runWorkers (apps/worker, or in-process in the embedded default). */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [
        QueueService,
        LeaseService,
        WorkerHost,
        QueueAdminService,
        QueueAdminResolver,
        { provide: RUN_WORKERS, useValue: options.runWorkers },
      ],
      exports: [QueueService, LeaseService, WorkerHost, QueueAdminService],
    };
  }
}
