// Set-up shared by the benchmarks that load the API bundle into their own process against private
// servers (bench/attribution.mjs, bench/stats.mjs): options, timestamped log lines, a private copy of
// the bundle, PostgreSQL + Redis in a temporary folder, and the bundle's providers by class name.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from '../../scripts/build.mjs';
import { freePort, killOnExit, startPostgres, startRedis } from '../../scripts/lib/services.mjs';

export const root = new URL('../..', import.meta.url).pathname;

/** `--name value` from the command line, or `dflt`. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};

export const log = (m) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** Logs the machine and its load (other processes share the cores); returns the machine alone. */
function logMachine() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  log(
    `machine: ${machine}; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  return machine;
}

/**
 * Builds the API and copies the bundle to `bundle` (under tmp/, so node_modules resolve): others may
 * rebuild dist/ while a bench runs for an hour. The copy is removed on exit.
 */
function copyApiBundle(bundle) {
  build(['api']);
  cpSync(join(root, 'dist/api'), bundle, { recursive: true });
  process.on('exit', () => rmSync(bundle, { recursive: true, force: true }));
}

/**
 * The API bundle copied to `bundle`, the machine logged, then PostgreSQL (persistent: its files
 * outlive a restart) and Redis in a new temporary folder with an empty `bench` database; both are
 * killed when this process exits. `env` is the API's configuration. With `reuse`, the folder of an
 * earlier run kept with `--keep` (its `bench` database as that run left it) instead of a new one.
 */
export async function startBench(name, bundle, reuse) {
  copyApiBundle(bundle);
  const machine = logMachine();
  const dir = reuse ?? mkdtempSync(join(tmpdir(), `bangfu-bench-${name}-`));
  chmodSync(dir, 0o755);
  const pg = await startPostgres({ dataDir: join(dir, 'pg'), persistent: true });
  const redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
  killOnExit([redis.child]);
  process.on('exit', () => {
    try {
      pg.pg.process?.kill('SIGKILL');
    } catch {
      /* gone */
    }
  });
  if (!reuse) {
    const admin = pg.pg.getPgClient();
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
  }
  const env = {
    ...process.env,
    DATABASE_URL: pg.url('bench'),
    REDIS_URL: redis.url,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'x'.repeat(40),
  };
  return { machine, dir, pg, redis, env };
}

/** The API bundle in its own process on a free port, once it listens; killed when this process exits. */
export async function spawnApi(bundle, env) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `import(${JSON.stringify(join(bundle, 'main.js'))}).then(m => m.startApi()).then(() => process.stdout.write('READY\\n'))`,
    ],
    { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  killOnExit([child]);
  await new Promise((resolve) => child.stdout.on('data', (b) => b.toString().includes('READY') && resolve()));
  return { child, url: `http://127.0.0.1:${port}` };
}

/**
 * The bundle's classes are not exported by name: `byName` finds a provider of the running app by its
 * class name, and RequestContext is found in the bundle's shared chunk.
 */
export async function bundleServices(app, bundle) {
  const { ModulesContainer } = await import('@nestjs/core');
  const byName = (name) => {
    for (const m of app.get(ModulesContainer).values()) {
      for (const w of m.providers.values())
        if (w.metatype?.name?.replace(/\$\d+$/, '') === name && w.instance) return w.instance;
    }
    throw new Error(`provider ${name} not found in the API bundle`);
  };
  const mainSrc = readFileSync(join(bundle, 'main.js'), 'utf8');
  const chunk = /from ["'](\.\/chunks\/[^"']+\.js)["']/.exec(mainSrc)?.[1];
  if (!chunk) throw new Error('cannot find the shared chunk of dist/api/main.js');
  const mod = await import(join(bundle, chunk));
  const RequestContext = Object.values(mod).find(
    (v) => typeof v === 'function' && /^RequestContext(\$\d+)?$/.test(v.name) && typeof v.system === 'function',
  );
  if (!RequestContext) throw new Error('RequestContext is not exported by the API bundle');
  return { byName, RequestContext };
}

/** A GraphQL call; an error answer throws with its code and message. */
export async function gql(url, query, variables, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${body.errors[0].extensions?.code ?? ''} ${body.errors[0].message}`);
  return body.data;
}
