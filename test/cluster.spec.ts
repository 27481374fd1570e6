import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppConfig, Role, TokenService } from '@bangfu/core';
import { EventConsumerRegistry } from '@bangfu/events';
import { createUserWithRole } from '@bangfu/identity';
import { AppModule } from '@bangfu/platform';
import { createSupplierFixture } from '@bangfu/supplier';
import { count, testConfig } from '@bangfu/testing';
import { certifiedVariant } from './fixtures';

/**
 * `npm run start:cluster` for real: 3 API processes on one port and 2 worker processes from the built
 * bundle, on this file's database and Redis prefix. Concurrent customers check out through the shared
 * port (round-robin over the APIs); then an API and a worker are SIGKILLed mid-load and the script
 * restarts them. Stock is never oversold, an idempotency key makes one order whichever API answers,
 * and every outbox event is consumed exactly once by each of its consumers (the workers race for them).
 */
const root = join(import.meta.dirname, '..');
// A private copy of the build, so a rebuild by another test cannot swap dist/api under the children.
const bundle = join(root, 'tmp', `cluster-${randomBytes(4).toString('hex')}`);
const SCARCE_STOCK = 12;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let config: AppConfig;
let drop: () => Promise<void>;
/** The application in this process (no workers, no HTTP): the test's database access and consumer registry. */
let app: INestApplicationContext;
let ds: DataSource;
let cluster: ChildProcess;
let output = '';
let apiUrl: string;
let hall: string;
let scarce: string;
let plenty: string;
/** Ordered once by the browsing test only, so the other tests' counts of plenty's lines stay theirs. */
let browsed: string;
let customers: string[];

/** Resolves when the cluster's output (from `from` on) matches. */
async function waitFor(pattern: RegExp, from = 0, ms = 60_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = pattern.exec(output.slice(from));
    if (m) return m;
    if (Date.now() > until || cluster.exitCode !== null) throw new Error(`no ${pattern} in:\n${output}`);
    await sleep(100);
  }
}

/** The pid of a child as the script last reported it ready. */
function pidOf(name: string): number {
  const all = [...output.matchAll(new RegExp(`${name} \\(pid (\\d+)\\) ready`, 'g'))];
  return Number(all.at(-1)![1]);
}

const variant = async (supplierId: string, stock: number) =>
  (await certifiedVariant(ds, supplierId, { price: 1200, stock })).variantId;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'api'], { cwd: root, stdio: 'inherit' });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  cpSync(join(root, 'dist/api'), bundle, { recursive: true });
  ({ config, drop } = await testConfig({ DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'error' }));
  app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runWorkers: false }), {
    logger: false,
  });
  ds = app.get(DataSource);

  const supplier = await createSupplierFixture(ds);
  scarce = await variant(supplier.supplierId, SCARCE_STOCK);
  plenty = await variant(supplier.supplierId, 100_000);
  browsed = await variant(supplier.supplierId, 1_000);
  [{ id: hall }] = await ds.query(
    `INSERT INTO channel (kind, name, online, assistance_only) VALUES ('HALL', '帮扶馆', true, true) RETURNING id`,
  );
  // Only signing here (the APIs check revocation in their own Redis connections).
  const tokens = new TokenService(config, undefined as never);
  customers = [];
  for (let i = 0; i < 8; i++)
    customers.push((await tokens.sign((await createUserWithRole(ds, Role.CUSTOMER)).user.id)).token);

  cluster = spawn(process.execPath, ['scripts/start-cluster.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATABASE_URL: config.DATABASE_URL,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      JWT_SECRET: config.JWT_SECRET,
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0', // node:cluster gives every API process the same free port
      BANGFU_API_DIR: bundle,
      API_WORKERS: '3',
      WORKERS: '2',
      ORDER_OUTBOX_RELAY_MS: '200',
      // A killed worker's jobs go to the other one after 5 s instead of BullMQ's 30.
      QUEUE_LOCK_MS: '5000',
    },
  });
  cluster.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  cluster.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const booting = Date.now();
  const port = (await waitFor(/running at http:\/\/localhost:(\d+) with 3 API and 2 worker/, 0, 120_000))[1];
  apiUrl = `http://127.0.0.1:${port}`;
  process.stdout.write(`cluster: 3 API + 2 workers ready in ${Date.now() - booting} ms\n`);
}, 180_000);

