import { startWithDataSource } from '@bangfu/testing';
import { IdentityModule } from './identity.module';

/** Spec support (not exported from the lib): the real server with identity and the regions it checks codes against. */
export function startIdentityServer(env: Record<string, string> = {}) {
  return startWithDataSource({ imports: [IdentityModule], env });
}
