// `npm run bench`: throughput and latency of the real API on this machine. Not a test: results go to
// docs/BENCHMARKS.md by hand, with the machine noted. The API runs in its own process (so the load
// generator does not share its event loop); Postgres and Redis are private, as in the embedded default.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pgLib from 'pg';
import { build } from '../scripts/build.mjs';
import { freePort, killOnExit, startPostgres, startRedis } from '../scripts/lib/services.mjs';
import { workloads } from './workloads.mjs';

const root = new URL('..', import.meta.url).pathname;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const only = process.argv.slice(2);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** Runs `fn` from `concurrency` loops for the duration; returns req/s and latency percentiles. */
export async function load(fn, { concurrency, durationMs = DURATION_MS }) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + durationMs;
  const worker = async (i) => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        await fn(i);
      } catch {
        errors++;
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
  };
}

async function main() {
  build(['api']);
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  const redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
  killOnExit([pg.pg.process, redis.child]);
  const admin = pg.pg.getPgClient();
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const port = await freePort();
  const api = spawn(
    process.execPath,
    [
      '-e',
      `import(${JSON.stringify(join(root, 'dist/api/main.js'))}).then(m => m.startApi()).then(() => process.stdout.write('READY\\n'))`,
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: pg.url('bench'),
        REDIS_URL: redis.url,
        PORT: String(port),
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        JWT_SECRET: 'x'.repeat(40),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  killOnExit([api]);
  await new Promise((resolve) => api.stdout.on('data', (b) => b.toString().includes('READY') && resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Setup steps may prepare data the API offers no mutation for (e.g. topping up stock for a checkout run).
  const db = new pgLib.Client({ connectionString: pg.url('bench') });
  await db.connect();
  const sql = async (text, params = []) => (await db.query(text, params)).rows;
  const results = [];
  for (const w of workloads) {
    if (only.length && !only.includes(w.name)) continue;
    const ctx = await w.setup(url, { sql });
    const r = await load((i) => w.run(ctx, i), { concurrency: w.concurrency });
    results.push({
      workload: w.name,
      concurrency: w.concurrency,
      ...r,
      ...rssOf(api.pid),
      ...(w.report ? await w.report(ctx, { sql }) : {}),
    });
    process.stdout.write(`${JSON.stringify(results.at(-1))}\n`);
  }
  await db.end();
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  console.table(results);
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await redis.stop();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
