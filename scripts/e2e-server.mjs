// The real marketplace (built API + built storefront, demo data) for Playwright's webServer.
// Under scripts/test.mjs it borrows that run's Postgres/Redis (fresh database, own Redis prefix);
// run alone it starts private, throw-away servers. Everything it made is removed on SIGTERM/SIGINT.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { describeFailure, freePort, handleSignals, killOnExit, startPostgres, startRedis } from './lib/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const say = (m) => process.stderr.write(`[e2e-server] ${m}\n`);
const stops = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // Playwright waits only so long after its signal; never hang on a stuck server.
  setTimeout(() => process.exit(code || 1), 20_000).unref();
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (e) {
      say(`shutdown: ${e.message}`);
    }
  }
  process.exit(code);
}
handleSignals(() => void stopAll(0));

function withDb(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function onServer(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Playwright signals the whole process group, so a server may have exited before we stop it; the
 * helpers' stop() only listens for a later 'exit' and would then wait forever.
 */
function stopServer(child, stop) {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await Promise.race([stop(), new Promise((done) => child.once('exit', done))]);
  };
}

/** @returns {Promise<{ serverUrl: string, redisUrl: string, shared: boolean }>} */
async function servers() {
  const { BANGFU_TEST_PG_URL, BANGFU_TEST_REDIS_URL } = process.env;
  if (BANGFU_TEST_PG_URL && BANGFU_TEST_REDIS_URL)
    return { serverUrl: BANGFU_TEST_PG_URL, redisUrl: BANGFU_TEST_REDIS_URL, shared: true };
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-e2e-'));
  chmodSync(dir, 0o755); // as root, the postgres OS user must reach its data folder
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  stops.push(async () => removeDir());
  const pgServer = await startPostgres({ dataDir: join(dir, 'pg'), persistent: false, fast: true });
  stops.push(stopServer(pgServer.pg.process, pgServer.stop));
  const redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
  stops.push(stopServer(redis.child, redis.stop));
  killOnExit([pgServer.pg.process, redis.child]);
  process.on('exit', removeDir); // also after a forced exit; killOnExit's listener has run by then
  return { serverUrl: pgServer.url('postgres'), redisUrl: redis.url, shared: false };
}

async function main() {
  const apiMain = join(root, 'dist/api/main.js');
  const storefront = join(root, 'dist/storefront');
  if (!existsSync(apiMain) || !existsSync(join(storefront, 'index.html'))) {
    say('dist/api or dist/storefront is missing: run `node scripts/build.mjs api storefront` first');
    return stopAll(2);
  }
  const { serverUrl, redisUrl, shared } = await servers();
  const db = `e2e_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${db}`);
  // A private server goes away with its folder; only a shared one needs the database dropped.
  if (shared) stops.push(() => onServer(serverUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`));

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: withDb(serverUrl, db),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: db, // the Redis server may be shared with other test processes
    DEMO_DATA: 'true',
    HOST: '127.0.0.1',
    PORT: process.env.E2E_PORT ?? String(await freePort()),
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    STOREFRONT_DIR: storefront,
  };
  const { startApi } = await import(pathToFileURL(apiMain).href);
  const api = await startApi(env);
  stops.push(() => api.close());
  say(`listening on ${api.url} (database ${db})`);
}

main().catch((e) => {
  say(`failed to start: ${describeFailure(e)}`);
  void stopAll(1);
});
