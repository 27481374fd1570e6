import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isLeafType, isNonNullType } from 'graphql';
import { DataSource } from 'typeorm';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { createSupplierFixture } from '@bangfu/supplier';
import { startApp } from './app';

// HTTP and GraphQL hygiene against the real server: headers, compression, caching of the built
// storefront, status codes of client errors, invalid text, and what a query costs.
const storefront = mkdtempSync(join(tmpdir(), 'bangfu-storefront-'));
mkdirSync(join(storefront, 'assets'));
writeFileSync(
  join(storefront, 'index.html'),
  `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'帮扶'.repeat(800)}</body></html>`,
);
writeFileSync(join(storefront, 'assets', 'index-Ab12Cd34.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);

let server: TestServer;
let ds: DataSource;
beforeAll(async () => {
  server = await startApp({ STOREFRONT_DIR: storefront });
  ds = server.app.get(DataSource);
});
afterAll(async () => {
  await server?.close();
  rmSync(storefront, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function customerToken(): Promise<string> {
  const customer = await createUserWithRole(ds, Role.CUSTOMER);
  return server.login(customer.email, customer.password);
}

describe('security headers', () => {
  it('are on every kind of response, and x-powered-by is not', async () => {
    const responses = [
      await fetch(`${server.url}/health`),
      await post({ query: '{ __typename }' }),
      await post({ query: '{ nope }' }),
      await fetch(`${server.url}/api/no-such-route`),
      await fetch(`${server.url}/products`, { headers: { accept: 'text/html' } }),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, res.url).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('compression and caching of the storefront', () => {
  it('compresses API answers with brotli or gzip, as the client asks', async () => {
    const big = `{ ${Array.from({ length: 20 }, (_, i) => `r${i}: regions { code name level }`).join(' ')} }`;
    const br = await post({ query: big }, { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect((await br.json()).data.r0.length).toBeGreaterThan(0);
    const gz = await post({ query: big }, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
  });

  it('caches hashed assets for a year as immutable and never index.html', async () => {
    const asset = await fetch(`${server.url}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toContain('console.log');

    for (const path of ['/', '/index.html', '/orders/123']) {
      const page = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('answers a missing hashed asset 404 instead of the index page', async () => {
    const res = await fetch(`${server.url}/assets/index-Gone0000.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('text/html');
  });
});

describe('client errors are 4xx with their code', () => {
  it('answers 400 for wrongly typed or missing variables', async () => {
    // Sent well first, so the cost of each document is already remembered (graphql-limits.ts) and the
    // wrong variables meet Apollo's own coercion, not the cost calculation.
    for (const [query, variables] of [
      ['query($c: String!) { region(code: $c) { name } }', { c: '520000000000' }],
      ['query($n: Int) { products(first: $n) { totalCount } }', { n: 5 }],
    ] as const)
      expect((await post({ query, variables })).status).toBe(200);
    const typed = await post({
      query: 'query($c: String!) { region(code: $c) { name } }',
      variables: { c: { not: 'a string' } },
    });
    expect(typed.status).toBe(400);
    expectErrorCode(await typed.json(), 'BAD_USER_INPUT');
    const missing = await post({ query: 'query($c: String!) { region(code: $c) { name } }', variables: {} });
    expect(missing.status).toBe(400);
    expectErrorCode(await missing.json(), 'BAD_USER_INPUT');
    const first = await post({
      query: 'query($n: Int) { products(first: $n) { totalCount } }',
      variables: { n: 'many' },
    });
    expect(first.status).toBe(400);
    expectErrorCode(await first.json(), 'BAD_USER_INPUT');
  });

  it('answers 400 for QUERY_TOO_DEEP and QUERY_TOO_COMPLEX', async () => {
    const deep = `{ regions ${'{ children '.repeat(12)}{ code }${' }'.repeat(12)} }`;
    const tooDeep = await post({ query: deep });
    expect(tooDeep.status).toBe(400);
    expectErrorCode(await tooDeep.json(), 'QUERY_TOO_DEEP');
    const wide = `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: products(first: 100) { edges { node { id title variants { id sku } } } }`).join(' ')} }`;
    const tooComplex = await post({ query: wide });
    expect(tooComplex.status).toBe(400);
    expectErrorCode(await tooComplex.json(), 'QUERY_TOO_COMPLEX');
  });

  it('answers unknown API routes 404 in the documented error shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/no-such-route'],
      ['POST', '/api/orders'],
      ['GET', '/webhooks/nothing'],
      ['PUT', '/anything-at-all'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { method, headers: { accept: 'text/html,application/json' } });
      expect(res.status, `${method} ${path}`).toBe(404);
      const body = await res.json();
      expect(body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });
});

describe('invalid text is BAD_USER_INPUT everywhere', () => {
  const BAD = ['茶\u0000叶', 'a\ud800b', 'bell\u0007'];

  it('in a search, through variables and literals', async () => {
    for (const search of BAD) {
      const res = await post({
        query: 'query($f: ProductFilter) { products(filter: $f) { totalCount } }',
        variables: { f: { search } },
      });
      expect(res.status).toBe(400);
      expectErrorCode(await res.json(), 'BAD_USER_INPUT');
    }
    const literal = await post({ query: '{ products(filter: { search: "\\u0000" }) { totalCount } }' });
    expect(literal.status).toBe(400);
    expectErrorCode(await literal.json(), 'BAD_USER_INPUT');
    // Ordinary text still works: tabs, new lines, Chinese, emoji.
    expect(
      (
        await server.gql('query($f: ProductFilter) { products(filter: $f) { totalCount } }', {
          f: { search: '绿茶\t礼盒\n🍵' },
        })
      ).errors,
    ).toBeUndefined();
  });

  it('at registration and in product titles', async () => {
    const reg = await server.gql(
      'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { __typename } }',
      {
        input: { email: 'nul@test.bangfu', displayName: '顾\u0000客', password: 'Kx9-retail-customer-2026' },
      },
    );
    expectErrorCode(reg, 'BAD_USER_INPUT');
    const supplier = await createSupplierFixture(ds);
    const token = await server.login(supplier.admin.email, supplier.admin.password);
    const product = await server.gql(
      'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      {
        input: {
          title: '绿茶\u0000',
          originRegionCode: '520621000000',
          variants: [
            { sku: 'T-1', spec: '250g', unit: '盒', retailPrice: 6800, agencyPrice: 5900, marketReferencePrice: 7200 },
          ],
        },
      },
      token,
    );
    expectErrorCode(product, 'BAD_USER_INPUT');
  });

  it('in REST JSON bodies', async () => {
    const res = await fetch(`${server.url}/counters/some-device/sales`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sales: [{ note: 'x\u0000' }] }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('BAD_USER_INPUT');
  });
});

describe('organizations', () => {
  it('answers a retail customer (no memberships) with an empty list, not an internal error', async () => {
    const token = await customerToken();
    const res = await server.gql('{ organizations { id name } }', {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.organizations).toEqual([]);
  });

  it('no query fails with INTERNAL_SERVER_ERROR for a retail customer (empty id lists never reach SQL)', async () => {
    const token = await customerToken();
    const schema = server.app.get(GraphQLSchemaHost).schema;
    const dummy: Record<string, unknown> = {
      ID: '00000000-0000-4000-8000-000000000000',
      String: '520000000000',
      Int: 2026,
      Boolean: true,
      Money: 100,
    };
    const internal: string[] = [];
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const named = required.map((a) => getNamedType(a.type));
      if (named.some((t) => !(t.name in dummy))) continue;
      const vars = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
      const query = `query${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
      const res = await server.gql(
        query,
        Object.fromEntries(required.map((a, i) => [a.name, dummy[named[i].name]])),
        token,
      );
      if (res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) internal.push(field.name);
    }
    expect(internal).toEqual([]);
  });
});

describe('query cost', () => {
  it('prices a list by its page size', async () => {
    const pages = (n: number, first: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: products(first: ${first}) { edges { node { id title } } }`).join(' ')} }`;
    // Twenty small pages are fine; twenty pages of 100 rows are 2,000 rows, not 100 fields.
    expect((await server.gql(pages(20, 5))).errors).toBeUndefined();
    const big = expectErrorCode(await server.gql(pages(20, 100)), 'QUERY_TOO_COMPLEX');
    expect(big.extensions?.complexity).toBeGreaterThanOrEqual(20 * 100 * 3);
    expect(big.extensions?.maxComplexity).toBe(10_000);
  });

  it('prices one document by the variables of each request (costs are remembered per variables)', async () => {
    const pages = `query($n: Int) { ${Array.from({ length: 20 }, (_, i) => `p${i}: products(first: $n) { edges { node { id title } } }`).join(' ')} }`;
    expect((await server.gql(pages, { n: 5 })).errors).toBeUndefined();
    expectErrorCode(await server.gql(pages, { n: 100 }), 'QUERY_TOO_COMPLEX');
    expect((await server.gql(pages, { n: 5 })).errors).toBeUndefined();
    expectErrorCode(await server.gql(pages, { n: 100 }), 'QUERY_TOO_COMPLEX');
  });

  it('counts every alias: 100 searches in one request are refused', async () => {
    const aliases = `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: products(filter: { search: "茶${i}" }, first: 1) { totalCount }`).join(' ')} }`;
    const res = await post({ query: aliases });
    expect(res.status).toBe(400);
    expectErrorCode(await res.json(), 'QUERY_TOO_COMPLEX');
    const few = `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: products(filter: { search: "茶${i}" }, first: 12) { totalCount edges { node { id title } } }`).join(' ')} }`;
    expect((await server.gql(few)).errors).toBeUndefined();
  });
});
