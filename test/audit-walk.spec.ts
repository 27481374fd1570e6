import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { DataSource } from 'typeorm';
import { ALLOW_KEY } from '@bangfu/core';
import { signCounterRequest } from '@bangfu/channel';
import { DEMO_COUNTER, DEMO_PASSWORD, seedDemo } from '@bangfu/demo';
import { type TestServer, until } from '@bangfu/testing';
import { startApp } from './app';

/**
 * Audit trail on every mutation (issue 13): walks EVERY Mutation field of the built schema — a
 * mutation added later is walked too — and calls it as a demo user holding one of its roles, with
 * arguments generated from the schema's types (random ids, so most calls fail with NOT_FOUND or a
 * business error: a failure must be audited as much as a success), and fails when the request left
 * no audit event naming that operation. Arguments the generator cannot make valid GraphQL for go in
 * EXPLICIT.
 */
let server: TestServer;
let ds: DataSource;
let schema: GraphQLSchema;
const tokens = new Map<string, string>();

/** A demo user for each role (SUPPLIER_STAFF has none: supplier admins may do what staff do). */
const USER_BY_ROLE: Record<string, string> = {
  PLATFORM_ADMIN: 'admin@demo.bangfu',
  AGENCY_ADMIN: 'agency-admin@demo.bangfu',
  PURCHASER: 'purchaser@demo.bangfu',
  APPROVER: 'approver@demo.bangfu',
  SUPPLIER_ADMIN: 'supplier@demo.bangfu',
  SUPPLIER_STAFF: 'supplier@demo.bangfu',
  FARMER: 'farmer@demo.bangfu',
  COORDINATOR: 'coordinator@demo.bangfu',
  AUDITOR: 'auditor@demo.bangfu',
  CUSTOMER: 'customer@demo.bangfu',
  AUTHENTICATED: 'admin@demo.bangfu',
};

/** Mutations whose arguments the generator cannot fill validly, with a valid set. */
const EXPLICIT: Record<string, Record<string, unknown>> = {};

/** Run last: they end the session they run in. */
const LAST = /^(logout|signOut)/;

const SCALARS: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => 'audit-walk',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  Money: () => 100,
  DateTime: () => new Date().toISOString(),
};

function valueOf(type: GraphQLInputType, missing: string[], where: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, missing, where, depth);
  if (isListType(type)) return [valueOf(type.ofType, missing, where, depth)];
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isScalarType(named)) {
    const make = SCALARS[named.name];
    if (!make) missing.push(`${where}: scalar ${named.name}`);
    return make?.();
  }
  if (isInputObjectType(named)) {
    if (depth > 5) return undefined;
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields()))
      if (isNonNullType(f.type)) out[f.name] = valueOf(f.type, missing, `${where}.${f.name}`, depth + 1);
    return out;
  }
  missing.push(`${where}: ${String(type)}`);
  return undefined;
}

function selection(type: GraphQLNamedType): string {
  return isLeafType(type) ? '' : '{ __typename }';
}

function operationText(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${vars ? `(${vars})` : ''} { ${field.name}${pass ? `(${pass})` : ''} ${selection(getNamedType(field.type))} }`;
}

/** Mutation name → the roles its @Allow lists (what ops.spec walks for deny-by-default). */
function allowedRoles(): Map<string, string[]> {
  const discovery = server.app.get(DiscoveryService);
  const scanner = server.app.get(MetadataScanner);
  const out = new Map<string, string[]>();
  for (const wrapper of discovery.getProviders()) {
    const proto = wrapper.metatype?.prototype;
    if (!proto) continue;
    for (const method of scanner.getAllMethodNames(proto)) {
      if (Reflect.getMetadata('graphql:resolver_type', proto[method]) !== 'Mutation') continue;
      const name = Reflect.getMetadata('graphql:resolver_name', proto[method]) ?? method;
      out.set(
        name,
        Reflect.getMetadata(ALLOW_KEY, proto[method]) ?? Reflect.getMetadata(ALLOW_KEY, wrapper.metatype!) ?? [],
      );
    }
  }
  return out;
}

async function tokenFor(roles: string[]): Promise<string | null> {
  if (roles.includes('PUBLIC')) return null;
  const email = USER_BY_ROLE[roles.find((r) => USER_BY_ROLE[r]) ?? ''];
  if (!email) return null;
  if (!tokens.has(email)) tokens.set(email, await server.login(email, DEMO_PASSWORD));
  return tokens.get(email)!;
}

interface EventRow {
  operation: string;
  outcome: string;
  entity_type: string | null;
  entity_id: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  region_code: string | null;
  summary: Record<string, unknown>;
}
/**
 * The events of a request that may still be on their way: a streamed download's event is appended when
 * the stream ends, which the client can see first.
 */
async function settledEventsOf(requestId: string): Promise<EventRow[]> {
  return until(
    async () => {
      const events = await eventsOf(requestId);
      return events.length > 0 ? events : undefined;
    },
    { ms: 5_000, what: `the audit event of ${requestId}` },
  );
}

/** The chained events of a request: what is pending is sealed first (the sealer runs without the caller waiting). */
async function eventsOf(requestId: string): Promise<EventRow[]> {
  await ds.query(`SELECT audit_seal(1000000)`);
  return ds.query(
    `SELECT operation, outcome, entity_type, entity_id, actor_user_id, actor_role, region_code, summary FROM audit_event WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
}

