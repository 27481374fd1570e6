// `npm run bench`: throughput and latency of the real API on this machine. Not a test: results go to
// docs/BENCHMARKS.md by hand, with the machine and its load noted. The API runs in its own process (so
// the load generator does not share its event loop); Postgres and Redis are private, as in the embedded
// default. Each workload runs BENCH_WARMUP seconds unmeasured, then BENCH_SECONDS measured; CPU per
// request is the API process's and Postgres's (the postmaster and its children) over the measured part.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import pgLib from 'pg';
import { build } from '../scripts/build.mjs';
import { PRODUCTION_NODE_ENV, PRODUCTION_NODE_OPTIONS } from '../scripts/lib/node-memory.mjs';
import { freePort, killOnExit, startPostgres, startRedis } from '../scripts/lib/services.mjs';
import { generateCatalog } from './catalog.mjs';
import {
  machineLine,
  percentile,
  postgresCpuSince,
  postgresCpuTicks,
  processCpuSeconds,
  procStatus,
  resetPeak,
} from './lib/measure.mjs';
import { gql, workloads } from './workloads.mjs';

const root = new URL('..', import.meta.url).pathname;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 15) * 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP ?? 5) * 1000;
const only = process.argv.slice(2);
const mb = (kb) => Math.round(kb / 1024);
const statementStats = process.env.BENCH_PG_STATEMENTS === '1';

