export * from './auth.service';
export * from './credit-code';
export * from './identity.entities';
export * from './identity.module';
export * from './organization.service';
export * from './user.service';
export * from './fixtures';