// The processes' own account of a failure (their logs go to the script's output).
afterEach(({ task }) => {
  if (task.result?.state === 'fail')
    process.stdout.write(`cluster output (last 6000 characters):\n${output.slice(-6000)}\n`);
});

afterAll(async () => {
  if (cluster && cluster.exitCode === null) {
    const exited = new Promise((r) => cluster.once('exit', r));
    cluster.kill('SIGTERM');
    await exited;
  }
  await app?.close();
  await drop?.();
  rmSync(bundle, { recursive: true, force: true });
});

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } ... on InsufficientStockError { code } } }`;
type Placed = { __typename: string; id?: string };

/** placeOrder as a client that retries (same key) while a process is down: connection errors and 5xx. */
async function place(token: string, key: string, variantId: string, stats = { retries: 0 }): Promise<Placed> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: PLACE,
          variables: { input: { idempotencyKey: key, channelId: hall, lines: [{ variantId, quantity: 1 }] } },
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status < 500) {
        const body = (await res.json()) as { data?: { placeOrder: Placed }; errors?: Array<{ message: string }> };
        if (body.errors) throw new Error(`placeOrder: ${body.errors[0].message}`);
        return body.data!.placeOrder;
      }
    } catch (e) {
      const transient = e instanceof TypeError || (e as Error).name === 'TimeoutError';
      if (!transient) throw e;
    }
    stats.retries++;
    if (Date.now() > deadline) throw new Error(`placeOrder ${key}: gave up`);
    await sleep(100);
  }
}

function kill(pid: number) {
  process.kill(pid, 'SIGKILL');
}

describe('npm run start:cluster: 3 API and 2 worker processes', () => {
  it('sells scarce stock exactly once across the APIs', async () => {
    const answers = await Promise.all(
      Array.from({ length: SCARCE_STOCK * 3 }, (_, i) => place(customers[i % customers.length], randomUUID(), scarce)),
    );
    const sold = answers.filter((a) => a.__typename === 'Order');
    expect(sold).toHaveLength(SCARCE_STOCK);
    expect(answers.filter((a) => a.__typename === 'InsufficientStockError')).toHaveLength(SCARCE_STOCK * 2);
    const [v] = await ds.query(`SELECT stock_on_hand, stock_reserved FROM variant WHERE id = $1`, [scarce]);
    expect(v).toEqual({ stock_on_hand: SCARCE_STOCK, stock_reserved: SCARCE_STOCK });
  });

  it("shows every API's anonymous readers the stock an order through any API took (each API listens)", async () => {
    // A new connection per read (agent: false): the port deals connections, not requests, round-robin.
    const read = () =>
      new Promise<{ cache: string | undefined; stock: number }>((resolve, reject) => {
        const req = request(
          `${apiUrl}/graphql`,
          { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => {
              const variants = (
                JSON.parse(text).data.products.edges as Array<{
                  node: { variants: Array<{ id: string; stockAvailable: number }> };
                }>
              ).flatMap((e) => e.node.variants);
              resolve({
                cache: res.headers['x-cache'] as string | undefined,
                stock: variants.find((v) => v.id === browsed)!.stockAvailable,
              });
            });
          },
        );
        req.on('error', reject);
        req.end(
          JSON.stringify({ query: '{ products(first: 50) { edges { node { variants { id stockAvailable } } } } }' }),
        );
      });
    const nine = async () => {
      const out = [];
      for (let i = 0; i < 9; i++) out.push(await read());
      return out;
    };
    const warm = await nine();
    expect(warm.filter((r) => r.cache === 'hit').length).toBeGreaterThanOrEqual(3);
    const before = warm[8].stock;
    expect((await place(customers[1], randomUUID(), browsed)).__typename).toBe('Order');
    // Nine reads in a row reach every API three times; the NOTIFY of the order's commit may take a moment.
    const deadline = Date.now() + 500;
    let after = await nine();
    while (after.some((r) => r.stock !== before - 1) && Date.now() < deadline) after = await nine();
    expect(after.map((r) => r.stock)).toEqual(Array(9).fill(before - 1));
  });

  it('makes one order of one idempotency key sent to every API at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 9 }, () => place(customers[0], key, plenty)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers[0].__typename).toBe('Order');
    expect(await count(ds, `SELECT count(*) FROM orders WHERE idempotency_key = $1`, [key])).toBe(1);
  });

  it('loses nothing when an API and a worker are SIGKILLed mid-load; every event is consumed once per consumer', async () => {
    const accepted = new Set<string>();
    const stats = { retries: 0 };
    const timings = { kill: 0, restarted: 0, settled: 0 };
    const failures: string[] = [];
    let running = true;
    let paused = false;
    const clients = customers.map(async (token) => {
      while (running) {
        if (paused) {
          await sleep(100);
          continue;
        }
        try {
          const placed = await place(token, randomUUID(), plenty, stats);
          if (placed.__typename !== 'Order') throw new Error(`placeOrder answered ${placed.__typename}`);
          accepted.add(placed.id!);
        } catch (e) {
          failures.push((e as Error).message);
        }
        await sleep(50); // steady load, not a CPU flood that starves the restarting processes
      }
    });
    const chaos = (async () => {
      await sleep(2_000);
      const mark = output.length;
      const victims = { api: pidOf('api-2'), worker: pidOf('worker-1') };
      kill(victims.api);
      kill(victims.worker);
      const killedAt = new Date();
      timings.kill = Date.now();
      // Load while the two are down, then a pause while they boot (a slow machine would pile up work
      // for the settling phase), then load on the restarted processes.
      await sleep(3_000);
      paused = true;
      // A restart is a whole boot, slow on a loaded machine.
      await waitFor(/api-2 \(pid \d+\) ready/, mark, 150_000);
      await waitFor(/worker-1 \(pid \d+\) ready/, mark, 150_000);
      timings.restarted = Date.now() - timings.kill;
      expect(pidOf('api-2')).not.toBe(victims.api);
      expect(pidOf('worker-1')).not.toBe(victims.worker);
      paused = false;
      await sleep(2_000);
      running = false;
      return killedAt;
    })();
    const [killedAt] = await Promise.all([chaos, ...clients]);
    expect(failures).toEqual([]);
    expect(accepted.size).toBeGreaterThan(20);

    // Every accepted order exists, and no key made a second one.
    expect(await count(ds, `SELECT count(*) FROM orders WHERE id = ANY($1::uuid[])`, [[...accepted]])).toBe(
      accepted.size,
    );
    expect(
      await count(ds, `SELECT count(*) FROM orders o JOIN order_line l ON l.order_id = o.id WHERE l.variant_id = $1`, [
        plenty,
      ]),
    ).toBe(accepted.size + 1); // + the idempotency test's order

    // Settle: the relay (whichever worker holds it now) publishes everything, including the events
    // written after the kill, and the workers consume each event once per subscribed consumer.
    const registry = app.get(EventConsumerRegistry);
    const missing = async () => {
      const events: Array<{ id: string; type: string; published: boolean; consumers: string[] }> = await ds.query(
        `SELECT e.id, e.type, e.published_at IS NOT NULL AS published,
                coalesce(array_agg(c.consumer ORDER BY c.consumer) FILTER (WHERE c.consumer IS NOT NULL), '{}') AS consumers
           FROM outbox_event e LEFT JOIN outbox_consumption c ON c.event_id = e.id GROUP BY e.id`,
      );
      return events
        .map((e) => ({
          e,
          want: registry
            .consumersOf(e.type)
            .map((c) => c.consumer)
            .sort(),
        }))
        .filter(({ e, want }) => !e.published || JSON.stringify(e.consumers) !== JSON.stringify(want));
    };
    const settling = Date.now();
    const until = settling + 90_000;
    let left = await missing();
    while (left.length > 0 && Date.now() < until) {
      await sleep(500);
      left = await missing();
    }
    timings.settled = Date.now() - settling;
    expect(left.slice(0, 3)).toEqual([]);
    expect(
      await count(ds, `SELECT count(*) FROM outbox_event WHERE created_at > $1 AND published_at IS NOT NULL`, [
        killedAt,
      ]),
    ).toBeGreaterThan(0);
    expect(
      await count(ds, `SELECT count(*) FROM outbox_consumption c JOIN outbox_event e ON e.id = c.event_id`),
    ).toBeGreaterThan(accepted.size);
    process.stdout.write(
      `cluster: ${accepted.size} orders, ${stats.retries} client retries, restarted in ${timings.restarted} ms, settled in ${timings.settled} ms\n`,
    );
  }, 300_000);
});
