// The anonymous catalog response cache (core's response-cache.ts) with the catalog's public queries:
// hits replay the stored answer, and a committed change of stock, price or publication shows on the
// next read — through this process's own mutation at once, through the catalog tables' NOTIFY when
// another process (here a separate connection) commits it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { LruBytes, ResponseCache } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import {
  CREATE_PRODUCT,
  PUBLISH,
  startCatalogServer,
  supplierFixture,
  UNPUBLISH,
  variantInput,
} from './catalog.test-fixtures';

let server: TestServer;
let ds: DataSource;
let other: pg.Client;
let staffToken: string;
let productId: string;
let variantId: string;
let secondId: string;

const PAGE = `query Page($id: ID!) { product(id: $id) { id title variants { id retailPrice stockAvailable } } }`;
const LIST = `query($first: Int) { products(first: $first) { totalCount edges { node { id variants { stockAvailable } } } } }`;
const UPDATE_VARIANT = `mutation($input: UpdateVariantInput!) { updateVariant(input: $input) { id stockAvailable retailPrice active } }`;

interface Answer {
  cache: string | null;
  encoding: string | null;
  headers: Headers;
  body: { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
}

async function post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    cache: res.headers.get('x-cache'),
    encoding: res.headers.get('content-encoding'),
    headers: res.headers,
    body: (await res.json()) as Answer['body'],
  };
}

