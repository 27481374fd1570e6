export * from './supplier.module';
