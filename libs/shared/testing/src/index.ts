export * from './server';
export * from './template-db';
