// `npm run bench:memory`: the API process's memory, started as bench/run.mjs starts it (production mode,
// restarted on a seeded database), under variants of Node flags and environment, side by side in the same
// minutes (the machine is shared: compare variants of one run, not runs). Per variant and round: RSS after
// start (BENCH_IDLE_SECONDS, default 3 as in run.mjs), split into anonymous memory (JS heap, malloc) and
// file-backed pages (node's binary, native modules); then, with BENCH_W1_SECONDS > 0, W1 (products page,
// 50 clients) for that long after a BENCH_WARMUP warm-up, with its peak RSS, req/s and API CPU per request.
//
//   node bench/memory.mjs                       every variant below, 2 rounds, W1 15 s
//   node bench/memory.mjs bare production       only these variants
//   BENCH_ROUNDS=3 BENCH_W1_SECONDS=0 node bench/memory.mjs     idle only (no catalogue generated)
//   BENCH_SNAPSHOT_DIR=tmp/heap node bench/memory.mjs bare      also a heap snapshot after W1 (SIGUSR2)
//   BENCH_BASELINE_API=/tmp/old-dist-api node bench/memory.mjs  each variant also from another build of
//                                        the API (a copy of an older dist/api), as <variant>@baseline
//   BENCH_SETTLE_SECONDS=12     also the RSS that many seconds later (V8 shrinks an idle heap after a while)
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pgLib from 'pg';
import { generateCatalog } from './catalog.mjs';
import { machineLine, processCpuSeconds, procStatus, resetPeak } from './lib/measure.mjs';
import { benchStack, load } from './run.mjs';
import { gql, workloads } from './workloads.mjs';

/** The flags and environment production uses (scripts/lib/node-memory.mjs) are the `production` variant. */
const { PRODUCTION_NODE_OPTIONS, PRODUCTION_NODE_ENV } = await import('../scripts/lib/node-memory.mjs');

// Default: bare and production; the others are the candidates docs/BENCHMARKS.md compares.
const VARIANTS = {
  // Node's defaults: what `node dist/api/main.js` did before the production flags.
  bare: { flags: [], env: {} },
  semi1: { flags: ['--max-semi-space-size=1'], env: {} },
  semi2: { flags: ['--max-semi-space-size=2'], env: {} },
  semi4: { flags: ['--max-semi-space-size=4'], env: {} },
  semi8: { flags: ['--max-semi-space-size=8'], env: {} },
  arena2: { flags: [], env: { MALLOC_ARENA_MAX: '2' } },
  old512: { flags: ['--max-old-space-size=512'], env: {} },
  old1024: { flags: ['--max-old-space-size=1024'], env: {} },
  semi4old512: { flags: ['--max-semi-space-size=4', '--max-old-space-size=512'], env: {} },
  semi2old512: { flags: ['--max-semi-space-size=2', '--max-old-space-size=512'], env: {} },
  semi4old1024: { flags: ['--max-semi-space-size=4', '--max-old-space-size=1024'], env: {} },
  size: { flags: ['--optimize-for-size'], env: {} },
  stgc: { flags: ['--single-threaded-gc'], env: {} },
  noworker: { flags: [], env: { WORKER_IN_PROCESS: 'false' } },
  production: { flags: PRODUCTION_NODE_OPTIONS, env: PRODUCTION_NODE_ENV },
  // The runner-up: production's with a 4 MB semi-space.
  semi4production: { flags: ['--max-semi-space-size=4', '--max-old-space-size=512'], env: PRODUCTION_NODE_ENV },
};

const IDLE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 3) * 1000;
const W1_MS = Number(process.env.BENCH_W1_SECONDS ?? 15) * 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP ?? 5) * 1000;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_SECONDS ?? 0) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SNAPSHOT_DIR = process.env.BENCH_SNAPSHOT_DIR;
const mb = (kb) => Math.round(kb / 1024);

/** Resident memory by kind (kB) from /proc/<pid>/smaps_rollup: anonymous (heaps) and file-backed (code). */
function residentSplit(pid) {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { anonKb: kb('Anonymous'), fileKb: kb('Rss') - kb('Anonymous') };
}

const threads = (pid) => readdirSync(`/proc/${pid}/task`).length;

const heapReport = join(new URL('..', import.meta.url).pathname, 'tmp', `bench-heap-${process.pid}.json`);
process.on('exit', () => rmSync(heapReport, { force: true }));

/** The API's JS heap (used, committed, young generation) and external memory, via bench/lib/heap-report.cjs. */
async function heapOf(pid) {
  rmSync(heapReport, { force: true });
  process.kill(pid, 'SIGWINCH');
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const { usage, spaces } = JSON.parse(readFileSync(heapReport, 'utf8'));
      return {
        heapUsed: usage.heapUsed,
        heapTotal: usage.heapTotal,
        young: spaces.new_space.size,
        ext: usage.external,
      };
    } catch {
      /* not written yet */
    }
  }
  return {};
}

