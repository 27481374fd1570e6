export * from './lease';
export * from './partitions.jobs';
export * from './queue';
export * from './queue-admin';
export * from './recurring-job';
export * from './queue.module';
