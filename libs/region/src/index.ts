export * from '@bangfu/region-data';
export * from './region.entity';
export * from './region.module';
export * from './region.service';
export * from './region.errors';
export * from './region.seed';
