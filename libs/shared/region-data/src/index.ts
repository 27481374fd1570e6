export * from './region-code';
export * from './region-import';
