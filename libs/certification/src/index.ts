export * from './certification.module';
