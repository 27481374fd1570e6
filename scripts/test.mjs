// `npm test`: installs missing system packages, builds, starts ONE PostgreSQL and ONE Redis for the
// whole run, then runs every project's lint, unit/integration tests and browser e2e through Nx.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './build.mjs';
import { describeFailure, handleSignals, killOnExit, startPostgres, startRedis } from './lib/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const say = (m) => process.stdout.write(`\n[bangfu test] ${m}\n`);
const started = Date.now();

execFileSync('bash', [join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' });
say('building api and storefront');
// Also writes the storefront's GraphQL types (src/api/generated, not committed): the typecheck, lint and
// storefront steps below read them.
build(['api', 'storefront'], { force: process.env.CI === 'true' });

const dir = mkdtempSync(join(tmpdir(), 'bangfu-test-'));
chmodSync(dir, 0o755); // the postgres OS user must reach its data folder
say('starting PostgreSQL and Redis for this run');
let pg, redis;
try {
  pg = await startPostgres({ dataDir: join(dir, 'pg'), persistent: false, fast: true });
  // The browser e2e server uses this Redis; each Vitest project starts its own (libs/shared/testing's
  // global setup), so one project's queues and keys never slow another's.
  redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
} catch (e) {
  process.stderr.write(`[bangfu test] cannot start the test servers: ${describeFailure(e)}\n`);
  await pg?.stop();
  process.exit(1);
}
killOnExit([pg.pg.process, redis.child]);
// Ctrl-C: let the running step end, then exit; killOnExit stops the servers.
handleSignals(() => process.exit(130));

const env = {
  ...process.env,
  BANGFU_TEST_PG_URL: pg.url('postgres'),
  BANGFU_TEST_REDIS_URL: redis.url,
  // Test databases are not dropped one by one (each DROP forces a checkpoint); the run's servers and
  // their folders are removed at the end.
  BANGFU_TEST_KEEP_DATABASES: '1',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
  FORCE_COLOR: process.env.CI ? '0' : (process.env.FORCE_COLOR ?? '1'),
};
const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
const steps = [
  ['format', [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level=warn', '.']],
  ['typecheck', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['lint', [nx, 'run-many', '-t', 'lint', '--parallel=2', '--outputStyle=stream']],
  [
    'test',
    [nx, 'run-many', '-t', 'test', '--exclude=integration', '--parallel=1', '--outputStyle=stream', '--skip-nx-cache'],
  ],
  ['integration', [nx, 'run', 'integration:test', '--outputStyle=stream', '--skip-nx-cache']],
  ['e2e', [nx, 'run-many', '-t', 'e2e', '--parallel=1', '--outputStyle=stream', '--skip-nx-cache']],
];
const results = [];
let failed = false;
for (const [name, args] of steps) {
  say(`${name}…`);
  const t0 = Date.now();
  // Vitest projects start a Redis each (see libs/shared/testing/src/global-setup.ts); e2e shares this one.
  // The whole-app integration files (chaos restarts, npm start, every query and mutation walked) get a
  // Postgres of their own too: after the lib projects' ~150 databases on the shared server, their
  // database drops waited on checkpoints for a minute each (measured in CI; alone they take 95 s in all).
  const stepEnv =
    name === 'test'
      ? { ...env, BANGFU_TEST_REDIS_URL: '' }
      : name === 'integration'
        ? { ...env, BANGFU_TEST_REDIS_URL: '', BANGFU_TEST_PG_URL: '' }
        : env;
  const r = spawnSync(process.execPath, args, { cwd: root, env: stepEnv, stdio: 'inherit' });
  const ok = r.status === 0;
  results.push(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(10)} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (!ok) failed = true;
}

await redis.stop();
await pg.stop();
rmSync(dir, { recursive: true, force: true });
say(`summary (${((Date.now() - started) / 1000).toFixed(0)} s in all)\n${results.join('\n')}`);
process.exit(failed ? 1 : 0);
