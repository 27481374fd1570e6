import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppConfig, createDataSource, Role, TokenService } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { ENTITIES } from '@bangfu/platform';
import { createSupplierFixture } from '@bangfu/supplier';
import { createTestDatabase } from '@bangfu/testing';
import { certifiedVariant } from './fixtures';
// The Stripe stand-in is test support of the payment lib, not part of its public API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startStripeTestServer, type StripeTestServer } from '../libs/payment/src/testing/stripe-test-server';

/**
 * Crash safety with real processes: the built API and worker run as child processes against this
 * file's own database while customers check out and pay (Stripe webhooks from the local Stripe
 * stand-in), suppliers ship and a smart counter reports sales. The API and the worker are SIGKILLed
 * mid-run and restarted; clients retry like real ones (same idempotency key, Stripe redelivering
 * the same event). Afterwards the database must tell a consistent story.
 */
const root = join(import.meta.dirname, '..');
// The children run a private copy of the build (inside the repo, so node_modules resolve), so a
// rebuild by another test (npm start, e2e) cannot swap dist/api under them mid-run.
const bundle = join(root, 'tmp', `reliability-${randomBytes(4).toString('hex')}`);
const WEBHOOK_SECRET = 'whsec_reliability_test_secret';
const JWT_SECRET = randomBytes(24).toString('hex');
const REDIS_PREFIX = `rel${randomBytes(4).toString('hex')}`;
const COUNTER_SECRET = randomBytes(32).toString('hex');
const COUNTER_DEVICE = `CTR-520621-${randomBytes(4).toString('hex').toUpperCase()}`;
/** Load continues this long after the last restart. */
const LOAD_AFTER_MS = 1_500;
const INITIAL_STOCK = 150;

let db: { url: string; drop: () => Promise<void> };
let ds: DataSource;
let stripe: StripeTestServer;
let sdk: Stripe;
let apiUrl: string;
let env: Record<string, string | undefined>;
const children: { api?: ChildProcess; worker?: ChildProcess } = {};

let hall: string;
let counterChannel: string;
let variants: { a1: string; a2: string; b1: string; b2: string };
let prices: Record<string, number>;
let customerTokens: string[];
let supplierTokens: Record<string, string>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts a child and resolves once it printed `ready`; its output is kept for the failure message. */
function launch(args: string[], ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}

const startApi = () =>
  launch(
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(join(bundle, 'main.js'))}); await m.startApi(); process.stdout.write('API-READY\\n');`,
    ],
    'API-READY',
  );
const startWorker = () => launch([join(bundle, 'worker.js')], 'queue processor(s)');

function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Network failures and 5xx are transient (the process is down or was killed mid-request): try again. */
async function retrying<T>(what: string, fn: () => Promise<T | undefined>, deadline: number): Promise<T> {
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      // fetch failed (connection refused or reset: the process is down or was killed) or timed out.
      const transient = e instanceof TransientError || e instanceof TypeError || (e as Error).name === 'TimeoutError';
      if (!transient) throw e;
      stats.retries++;
    }
    if (Date.now() > deadline) throw new Error(`gave up on ${what}`);
    await sleep(100);
  }
}

class TransientError extends Error {}

/** A 5xx is retried like a real client would, but counted: a healthy process should not answer one. */
function serverError(status: number): TransientError {
  stats.serverErrors++;
  return new TransientError(`HTTP ${status}`);
}

async function gql(
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<{ data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status >= 500) throw serverError(res.status);
  return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id totalAmount supplierOrders { id supplierId } } ... on InsufficientStockError { code } } }`;
const PAY = `mutation($id: ID!) { payOrder(orderId: $id, method: CARD) { paymentId clientSecret amount } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "changed my mind") { id status } }`;
const SHIP = `mutation($id: ID!, $t: String!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰", trackingNo: $t) { id status } }`;

const stats = {
  placed: 0,
  soldOut: 0,
  paid: 0,
  cancelled: 0,
  shipped: 0,
  counterSales: 0,
  retriedWebhooks: 0,
  retries: 0,
  serverErrors: 0,
};
const unexpected: string[] = [];

