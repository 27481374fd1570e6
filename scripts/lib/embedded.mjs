// The embedded default shared by `npm start` and `npm run start:cluster`: unless DATABASE_URL and
// REDIS_URL are both set, a private PostgreSQL and redis-server with data under BANGFU_DATA_DIR
// (.data), the `bangfu` database, a per-installation JWT secret and the demo data switched on.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { handleSignals, killOnExit, startPostgres, startRedis } from './services.mjs';

const root = new URL('../..', import.meta.url).pathname;

export const usesExternalServices = () => Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/** Installs redis-server etc. when missing (embedded default only); exits on failure. */
export function ensureSystemDeps() {
  if (usesExternalServices()) return;
  try {
    execFileSync('bash', [join(root, 'scripts/system-deps.sh')], {
      stdio: 'inherit',
      env: { ...process.env, BANGFU_SKIP_BROWSER: '1' },
    });
  } catch {
    process.exit(1);
  }
}

/**
 * The environment the API and workers run with: process.env, plus (embedded default) the private
 * servers' URLs and defaults. `stops` receives the servers' stop functions, in start order.
 */
export async function serviceEnv({ say, stops }) {
  const env = { ...process.env };
  if (usesExternalServices()) return env;
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
  return Object.assign(env, {
    DATABASE_URL: pg.url('bangfu'),
    REDIS_URL: redis.url,
    JWT_SECRET: env.JWT_SECRET ?? readFileSync(secretFile, 'utf8').trim(),
    DEMO_DATA: env.DEMO_DATA ?? 'true',
    STORAGE_DIR: env.STORAGE_DIR ?? join(data, 'uploads'),
  });
}

/**
 * Orderly shutdown for the start scripts: `stops` are run newest first (the API before the servers it
 * uses), once, by SIGINT/SIGTERM or `stopAll(code)`, then the process exits with `code`.
 */
export function shutdown(say) {
  const stops = [];
  let stopping = false;
  const stopAll = async (code) => {
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
  };
  handleSignals((signal) => {
    if (signal === 'SIGINT') say('stopping…');
    void stopAll(0);
  });
  return { stops, stopAll, isStopping: () => stopping };
}
