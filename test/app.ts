import { AppModule, ENTITIES } from '@bangfu/platform';
import { startTestServer, type TestServer } from '@bangfu/testing';

/** The whole application (every domain), against this file's own database. */
export function startApp(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({
    imports: [],
    entities: ENTITIES,
    env,
    module: (config) => AppModule.forRoot(config, { runWorkers: false }),
  });
}
