// `npm run start:cluster`: the marketplace as many processes. API_WORKERS API processes share one port
// (node:cluster: this primary holds the listening socket and hands connections round-robin to them)
// and WORKERS worker processes (dist/api/worker.js) run the queue processors, all against one
// PostgreSQL and Redis: DATABASE_URL + REDIS_URL, or the embedded servers `npm start` uses. Migrations
// run once, here, before any child starts. A child that dies is started again; Ctrl-C / SIGTERM
// stops the children, then the embedded servers.
//
// BANGFU_API_DIR runs another build of the API (the tests' private copy) instead of building dist/api.
import cluster from 'node:cluster';
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const apiDir = resolve(process.env.BANGFU_API_DIR ?? join(root, 'dist/api'));

if (cluster.isPrimary) await primary();
else await apiProcess();

/** One API process (a cluster worker): listens on the shared port, tells the primary when ready. */
async function apiProcess() {
  const { startApi, demoLoginsTable } = await import(join(apiDir, 'main.js'));
  const api = await startApi(process.env);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 15_000).unref();
    await api.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close());
  process.on('SIGINT', () => void close());
  process.send({ ready: api.url, logins: api.config.DEMO_DATA ? demoLoginsTable() : undefined });
}

async function primary() {
  const { build } = await import('./build.mjs');
  const { ensureSystemDeps, serviceEnv, shutdown } = await import('./lib/embedded.mjs');
  const { describeFailure } = await import('./lib/services.mjs');
  const say = (m) => process.stdout.write(`[bangfu] ${m}\n`);
  const count = (name, fallback) => {
    const raw = process.env[name] ?? String(fallback);
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 64) {
      process.stderr.write(`${name} must be a whole number from 1 to 64 (got "${raw}")\n`);
      process.exit(2);
    }
    return Number(raw);
  };
  const apiCount = count('API_WORKERS', 2);
  const workerCount = count('WORKERS', 1);
  /** The running children by name (api-1, worker-1 …). */
  const children = new Map();
  let demoLogins;
  const { stops, stopAll, isStopping } = shutdown(say);

  try {
    ensureSystemDeps();
    if (!process.env.BANGFU_API_DIR) build();
    const env = await serviceEnv({ say, stops });
    stops.push(() => Promise.all([...children.values()].map((c) => stopChild(c))));
    say('applying migrations…');
    execFileSync(process.execPath, [join(apiDir, 'cli.js'), 'migrate'], { env, stdio: 'inherit' });
    // Children never migrate (done above) and API processes run no queue processors (the workers do).
    const childEnv = { ...env, MIGRATIONS_RUN: 'false', WORKER_IN_PROCESS: 'false' };

    /** Starts a child (again, after a crash); resolves once it is ready. */
    const launch = (name, start) =>
      new Promise((ready, fail) => {
        const child = start();
        const pid = child.process?.pid ?? child.pid;
        children.set(name, child);
        let up = false;
        const onReady = (detail, logins) => {
          up = true;
          say(`${name} (pid ${pid}) ready${detail ? ` ${detail}` : ''}`);
          if (logins) demoLogins = logins;
          ready(detail);
        };
        child.once('exit', (code, signal) => {
          if (children.get(name) === child) children.delete(name);
          if (isStopping()) return;
          if (!up) return fail(new Error(`${name} exited (${signal ?? code}) before it was ready`));
          if (code === 2) {
            process.stderr.write(`[bangfu] ${name} refused its configuration: stopping\n`);
            return void stopAll(2);
          }
          say(`${name} (pid ${pid}) exited (${signal ?? code}): starting it again`);
          relaunch(name, start);
        });
        if (child.process) child.on('message', (m) => m?.ready && onReady(m.ready, m.logins));
        else watchOutput(child, 'queue processor(s)', () => onReady());
      });

    /** After a crash: at once, then every 2 s until it is up (the database may be restarting too). */
    const relaunch = (name, start, wait = 200) =>
      setTimeout(() => {
        if (!isStopping()) launch(name, start).catch(() => relaunch(name, start, 2_000));
      }, wait);
    // API processes run with production's memory flags (scripts/lib/node-memory.mjs); flags this primary
    // was started with come after them, so an operator's own --max-old-space-size wins.
    const { PRODUCTION_NODE_OPTIONS, PRODUCTION_NODE_ENV } = await import('./lib/node-memory.mjs');
    cluster.setupPrimary({ execArgv: [...PRODUCTION_NODE_OPTIONS, ...process.execArgv] });
    const forkApi = () => cluster.fork({ ...PRODUCTION_NODE_ENV, ...childEnv });
    const spawnWorker = () =>
      spawn(process.execPath, [join(apiDir, 'worker.js')], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });

    // With demo data the first API starts alone (it loads the data), then the rest together.
    const first = launch('api-1', forkApi);
    if (['true', '1', 'yes'].includes(env.DEMO_DATA)) await first;
    const [url] = await Promise.all([
      first,
      ...Array.from({ length: apiCount - 1 }, (_, k) => launch(`api-${k + 2}`, forkApi)),
      ...Array.from({ length: workerCount }, (_, k) => launch(`worker-${k + 1}`, spawnWorker)),
    ]);
    say(`Bangfu is running at ${url} with ${apiCount} API and ${workerCount} worker process(es)`);
    if (demoLogins) process.stdout.write(`${demoLogins}\n`);
    say('press Ctrl-C to stop');
  } catch (e) {
    process.stderr.write(`[bangfu] failed to start: ${describeFailure(e)}\n`);
    await stopAll(1);
  }
}

/** Forwards a child's stdout and calls `onReady` once a line contains `marker`. */
function watchOutput(child, marker, onReady) {
  let seen = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (seen === null) return;
    seen += chunk.toString();
    if (seen.includes(marker)) {
      seen = null;
      onReady();
    }
  });
}

/** SIGTERM, and SIGKILL if the child is still there after 20 s. */
function stopChild(child) {
  const proc = child.process ?? child;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    proc.kill('SIGTERM');
  });
}
