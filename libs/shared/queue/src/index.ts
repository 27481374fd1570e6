export * from './queue';
export * from './queue-admin';
export * from './queue.module';
