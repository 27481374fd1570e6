export * from './channel.module';
