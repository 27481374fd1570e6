export * from './region-code';
export * from './region-import';
export * from './region.entity';
export * from './region.module';
export * from './region.service';
