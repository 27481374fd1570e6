import { DataSource } from 'typeorm';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { startTestServer, type TestServer } from '@bangfu/testing';
import { IDENTITY_ENTITIES } from './identity.entities';
import { IdentityModule } from './identity.module';

/** Spec support (not exported from the lib): the real server with identity and the regions it checks codes against. */
export async function startIdentityServer(
  env: Record<string, string> = {},
): Promise<{ server: TestServer; ds: DataSource }> {
  const server = await startTestServer({
    imports: [RegionModule, IdentityModule],
    entities: [...REGION_ENTITIES, ...IDENTITY_ENTITIES],
    env,
  });
  return { server, ds: server.app.get(DataSource) };
}