/** The demo's tea gift box in the online hall (the demo's retail order buys it there). */
async function hallVariant(): Promise<{ variant: { id: string; available: number }; channel: { id: string } }> {
  const [variant] = await ds.query(
    `SELECT id, stock_on_hand - stock_reserved AS available FROM variant WHERE sku = 'FJS-GT-250'`,
  );
  const [channel] = await ds.query(`SELECT id FROM channel WHERE name = '帮扶网上专馆'`);
  return { variant, channel };
}

beforeAll(async () => {
  server = await startApp();
  ds = server.app.get(DataSource);
  await seedDemo(server.app);
  schema = server.app.get(GraphQLSchemaHost).schema;
}, 300_000);
afterAll(() => server?.close());

describe('every mutation writes an audit event', () => {
  it('walks the schema: each mutation, called with generated arguments, leaves an event naming it', async () => {
    const roles = allowedRoles();
    const missing: string[] = [];
    const fields = Object.values(schema.getMutationType()!.getFields()).sort(
      (a, b) => Number(LAST.test(a.name)) - Number(LAST.test(b.name)),
    );
    expect(fields.length).toBeGreaterThan(50);
    const unaudited: string[] = [];
    for (const field of fields) {
      const args =
        EXPLICIT[field.name] ??
        Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type, missing, `${field.name}(${a.name})`)]));
      const token = await tokenFor(roles.get(field.name) ?? []);
      const requestId = `audit-walk-${field.name}-${randomUUID().slice(0, 8)}`;
      const res = await server.gql(operationText(field), args, token, { 'x-request-id': requestId });
      const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
      expect(codes, `${field.name} must reach its resolver (not be refused by validation or the guard)`).not.toContain(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(codes, field.name).not.toContain('INTERNAL_SERVER_ERROR');
      const events = await eventsOf(requestId);
      if (!events.some((e) => e.operation === field.name))
        unaudited.push(`${field.name} (${codes.join(', ') || 'ok'})`);
    }
    expect(missing, 'arguments the walk cannot generate: add the mutation to EXPLICIT').toEqual([]);
    expect(unaudited, 'mutations that wrote no audit event').toEqual([]);
  }, 300_000);

  it('a successful mutation commits its event in the same transaction as its effect, naming the entity and the actor', async () => {
    const token = await server.login('customer@demo.bangfu', DEMO_PASSWORD);
    const { variant, channel } = await hallVariant();
    const requestId = `audit-walk-place-${randomUUID().slice(0, 8)}`;
    const res = await server.gql(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } ... on InsufficientStockError { code } } }`,
      {
        input: { idempotencyKey: randomUUID(), channelId: channel.id, lines: [{ variantId: variant.id, quantity: 1 }] },
      },
      token,
      { 'x-request-id': requestId },
    );
    const order = res.data?.placeOrder as { __typename: string; id: string };
    expect(order.__typename, JSON.stringify(res)).toBe('Order');
    const events = await eventsOf(requestId);
    expect(events.map((e) => [e.operation, e.outcome, e.entity_type, e.entity_id])).toEqual([
      ['placeOrder', 'OK', 'Order', order.id],
    ]);
    const [customer] = await ds.query(`SELECT id FROM app_user WHERE email = 'customer@demo.bangfu'`);
    expect(events[0].actor_user_id).toBe(customer.id);
    // The same transaction: the order row was written by the transaction the event names (xact).
    const [same] = await ds.query(
      `SELECT (SELECT xmin::text FROM orders WHERE id = $1) = (SELECT (xact::text::bigint % 4294967296)::text FROM audit_event WHERE request_id = $2) AS same`,
      [order.id, requestId],
    );
    expect(same.same).toBe(true);
  });

  it('a failing business result (a union error) is audited with its code', async () => {
    const token = await server.login('customer@demo.bangfu', DEMO_PASSWORD);
    const { variant, channel } = await hallVariant();
    const requestId = `audit-walk-stock-${randomUUID().slice(0, 8)}`;
    const res = await server.gql(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on InsufficientStockError { code } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          channelId: channel.id,
          lines: [{ variantId: variant.id, quantity: variant.available + 1 }],
        },
      },
      token,
      { 'x-request-id': requestId },
    );
    expect((res.data?.placeOrder as { __typename: string }).__typename).toBe('InsufficientStockError');
    expect((await eventsOf(requestId)).map((e) => [e.operation, e.outcome])).toEqual([
      ['placeOrder', 'INSUFFICIENT_STOCK'],
    ]);
  });

  it('sign-ins and failed sign-ins are audited, the identifier masked and the password never stored', async () => {
    const ok = `audit-walk-login-${randomUUID().slice(0, 8)}`;
    const bad = `audit-walk-badlogin-${randomUUID().slice(0, 8)}`;
    const login = `mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }`;
    await server.gql(login, { i: 'purchaser@demo.bangfu', p: DEMO_PASSWORD }, null, { 'x-request-id': ok });
    await server.gql(login, { i: 'purchaser@demo.bangfu', p: 'not-the-password-123' }, null, { 'x-request-id': bad });
    const [purchaser] = await ds.query(`SELECT id FROM app_user WHERE email = 'purchaser@demo.bangfu'`);
    const [good] = await eventsOf(ok);
    expect([good.operation, good.outcome, good.actor_user_id, good.entity_id]).toEqual([
      'login',
      'OK',
      purchaser.id,
      purchaser.id,
    ]);
    // Signed in, the user's unit: its region's auditors see the sign-in.
    const [unit] = await ds.query(
      `SELECT o.region_code FROM membership m JOIN organization o ON o.id = m.organization_id WHERE m.user_id = $1`,
      [purchaser.id],
    );
    expect([good.actor_role, good.region_code]).toEqual(['PURCHASER', unit.region_code]);
    const [failed] = await eventsOf(bad);
    expect([failed.operation, failed.outcome, failed.entity_id]).toEqual([
      'login',
      'INVALID_CREDENTIALS',
      purchaser.id,
    ]);
    // No actor (nobody signed in), but the region of the account it aimed at, for that region's auditors.
    expect([failed.actor_user_id, failed.actor_role, failed.region_code]).toEqual([null, null, unit.region_code]);
    expect(failed.summary).toEqual({ args: { identifier: 'p***@demo.bangfu', password: '[REDACTED]' } });
    await ds.query(`SELECT audit_seal(1000000)`);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE summary::text LIKE '%not-the-password%' OR summary::text LIKE '%bangfu-demo%'`,
    );
    expect(n).toBe(0);
  });
});