/** Redis's command counts so far (INFO commandstats). */
async function redisCommands(redis) {
  const counts = new Map();
  for (const m of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
    counts.set(m[1], Number(m[2]));
  return counts;
}

/** Transactions committed and rolled back in the bench database so far. */
async function transactions(sql) {
  const [r] = await sql(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = 'bench'`);
  return Number(r.n);
}

/**
 * Waits until the after-commit work of the window is done: no outbox row left to relay and no
 * `domain-events` job waiting or running (the consumers), at most BENCH_DRAIN_S seconds (default 120).
 * An order's consumers may run long after its request answered; CPU counted only inside the window
 * misses the part of them that lags (W3's ran 18 % behind at 100 orders/s), so the bench also reports
 * CPU per request through the drain. Returns the seconds waited (null when it gave up) and the
 * polls, each one autocommit transaction of the bench's own.
 */
async function drain(sql, queue) {
  const t0 = performance.now();
  const limit = Number(process.env.BENCH_DRAIN_S ?? 120) * 1000;
  for (let polls = 1; ; polls++) {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
    const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
    if (n === 0 && c.waiting + c.active + c.prioritized + c.delayed === 0)
      return { seconds: +((performance.now() - t0) / 1000).toFixed(1), polls };
    if (performance.now() - t0 > limit) return { seconds: null, polls };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `fn` from `concurrency` loops for the duration; returns req/s and latency percentiles. */
export async function load(fn, { concurrency, durationMs = DURATION_MS }) {
  const latencies = [];
  let errors = 0;
  let firstError;
  const end = Date.now() + durationMs;
  const worker = async (i) => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        await fn(i);
      } catch (e) {
        errors++;
        firstError ??= e.message;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: +percentile(latencies, 50).toFixed(1),
    p99: +percentile(latencies, 99).toFixed(1),
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

/**
 * The bench's private stack: the API bundle built and copied, PostgreSQL with an empty `bench` database,
 * Redis, and `startApiProcess(extra flags, cwd, extra env, main.js)`, which starts the API as production
 * does: with production's Node flags and environment (scripts/lib/node-memory.mjs) unless told otherwise.
 */
export async function benchStack({ nodeFlags = PRODUCTION_NODE_OPTIONS, nodeEnv = PRODUCTION_NODE_ENV } = {}) {
  build(['api']);
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  const redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
  killOnExit([pg.pg.process, redis.child]);
  const admin = pg.pg.getPgClient();
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  // BENCH_PG_STATEMENTS=1: pg_stat_statements (shipped with the embedded binaries, loaded at server start)
  // reports each workload's statements per request and what they cost.
  if (statementStats) {
    await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    await admin.query(`ALTER SYSTEM SET pg_stat_statements.track = 'top'`);
    await admin.query(`ALTER SYSTEM SET pg_stat_statements.track_planning = on`);
    await admin.end();
    await pg.pg.stop();
    await pg.pg.start();
    killOnExit([pg.pg.process]);
  } else await admin.end();
  const port = await freePort();
  // A private copy of the API bundle (under tmp/, so node_modules resolve): others may rebuild dist/ meanwhile.
  const bundle = join(root, 'tmp', `bench-api-${process.pid}`);
  cpSync(join(root, 'dist/api'), bundle, { recursive: true });
  process.on('exit', () => rmSync(bundle, { recursive: true, force: true }));
  // Started as in production (`node <flags> dist/api/main.js`); BENCH_NODE_FLAGS adds flags after those,
  // e.g. "--max-semi-space-size=16".
  const flags = [...nodeFlags, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  const startApiProcess = async (extra = [], cwd = root, extraEnv = {}, main = join(bundle, 'main.js')) => {
    const child = spawn(process.execPath, [...flags, ...extra, main], {
      cwd,
      env: {
        ...process.env,
        DATABASE_URL: pg.url('bench'),
        REDIS_URL: redis.url,
        PORT: String(port),
        // As the production image runs it (graphql-js skips its development checks, introspection is off).
        NODE_ENV: 'production',
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        JWT_SECRET: 'x'.repeat(40),
        ...nodeEnv,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    killOnExit([child]);
    await new Promise((resolve) => child.stdout.on('data', (b) => b.toString().includes('listening on') && resolve()));
    return child;
  };
  const stop = async () => {
    await redis.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { pg, redis, port, url: `http://127.0.0.1:${port}`, startApiProcess, stop };
}

async function main() {
  const { pg, redis, url, startApiProcess, stop } = await benchStack();
  let api = await startApiProcess();
  const firstStartRssMb = mb(procStatus(api.pid).rssKb);
  // Setup steps may read what the API offers no query for (e.g. the online hall's id).
  const db = new pgLib.Client({ connectionString: pg.url('bench') });
  await db.connect();
  const sql = async (text, params = []) => (await db.query(text, params)).rows;
  if (statementStats) await sql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const redisClient = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const domainEvents = new Queue('domain-events', { connection: redisClient, prefix: 'bangfu:bull' });
  const postmaster = pg.pg.process.pid;
  const selected = workloads.filter((w) => !only.length || only.includes(w.name) || only.includes(w.label));
  const catalog = selected.some((w) => w.catalog)
    ? await generateCatalog((q, v, t) => gql(url, q, v, t), sql, { log: (m) => process.stdout.write(`${m}\n`) })
    : null;
  // Restarted on the same database, as a deployed API starts (the demo data and the catalogue are there):
  // the idle RSS is a server's, not the one-off demo seed's, and the workloads meet a fresh process.
  // BENCH_PROFILE_DIR: a CPU profile of the workloads, and a heap snapshot (SIGUSR2) after the first one.
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  api = await startApiProcess(
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--heapsnapshot-signal=SIGUSR2'] : [],
    profileDir ?? root,
  );
  await new Promise((r) => setTimeout(r, 3000));
  const idleRssMb = mb(procStatus(api.pid).rssKb);
  process.stdout.write(
    `API idle RSS after start: ${idleRssMb} MB (first start, seeding the demo: ${firstStartRssMb} MB)\n`,
  );
  const results = [];
  for (const w of selected) {
    const ctx = await w.setup(url, { sql, catalog });
    resetPeak(api.pid);
    if (WARMUP_MS > 0) await load((i) => w.run(ctx, i), { concurrency: w.concurrency, durationMs: WARMUP_MS });
    // The warm-up's lagging consumers would otherwise run, and be counted, in the measured window.
    await drain(sql, domainEvents);
    if (statementStats) await sql('SELECT pg_stat_statements_reset()');
    const [redisCmds0, xacts0] = [await redisCommands(redisClient), await transactions(sql)];
    const [api0, redis0, self0] = [processCpuSeconds(api.pid), processCpuSeconds(redis.child.pid), process.cpuUsage()];
    const pg0 = postgresCpuTicks(postmaster);
    const r = await load((i) => w.run(ctx, i), { concurrency: w.concurrency });
    const apiCpu = processCpuSeconds(api.pid) - api0;
    const pgCpu = postgresCpuSince(postmaster, pg0);
    const redisCpu = processCpuSeconds(redis.child.pid) - redis0;
    const selfCpu = process.cpuUsage(self0);
    // Counted after the window: the API's after-commit work (jobs, consumers) may still run meanwhile.
    const xacts = (await transactions(sql)) - xacts0 - 1;
    const redisCmds = await redisCommands(redisClient);
    const drained = await drain(sql, domainEvents);
    const [apiAll, pgAll] = [processCpuSeconds(api.pid) - api0, postgresCpuSince(postmaster, pg0)];
    const xactsAll = (await transactions(sql)) - xacts0 - 2 - drained.polls;
    const perReq = (n) => +(n / r.requests).toFixed(2);
    const status = procStatus(api.pid);
    results.push({
      workload: `${w.label ? `${w.label} ` : ''}${w.name}`,
      clients: w.concurrency,
      ...r,
      apiCpuMs: +((apiCpu * 1000) / r.requests).toFixed(2),
      pgCpuMs: +((pgCpu * 1000) / r.requests).toFixed(2),
      redisCpuMs: +((redisCpu * 1000) / r.requests).toFixed(2),
      benchCpuMs: +((selfCpu.user + selfCpu.system) / 1000 / r.requests).toFixed(2),
      xactsPerReq: perReq(xacts),
      redisCmdsPerReq: perReq([...redisCmds].reduce((n, [k, v]) => n + v - (redisCmds0.get(k) ?? 0), 0) - 1),
      drainS: drained.seconds,
      apiCpuMsDrained: +((apiAll * 1000) / r.requests).toFixed(2),
      pgCpuMsDrained: +((pgAll * 1000) / r.requests).toFixed(2),
      xactsPerReqDrained: perReq(xactsAll),
      apiCores: +(apiCpu / (DURATION_MS / 1000)).toFixed(2),
      pgCores: +(pgCpu / (DURATION_MS / 1000)).toFixed(2),
      rssMb: mb(status.rssKb),
      peakMb: mb(status.hwmKb),
      ...(w.report ? await w.report(ctx, { sql }) : {}),
    });
    process.stdout.write(`${JSON.stringify(results.at(-1))}\n`);
    const busiest = [...redisCmds]
      .map(([k, v]) => [k, v - (redisCmds0.get(k) ?? 0)])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    process.stdout.write(`  redis per request: ${busiest.map(([k, n]) => `${k} ${perReq(n)}`).join(', ')}\n`);
    if (statementStats) await printStatements(sql, r.requests);
    if (profileDir && results.length === 1) {
      api.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 15_000));
    }
  }
  await db.end();
  await domainEvents.close();
  redisClient.disconnect();
  console.log(`\nmachine: ${machineLine()}`);
  console.log(
    `API idle RSS after start: ${idleRssMb} MB; ${WARMUP_MS / 1000} s warm-up, ${DURATION_MS / 1000} s measured`,
  );
  console.table(results.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'firstError'))));
  for (const r of results) if (r.firstError) console.log(`${r.workload}: first error: ${r.firstError}`);
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await stop();
}

/** The workload's statements per request, by total execution time (pg_stat_statements, this database). */
async function printStatements(sql, requests) {
  const rows = await sql(
    `SELECT calls, total_exec_time, total_plan_time, plans, rows, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = 'bench' AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_stat_database%'
      ORDER BY total_exec_time + total_plan_time DESC`,
  );
  const sum = (k) => rows.reduce((n, r) => n + Number(r[k]), 0);
  process.stdout.write(
    `  statements per request: ${(sum('calls') / requests).toFixed(1)}, execution ${(sum('total_exec_time') / requests).toFixed(2)} ms, planning ${(sum('total_plan_time') / requests).toFixed(2)} ms (${(sum('plans') / requests).toFixed(1)} plans)\n`,
  );
  for (const r of rows.slice(0, Number(process.env.BENCH_PG_STATEMENTS_TOP ?? 25)))
    process.stdout.write(
      `  ${(r.calls / requests).toFixed(2).padStart(6)}× ${(r.total_exec_time / requests).toFixed(3).padStart(7)} ms exec ${(r.total_plan_time / requests).toFixed(3).padStart(7)} ms plan  ${r.query.slice(0, 150)}\n`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