/** One customer's checkout to the end, whatever happens to the processes: place, then pay (or cancel), then maybe ship. */
async function checkout(token: string, deadline: number): Promise<void> {
  const a = Math.random() < 0.5 ? variants.a1 : variants.a2;
  const input = {
    idempotencyKey: randomUUID(),
    channelId: hall,
    lines: [
      { variantId: a, quantity: 1 + Math.floor(Math.random() * 2) },
      { variantId: variants.b1, quantity: 1 },
      { variantId: variants.b2, quantity: 1 + Math.floor(Math.random() * 2) },
    ],
  };
  // The same idempotency key on every retry: a lost answer never becomes a second order.
  const placed = await retrying(
    'placeOrder',
    async () => {
      const res = await gql(PLACE, { input }, token);
      if (res.errors) throw new Error(`placeOrder: ${res.errors[0].message}`);
      return res.data.placeOrder;
    },
    deadline,
  );
  if (placed.__typename === 'InsufficientStockError') {
    stats.soldOut++;
    return;
  }
  if (placed.__typename !== 'Order') throw new Error(`placeOrder answered ${placed.__typename}`);
  stats.placed++;

  if (Math.random() < 0.15) {
    await retrying(
      'cancelOrder',
      async () => {
        const res = await gql(CANCEL, { id: placed.id }, token);
        if (res.errors) throw new Error(`cancelOrder: ${res.errors[0].message}`);
        return res.data.cancelOrder;
      },
      deadline,
    );
    stats.cancelled++;
    return;
  }

  const intent = await retrying(
    'payOrder',
    async () => {
      const res = await gql(PAY, { id: placed.id }, token);
      if (res.errors) throw new Error(`payOrder: ${res.errors[0].message}`);
      return res.data.payOrder as { clientSecret: string };
    },
    deadline,
  );
  // The customer pays at Stripe; Stripe then delivers the same event until the endpoint answers 2xx.
  const pi = stripe.succeed(intent.clientSecret.split('_secret_')[0]);
  const event = stripe.event('payment_intent.succeeded', pi);
  let attempts = 0;
  await retrying(
    'webhook',
    async () => {
      attempts++;
      const payload = JSON.stringify(event);
      const res = await fetch(`${apiUrl}/webhooks/stripe`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status >= 500) throw serverError(res.status);
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      return true;
    },
    deadline,
  );
  if (attempts > 1) stats.retriedWebhooks++;
  stats.paid++;

  if (Math.random() < 0.5) {
    for (const so of placed.supplierOrders as Array<{ id: string; supplierId: string }>) {
      await retrying(
        'shipSupplierOrder',
        async () => {
          const res = await gql(
            SHIP,
            { id: so.id, t: `SF${randomBytes(5).toString('hex')}` },
            supplierTokens[so.supplierId],
          );
          // A retry after a lost answer finds it shipped already.
          if (res.errors?.[0]?.extensions?.code === 'INVALID_TRANSITION') return true;
          if (res.errors) throw new Error(`shipSupplierOrder: ${res.errors[0].message}`);
          return true;
        },
        deadline,
      );
      stats.shipped++;
    }
  }
}

