export * from './partitions';
export * from './readme-states';
export * from './server';
export * from './template-db';
