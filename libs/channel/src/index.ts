export * from './channel.config';
export * from './channel.entities';
export * from './channel.module';
export * from './channel.service';
export * from './channel.types';
export * from './counter-sales.service';
export * from './counter-signature';
export * from './channel.errors';