/** The smart counter reports a sale; a retry keeps the reportId and signs with a new nonce. */
async function counterSale(deadline: number): Promise<void> {
  const body = JSON.stringify({
    reportId: `R-${randomUUID()}`,
    soldAt: new Date().toISOString(),
    lines: [{ variantId: variants.a1, quantity: 1, unitPrice: prices[variants.a1] }],
  });
  await retrying(
    'counter report',
    async () => {
      const ts = String(Math.floor(Date.now() / 1000));
      const nonce = randomBytes(12).toString('hex');
      const signature = createHmac('sha256', COUNTER_SECRET).update(`${ts}.${nonce}.${body}`).digest('hex');
      const res = await fetch(`${apiUrl}/counters/${COUNTER_DEVICE}/sales`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-bangfu-timestamp': ts,
          'x-bangfu-nonce': nonce,
          'x-bangfu-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status >= 500) throw serverError(res.status);
      const answer = (await res.json()) as { status?: string; error?: { code: string } };
      if (res.status === 409 && answer.error?.code === 'INSUFFICIENT_STOCK') return true;
      if (res.status !== 200) throw new Error(`counter answered ${res.status}: ${JSON.stringify(answer)}`);
      // DUPLICATE: an earlier try was recorded but its answer was lost to a kill. Either way this
      // report is now stored once, and the database must hold exactly one row per report counted here.
      if (answer.status === 'RECORDED' || answer.status === 'DUPLICATE') stats.counterSales++;
      return true;
    },
    deadline,
  );
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await ds.query(sql, params);
  return Number(Object.values(row as Record<string, unknown>)[0]);
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'api'], { cwd: root, stdio: 'inherit' });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  cpSync(join(root, 'dist/api'), bundle, { recursive: true });
  db = await createTestDatabase(inject('pgUrl'));
  ds = createDataSource(db.url, ENTITIES, [], 4);
  await ds.initialize();
  stripe = await startStripeTestServer({ apiKey: 'sk_test_reliability' });
  sdk = new Stripe('sk_test_reliability', { host: stripe.host, port: stripe.port, protocol: 'http' });
  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '8',
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX,
    JWT_SECRET,
    LOG_LEVEL: 'error',
    MIGRATIONS_RUN: 'false',
    WORKER_IN_PROCESS: 'false',
    HOST: '127.0.0.1',
    PORT: String(port),
    STRIPE_SECRET_KEY: 'sk_test_reliability',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: stripe.host,
    STRIPE_API_PORT: String(stripe.port),
    STRIPE_API_PROTOCOL: 'http',
    ORDER_OUTBOX_RELAY_MS: '200',
  };

  // Catalogue: two approved suppliers with two certified variants each (some units in harvest lots),
  // an online hall, and a counter selling one of them.
  // Only signing here (the server under test checks revocation in its own Redis), so no Redis client.
  const tokens = new TokenService({ JWT_SECRET, TOKEN_TTL_SECONDS: 3600 } as AppConfig, undefined as never);
  const suppliers = [await createSupplierFixture(ds), await createSupplierFixture(ds)];
  supplierTokens = Object.fromEntries(
    await Promise.all(suppliers.map(async (s) => [s.supplierId, (await tokens.sign(s.admin.userId)).token])),
  );
  const variant = async (supplierId: string, price: number) => {
    const made = await certifiedVariant(ds, supplierId, { price, stock: INITIAL_STOCK });
    await ds.query(
      `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L1', '2025-05-01', 20, 20), ($1, 'L2', '2025-09-01', 20, 20)`,
      [made.variantId],
    );
    return made;
  };
  const a1 = await variant(suppliers[0].supplierId, 6800);
  const a2 = await variant(suppliers[0].supplierId, 4500);
  const b1 = await variant(suppliers[1].supplierId, 3350);
  const b2 = await variant(suppliers[1].supplierId, 1200);
  variants = { a1: a1.variantId, a2: a2.variantId, b1: b1.variantId, b2: b2.variantId };
  prices = { [a1.variantId]: 6800, [a2.variantId]: 4500, [b1.variantId]: 3350, [b2.variantId]: 1200 };
  [{ id: hall }] = await ds.query(
    `INSERT INTO channel (kind, name, online, assistance_only) VALUES ('HALL', '帮扶馆', true, true) RETURNING id`,
  );
  [{ id: counterChannel }] = await ds.query(
    `INSERT INTO channel (kind, name, region_code, address, device_id, device_secret) VALUES ('COUNTER', '机关食堂智能专柜', '520621000000', '江口县机关食堂', $1, $2) RETURNING id`,
    [COUNTER_DEVICE, COUNTER_SECRET],
  );
  await ds.query(`INSERT INTO channel_product (channel_id, product_id) VALUES ($1, $2)`, [
    counterChannel,
    a1.productId,
  ]);
  customerTokens = [];
  for (let i = 0; i < 12; i++)
    customerTokens.push((await tokens.sign((await createUserWithRole(ds, Role.CUSTOMER)).user.id)).token);

  children.api = await startApi();
  children.worker = await startWorker();
}, 120_000);

afterAll(async () => {
  await kill(children.api);
  await kill(children.worker);
  await ds?.destroy();
  await stripe?.close();
  await db?.drop();
  rmSync(bundle, { recursive: true, force: true });
});