/** Reads until `ok` holds, for at most 500 ms: the NOTIFY of another connection's commit arrives asynchronously. */
async function soon(read: () => Promise<Answer>, ok: (a: Answer) => boolean): Promise<Answer> {
  const until = Date.now() + 500;
  for (;;) {
    const a = await read();
    if (ok(a) || Date.now() > until) return a;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function publishedProduct(title: string, stock: number): Promise<{ id: string; variantId: string }> {
  const input = { title, originRegionCode: '520621000000', variants: [variantInput({ stockOnHand: stock })] };
  const created = (await server.gqlOk(CREATE_PRODUCT, { input }, staffToken)).createProduct;
  await server.gqlOk(PUBLISH, { id: created.id }, staffToken);
  return { id: created.id, variantId: created.variants[0].id };
}

const cache = () => server.app.get(ResponseCache);

/**
 * Reads until the answer comes from memory. The notification of a commit made just before (a fixture's,
 * a mutation's) may arrive after the next answer was stored and drop it once: a spare miss, never a stale hit.
 */
async function warmed(query: string, variables: Record<string, unknown>): Promise<Answer> {
  let a = await post(query, variables);
  for (let i = 0; i < 25 && a.cache !== 'hit'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    a = await post(query, variables);
  }
  expect(a.cache).toBe('hit');
  return a;
}

async function listening() {
  for (let i = 0; i < 100 && !cache().stats().listening; i++) await new Promise((r) => setTimeout(r, 20));
  expect(cache().stats().listening).toBe(true);
}

beforeAll(async () => {
  // A long max age: every fresh answer below must come from a change notification, not from expiry.
  ({ server, ds } = await startCatalogServer({ CATALOG_CACHE_MB: '1', CATALOG_CACHE_MAX_AGE_MS: '600000' }));
  const supplier = await supplierFixture(ds, { name: '江口县缓存测试合作社' });
  staffToken = await server.login(supplier.email, supplier.password);
  ({ id: productId, variantId } = await publishedProduct('梵净山缓存绿茶', 10));
  secondId = (await publishedProduct('沿河缓存空心李', 5)).id;
  other = new pg.Client({ connectionString: server.config.DATABASE_URL });
  await other.connect();
  await listening();
});

afterAll(async () => {
  await other?.end();
  await server?.close();
});

describe('anonymous catalog response cache', () => {
  it('answers a repeated anonymous page from memory, gzipped, with the same security headers', async () => {
    const first = await post(PAGE, { id: productId });
    expect(first.cache).toBe('miss');
    const second = await warmed(PAGE, { id: productId });
    expect(second.body).toEqual(first.body);
    expect(second.body.data.product.variants[0].stockAvailable).toBe(10);
    // Hits skip Apollo, not the HTTP pipeline in front of it.
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(second.headers.get('x-request-id')).toBeTruthy();
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(second.encoding).toBe('gzip');
  });

  it('keeps different variables apart', async () => {
    const a = await warmed(PAGE, { id: productId });
    const b = await warmed(PAGE, { id: secondId });
    expect(a.body.data.product.title).toBe('梵净山缓存绿茶');
    expect(b.body.data.product.title).toBe('沿河缓存空心李');
  });

  it('computes an answer once for many clients asking at the same time', async () => {
    await server.gqlOk(UPDATE_VARIANT, { input: { variantId, stockAdjustment: 1 } }, staffToken);
    await warmed(PAGE, { id: secondId }); // the update's own notification has arrived
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(PAGE, { id: productId })));
    expect(answers.filter((a) => a.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((a) => a.cache === 'coalesced').length).toBeGreaterThan(0);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
  });

  it('shows a stock change made through the API on the very next read', async () => {
    await warmed(PAGE, { id: productId });
    await server.gqlOk(UPDATE_VARIANT, { input: { variantId, stockAdjustment: -3 } }, staffToken);
    const after = await post(PAGE, { id: productId });
    expect(after.body.data.product.variants[0].stockAvailable).toBe(8);
  });

  it('shows a price change committed by another connection within 500 ms (NOTIFY on commit)', async () => {
    await warmed(PAGE, { id: productId });
    await other.query(`UPDATE variant SET retail_price = 9900 WHERE id = $1`, [variantId]);
    const after = await soon(
      () => post(PAGE, { id: productId }),
      (a) => a.body.data.product.variants[0].retailPrice === 9900,
    );
    expect(after.body.data.product.variants[0].retailPrice).toBe(9900);
  });

  it('shows stock reserved by another connection in the product list within 500 ms', async () => {
    const stockOf = (a: Answer) =>
      a.body.data.products.edges.find((e: { node: { id: string } }) => e.node.id === productId).node.variants[0]
        .stockAvailable;
    const before = stockOf(await warmed(LIST, { first: 20 }));
    await other.query(`UPDATE variant SET stock_reserved = stock_reserved + 2 WHERE id = $1`, [variantId]);
    const after = await soon(
      () => post(LIST, { first: 20 }),
      (a) => stockOf(a) === before - 2,
    );
    expect(stockOf(after)).toBe(before - 2);
  });

  it('a stock-only change sends no NOTIFY (it would serialise every checkout at COMMIT); a price change does', async () => {
    const heard: string[] = [];
    const listener = new pg.Client({ connectionString: server.config.DATABASE_URL });
    await listener.connect();
    try {
      listener.on('notification', (n) => heard.push(n.channel));
      await listener.query(`LISTEN catalog_changed`);
      await other.query(`UPDATE variant SET stock_reserved = stock_reserved + 1 WHERE id = $1`, [variantId]);
      await other.query(`UPDATE variant SET stock_reserved = stock_reserved - 1 WHERE id = $1`, [variantId]);
      // A notification of the listener's own session is delivered when it next talks to the server.
      await listener.query(`SELECT pg_sleep(0.2)`);
      expect(heard).toEqual([]);
      await other.query(`UPDATE variant SET retail_price = retail_price + 1 WHERE id = $1`, [variantId]);
      await listener.query(`SELECT pg_sleep(0.2)`);
      expect(heard).toEqual(['catalog_changed']);
    } finally {
      await listener.end();
    }
  });

  it('stops showing an unpublished product at once', async () => {
    const { id } = await publishedProduct('连州缓存菜心', 3);
    expect((await post(PAGE, { id })).body.data.product.id).toBe(id);
    await warmed(PAGE, { id });
    const ids = async () => (await post(LIST, { first: 20 })).body.data.products.edges.map((e: any) => e.node.id);
    expect(await ids()).toContain(id);
    await server.gqlOk(UNPUBLISH, { id, reason: '下架' }, staffToken);
    expect((await post(PAGE, { id })).body.data.product).toBeNull();
    expect(await ids()).not.toContain(id);
  });

  it('never serves a signed-in caller from the cache, and never fills it from one', async () => {
    // The supplier's staff also see inactive variants: an anonymous answer would be wrong for them.
    const { id, variantId: hidden } = await publishedProduct('汉中缓存仙毫', 4);
    await server.gqlOk(UPDATE_VARIANT, { input: { variantId: hidden, active: false } }, staffToken);
    expect((await post(PAGE, { id })).body.data.product.variants).toEqual([]);
    await warmed(PAGE, { id });
    const staff = await post(PAGE, { id }, staffToken);
    expect(staff.cache).toBeNull();
    expect(staff.body.data.product.variants.map((v: { id: string }) => v.id)).toEqual([hidden]);

    const onlyStaff = `query StaffFirst($id: ID!) { product(id: $id) { id variants { id } } }`;
    await post(onlyStaff, { id }, staffToken);
    const anonymous = await post(onlyStaff, { id });
    expect(anonymous.cache).toBe('miss');
    expect(anonymous.body.data.product.variants).toEqual([]);
  });

  it('leaves queries with other root fields, and mutations, alone', async () => {
    const mixed = `query($id: ID!) { product(id: $id) { id } me { id } }`;
    for (let i = 0; i < 2; i++) expect((await post(mixed, { id: productId })).cache).toBeNull();
    const fragment = `query($id: ID!) { ... on Query { product(id: $id) { id } } }`;
    for (let i = 0; i < 2; i++) expect((await post(fragment, { id: productId })).cache).toBeNull();
    const typename = `{ __typename }`;
    for (let i = 0; i < 2; i++) expect((await post(typename)).cache).toBeNull();
  });

  it('keeps its answers through anonymous requests that change nothing (a refused POST, a sign-in attempt)', async () => {
    await warmed(PAGE, { id: productId });
    const refused = await fetch(`${server.url}/no-such-route`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(404);
    await server.gql('mutation { login(identifier: "nobody@example.com", password: "wrong-password") { __typename } }');
    expect((await post(PAGE, { id: productId })).cache).toBe('hit');
  });

  it('never keeps an answer with errors', async () => {
    const bad = `query($r: String) { products(first: 5, filter: { regionCode: $r }) { totalCount } }`;
    const held = cache().stats().entries;
    for (let i = 0; i < 2; i++) {
      const a = await post(bad, { r: 'not-a-region' });
      expect(a.body.errors?.[0]?.extensions?.code).toBe('INVALID_REGION_CODE');
      expect(a.cache).toBe('miss');
    }
    // Clients waiting for an answer that turns out an error compute their own.
    const together = await Promise.all(Array.from({ length: 6 }, () => post(bad, { r: 'still-not-a-region' })));
    for (const a of together) expect(a.body.errors?.[0]?.extensions?.code).toBe('INVALID_REGION_CODE');
    expect(cache().stats().entries).toBe(held);
  });

  it('stops serving from memory while it cannot hear changes, and resumes after reconnecting', async () => {
    await warmed(PAGE, { id: secondId });
    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'bangfu-listen' AND datname = current_database()`,
    );
    for (let i = 0; i < 50 && cache().stats().listening; i++) await new Promise((r) => setTimeout(r, 10));
    // Not listening (or listening again with a new generation): never the old entry.
    expect((await post(PAGE, { id: secondId })).cache).not.toBe('hit');
    await listening();
    await warmed(PAGE, { id: secondId });
  });

  it('holds no more bytes than its bound', async () => {
    for (let first = 1; first <= 30; first++) await post(LIST, { first });
    const s = cache().stats();
    expect(s.maxBytes).toBe(1024 * 1024);
    expect(s.entries).toBeGreaterThan(20);
    expect(s.bytes).toBeLessThanOrEqual(s.maxBytes);
  });
});

describe('LruBytes', () => {
  const v = (bytes: number) => ({ bytes });

  it('evicts the least recently used values until the bytes fit', () => {
    const lru = new LruBytes<{ bytes: number }>(1000);
    lru.set('a', v(100));
    lru.set('b', v(100));
    lru.set('c', v(100));
    lru.get('a'); // a is now the most recent
    for (let i = 0; i < 9; i++) lru.set(`x${i}`, v(100));
    expect(lru.bytes).toBeLessThanOrEqual(1000);
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('c')).toBeUndefined();
  });

  it('keeps nothing larger than an eighth of its bound, and counts a replaced value once', () => {
    const lru = new LruBytes<{ bytes: number }>(800);
    expect(lru.set('big', v(101))).toBe(false);
    expect(lru.size).toBe(0);
    lru.set('k', v(50));
    lru.set('k', v(60));
    expect([lru.size, lru.bytes]).toEqual([1, 60]);
  });
});