// Stopped early (Ctrl-C, kill): exit, so the exit handlers stop the API, PostgreSQL and Redis.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));

async function main() {
  const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ['bare', 'production'];
  for (const n of chosen) if (!VARIANTS[n]) throw new Error(`unknown variant ${n}: one of ${Object.keys(VARIANTS)}`);
  // Each variant says all its flags and environment: the stack's own (production's) are not added.
  const { pg, url, startApiProcess, stop } = await benchStack({ nodeFlags: [], nodeEnv: {} });
  const root = new URL('..', import.meta.url).pathname;
  const baseline = process.env.BENCH_BASELINE_API && join(root, 'tmp', `bench-baseline-${process.pid}`);
  if (baseline) {
    cpSync(process.env.BENCH_BASELINE_API, baseline, { recursive: true });
    process.on('exit', () => rmSync(baseline, { recursive: true, force: true }));
  }
  const names = baseline ? chosen.flatMap((n) => [`${n}@baseline`, n]) : chosen;
  // The first start seeds the demo (and the catalogue for W1); the measured starts find them there.
  let api = await startApiProcess();
  const db = new pgLib.Client({ connectionString: pg.url('bench') });
  await db.connect();
  const sql = async (text, params = []) => (await db.query(text, params)).rows;
  if (W1_MS > 0)
    await generateCatalog((q, v, t) => gql(url, q, v, t), sql, { log: (m) => process.stdout.write(`${m}\n`) });
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  const w1 = workloads.find((w) => w.name === 'products');
  if (SNAPSHOT_DIR) mkdirSync(SNAPSHOT_DIR, { recursive: true });

  const results = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of names) {
      const [variant, build] = name.split('@');
      const { flags, env } = VARIANTS[variant];
      const main = build === 'baseline' ? join(baseline, 'main.js') : undefined;
      const snapshot = SNAPSHOT_DIR && round === 1 ? ['--heapsnapshot-signal=SIGUSR2'] : [];
      const preload = ['--require', new URL('./lib/heap-report.cjs', import.meta.url).pathname];
      api = await startApiProcess(
        [...flags, ...snapshot, ...preload],
        SNAPSHOT_DIR ?? undefined,
        {
          ...env,
          BENCH_HEAP_REPORT: heapReport,
        },
        main,
      );
      await new Promise((r) => setTimeout(r, IDLE_MS));
      const idle = { ...procStatus(api.pid), ...residentSplit(api.pid) };
      const idleHeap = await heapOf(api.pid);
      const row = {
        variant: name,
        round,
        idleMb: mb(idle.rssKb),
        idleAnonMb: mb(idle.anonKb),
        idleFileMb: mb(idle.fileKb),
        idleHeapUsed: idleHeap.heapUsed,
        idleHeapTotal: idleHeap.heapTotal,
        threads: threads(api.pid),
      };
      if (SETTLE_MS > 0) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        row.settledMb = mb(procStatus(api.pid).rssKb);
      }
      // With W1 the snapshot is taken after it, else at idle.
      const takeSnapshot = async () => {
        api.kill('SIGUSR2');
        await new Promise((r) => setTimeout(r, 15_000));
      };
      if (snapshot.length && W1_MS === 0) await takeSnapshot();
      if (W1_MS > 0) {
        const ctx = await w1.setup(url, { sql });
        resetPeak(api.pid);
        if (WARMUP_MS > 0) await load((i) => w1.run(ctx, i), { concurrency: w1.concurrency, durationMs: WARMUP_MS });
        const cpu0 = processCpuSeconds(api.pid);
        const r = await load((i) => w1.run(ctx, i), { concurrency: w1.concurrency, durationMs: W1_MS });
        const cpu = processCpuSeconds(api.pid) - cpu0;
        const after = { ...procStatus(api.pid), ...residentSplit(api.pid) };
        const heap = await heapOf(api.pid);
        Object.assign(row, {
          w1PerSecond: r.perSecond,
          w1P99: r.p99,
          w1Errors: r.errors,
          w1ApiCpuMs: +((cpu * 1000) / r.requests).toFixed(2),
          w1PeakMb: mb(after.hwmKb),
          afterW1Mb: mb(after.rssKb),
          afterW1AnonMb: mb(after.anonKb),
          afterW1HeapUsed: heap.heapUsed,
          afterW1HeapTotal: heap.heapTotal,
          afterW1Young: heap.young,
        });
        if (snapshot.length) await takeSnapshot();
      }
      results.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
  }
  await db.end();
  console.log(`\nmachine: ${machineLine()}`);
  console.log(`idle = RSS ${IDLE_MS / 1000} s after start; W1 ${WARMUP_MS / 1000} s warm-up + ${W1_MS / 1000} s`);
  console.table(results);
  await stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
