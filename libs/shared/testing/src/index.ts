export * from './context';
export * from './partitions';
export * from './order-rows';
export * from './readme-states';
export * from './server';
export * from './sql';
export * from './template-db';
export * from './until';