describe('REST calls are audited too', () => {
  it('a counter sales report: its event commits with the report; a forged one is audited as refused', async () => {
    const [rice] = await ds.query(`SELECT id, retail_price::int AS price FROM variant WHERE sku = 'LZ-RICE-10KG'`);
    const send = async (secret: string, reportId: string) => {
      const body = JSON.stringify({
        reportId,
        soldAt: new Date(Date.now() - 60_000).toISOString(),
        lines: [{ variantId: rice.id, quantity: 1, unitPrice: rice.price }],
      });
      const ts = String(Math.floor(Date.now() / 1000));
      const nonce = randomBytes(12).toString('hex');
      const requestId = `audit-walk-counter-${randomUUID().slice(0, 8)}`;
      const res = await fetch(`${server.url}/counters/${DEMO_COUNTER.deviceId}/sales`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-request-id': requestId,
          'x-bangfu-timestamp': ts,
          'x-bangfu-nonce': nonce,
          'x-bangfu-signature': signCounterRequest(secret, ts, nonce, body),
        },
      });
      return { res, requestId, reportId };
    };
    const ok = await send(DEMO_COUNTER.secret, `AUDIT-${randomUUID().slice(0, 8)}`);
    expect(ok.res.status, await ok.res.clone().text()).toBe(200);
    const events = await eventsOf(ok.requestId);
    expect(events.map((e) => [e.operation, e.outcome])).toEqual([['POST /counters/:deviceId/sales', 'OK']]);
    const [same] = await ds.query(
      `SELECT (SELECT xmin::text FROM counter_report WHERE report_id = $1) = (SELECT (xact::text::bigint % 4294967296)::text FROM audit_event WHERE request_id = $2) AS same`,
      [ok.reportId, ok.requestId],
    );
    expect(same.same).toBe(true);
    const forged = await send('not-the-device-secret', `AUDIT-${randomUUID().slice(0, 8)}`);
    expect(forged.res.status).toBeGreaterThanOrEqual(400);
    const refused = await eventsOf(forged.requestId);
    expect(refused).toHaveLength(1);
    expect(refused[0].outcome).not.toBe('OK');
  });

  it('every download route (an export or a .csv/.xlsx/.:format file) is audited, whatever it answers', async () => {
    const discovery = server.app.get(DiscoveryService);
    const scanner = server.app.get(MetadataScanner);
    const downloads: { path: string; roles: string[] }[] = [];
    for (const wrapper of discovery.getControllers()) {
      const proto = wrapper.metatype?.prototype;
      if (!proto) continue;
      const base = String(Reflect.getMetadata('path', wrapper.metatype!) ?? '').replace(/^\/|\/$/g, '');
      for (const method of scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        if (Reflect.getMetadata('method', handler) !== RequestMethod.GET) continue;
        const sub = String(Reflect.getMetadata('path', handler) ?? '').replace(/^\//, '');
        const path = `/${[base, sub].filter(Boolean).join('/')}`;
        if (!/\.(csv|xlsx|:format)$|\/exports?\//.test(path)) continue;
        const roles =
          Reflect.getMetadata(ALLOW_KEY, handler) ?? Reflect.getMetadata(ALLOW_KEY, wrapper.metatype!) ?? [];
        downloads.push({ path, roles });
      }
    }
    // The routes this walk must at least find (the procurement ones lost their audit once, when their
    // csv and xlsx routes became one `.:format` route).
    expect(downloads.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        '/api/procurement/units/:orgId/orders.:format',
        '/api/procurement/supervision/:report.:format',
        '/api/exports/sales-stats.xlsx',
      ]),
    );
    // The mutation walk above signs users out everywhere (its generated calls): sign in afresh.
    tokens.clear();
    for (const { path, roles } of downloads) {
      const url = path.replace(/:format$/, 'xlsx').replace(/:[a-zA-Z]+/g, 'audit-walk');
      const requestId = `audit-walk-get-${randomUUID().slice(0, 8)}`;
      const token = await tokenFor(roles);
      const res = await fetch(`${server.url}${url}`, {
        headers: { 'x-request-id': requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      await res.arrayBuffer();
      expect([url, res.status === 401 || res.status === 403]).toEqual([url, false]);
      const events = await settledEventsOf(requestId);
      expect([url, events.map((e) => e.operation)]).toEqual([url, [`GET ${path.replace(/:format$/, 'xlsx')}`]]);
    }
  });

  it('a Stripe webhook with a bad signature and an export download are audited', async () => {
    const hook = `audit-walk-hook-${randomUUID().slice(0, 8)}`;
    const res = await fetch(`${server.url}/webhooks/stripe`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00', 'x-request-id': hook },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await eventsOf(hook)).map((e) => e.operation)).toEqual(['POST /webhooks/stripe']);
    const exp = `audit-walk-export-${randomUUID().slice(0, 8)}`;
    const csv = await fetch(`${server.url}/api/exports/certified-directory.csv?regionCode=520600000000`, {
      headers: { 'x-request-id': exp },
    });
    expect(csv.status).toBe(200);
    await csv.text();
    const [event] = await settledEventsOf(exp);
    expect([event.operation, event.outcome]).toEqual(['GET /api/exports/certified-directory.csv', 'OK']);
    expect(event.summary).toEqual({ args: { params: {}, query: { regionCode: '520600000000' } } });
    // Plain reads are not audited.
    const health = `audit-walk-health-${randomUUID().slice(0, 8)}`;
    await fetch(`${server.url}/health`, { headers: { 'x-request-id': health } });
    expect(await eventsOf(health)).toEqual([]);
  });
});