describe('a worker or API process killed mid-run (SIGKILL) and restarted', () => {
  // Chaos timing varies run to run; one retry keeps CI honest about real breakage (a second failure
  // in a row fails the run) without failing on a kill that lands between two client retries.
  it(
    'leaves no paid payment without its order, the ledger balanced and stock conserved',
    { timeout: 300_000, retry: 1 },
    async () => {
      let running = true;
      // Each client operation may wait this long for a killed process to come back. A fixed deadline for
      // the whole run made clients give up when restarts were slow (a loaded CI machine), not broken.
      const patience = 60_000;
      const clients = customerTokens.map(async (token) => {
        while (running) {
          try {
            await checkout(token, Date.now() + patience);
          } catch (e) {
            unexpected.push((e as Error).message);
          }
        }
      });
      const counter = (async () => {
        while (running) {
          try {
            await counterSale(Date.now() + patience);
          } catch (e) {
            unexpected.push((e as Error).message);
          }
          await sleep(150);
        }
      })();
      // The chaos: each process is killed without warning while requests and jobs are in flight.
      const chaos = (async () => {
        const kills: string[] = [];
        for (const target of ['api', 'worker', 'api', 'worker'] as const) {
          await sleep(2_000 + Math.random() * 1_000);
          await kill(children[target]);
          kills.push(target);
          children[target] = target === 'api' ? await startApi() : await startWorker();
        }
        await sleep(LOAD_AFTER_MS);
        running = false;
        return kills;
      })();
      const [kills] = await Promise.all([chaos, counter, ...clients]);
      expect(kills).toEqual(['api', 'worker', 'api', 'worker']);
      expect(unexpected).toEqual([]);
      expect(stats.placed).toBeGreaterThan(20);
      expect(stats.paid).toBeGreaterThan(10);
      expect(stats.counterSales).toBeGreaterThan(5);
      // The kills did interrupt work in flight: clients had to retry.
      expect(stats.retries).toBeGreaterThan(0);

      // Catch-up: the restarted worker relays every committed event to the domain-events queue.
      const relayDeadline = Date.now() + 15_000;
      while ((await count(`SELECT count(*) FROM outbox_event WHERE published_at IS NULL`)) > 0) {
        if (Date.now() > relayDeadline) throw new Error('the outbox relay did not catch up');
        await sleep(200);
      }
      const events = new Queue('domain-events', {
        connection: { url: inject('redisUrl') },
        prefix: `${REDIS_PREFIX}:bull`,
      });
      try {
        const ids: Array<{ id: string }> = await ds.query(
          `SELECT id FROM outbox_event ORDER BY created_at DESC LIMIT 50`,
        );
        const jobs = await Promise.all(ids.map((r) => events.getJob(r.id)));
        expect(jobs.filter((j) => !j)).toEqual([]);
      } finally {
        await events.close();
      }

      // Every payment Stripe took is applied: SUCCEEDED, its order PAID or later with this payment, nothing unmatched.
      const succeededAtStripe = [...stripe.paymentIntents.values()]
        .filter((pi) => pi.status === 'succeeded')
        .map((pi) => pi.id);
      expect(succeededAtStripe.length).toBe(stats.paid);
      expect(
        await count(`SELECT count(*) FROM payment WHERE provider_ref = ANY($1::text[]) AND status = 'SUCCEEDED'`, [
          succeededAtStripe,
        ]),
      ).toBe(succeededAtStripe.length);
      expect(
        await ds.query(
          `SELECT p.id, o.status, o.payment_id, o.paid_amount FROM payment p JOIN orders o ON o.id = p.order_id
          WHERE p.status = 'SUCCEEDED' AND NOT (o.status IN ('PAID','FULFILLING','DELIVERED','ACCEPTED','SETTLED','REFUNDED','PARTIALLY_REFUNDED')
                AND o.payment_id = p.id::text AND o.paid_amount = p.amount AND p.outcome = 'APPLIED')`,
        ),
      ).toEqual([]);
      expect(await count(`SELECT count(*) FROM payment WHERE outcome = 'UNMATCHED' OR flag IS NOT NULL`)).toBe(0);
      // ... and no order is paid without a payment behind it.
      expect(
        await count(
          `SELECT count(*) FROM orders o WHERE o.paid_amount > 0 AND o.channel_id = $1 AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.id::text = o.payment_id AND p.status = 'SUCCEEDED')`,
          [hall],
        ),
      ).toBe(0);

      // Ledger: every posting balances and so does the whole; the money each order holds matches it.
      expect(
        await count(
          `SELECT count(*) FROM (SELECT posting_id FROM ledger_entry GROUP BY posting_id HAVING sum(amount) <> 0) x`,
        ),
      ).toBe(0);
      expect(await count(`SELECT coalesce(sum(amount), 0) FROM ledger_entry`)).toBe(0);
      expect(
        await ds.query(
          `SELECT o.id, o.paid_amount, x.received FROM orders o
           LEFT JOIN LATERAL (
             SELECT coalesce(sum(e.amount), 0) AS received FROM ledger_posting p JOIN ledger_entry e ON e.posting_id = p.id JOIN ledger_account a ON a.id = e.account_id
              WHERE p.order_id = o.id AND p.kind IN ('BUYER_PAYMENT','COUNTER_SETTLEMENT') AND (a.code IN ('CASH_STRIPE','CASH_BANK') OR a.code LIKE 'COUNTER_RECEIVABLE:%')) x ON true
          WHERE o.paid_amount <> x.received`,
        ),
      ).toEqual([]);

      // Stock: per variant, on hand + shipped = initial, and reserved = the unshipped units of live orders.
      const stock = await ds.query(
        `SELECT v.id, v.stock_on_hand, v.stock_reserved,
              (SELECT coalesce(sum(a.quantity), 0)::int FROM shipment_allocation a WHERE a.variant_id = v.id) AS shipped,
              (SELECT coalesce(sum(l.quantity), 0)::int FROM order_line l JOIN supplier_order so ON so.id = l.supplier_order_id
                WHERE l.variant_id = v.id AND so.status = 'AWAITING_SHIPMENT') AS unshipped,
              (SELECT coalesce(sum(quantity - remaining), 0)::int FROM lot WHERE lot.variant_id = v.id) AS taken_from_lots
         FROM variant v WHERE v.id = ANY($1::uuid[]) ORDER BY v.id`,
        [Object.values(variants)],
      );
      for (const v of stock) {
        expect({ variant: v.id, total: v.stock_on_hand + v.shipped, reserved: v.stock_reserved }).toEqual({
          variant: v.id,
          total: INITIAL_STOCK,
          reserved: v.unshipped,
        });
        expect(v.taken_from_lots).toBe(Math.min(v.shipped, 40));
      }
      expect(stock.reduce((s: number, v: { shipped: number }) => s + v.shipped, 0)).toBeGreaterThan(0);
      // Cancelled orders hold nothing; live unshipped supplier orders belong to live orders only.
      expect(
        await count(
          `SELECT count(*) FROM supplier_order so JOIN orders o ON o.id = so.order_id WHERE so.status = 'AWAITING_SHIPMENT' AND o.status IN ('CANCELLED','REJECTED','REFUNDED')`,
        ),
      ).toBe(0);

      // History: every order has its creation row and its last history row is its status.
      expect(
        await count(
          `SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_history h WHERE h.order_id = o.id AND h.from_status IS NULL) <> 1
           OR o.status <> coalesce((SELECT h.to_status FROM order_history h WHERE h.order_id = o.id ORDER BY h.created_at DESC, h.id DESC LIMIT 1), '')`,
        ),
      ).toBe(0);
      // Counter sales: every report became one settled order.
      expect(
        await count(
          `SELECT count(*) FROM counter_report r LEFT JOIN orders o ON o.id = r.order_id WHERE o.status IS DISTINCT FROM 'SETTLED'`,
        ),
      ).toBe(0);
      expect(await count(`SELECT count(*) FROM counter_report`)).toBe(stats.counterSales);
      expect(
        await count(`SELECT count(*) FROM orders WHERE channel_id = $1 AND status = 'SETTLED'`, [counterChannel]),
      ).toBe(stats.counterSales);
      expect(await count(`SELECT count(*) FROM orders WHERE channel_id = $1`, [hall])).toBe(stats.placed);
      process.stdout.write(`reliability: ${JSON.stringify(stats)}\n`);
    },
  );
});
