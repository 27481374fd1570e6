import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ALLOW_KEY, ConfigError, loadConfig } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { startApp } from './app';

let server: TestServer;
beforeAll(async () => {
  server = await startApp({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '200' });
});
afterAll(() => server?.close());

describe('operations endpoints', () => {
  it('answers liveness and readiness with Postgres and Redis checked', async () => {
    const live = await fetch(`${server.url}/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await server.gql('{ __typename }');
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('bangfu_http_request_duration_seconds_bucket');
    expect(text).toMatch(/bangfu_graphql_operations_total\{type="query",outcome="accepted"\} \d+/);
  });

  it('answers a body that is not JSON with a clear 400', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
    });
  });

  it('echoes a sane X-Request-Id and invents one otherwise', async () => {
    const mine = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const bad = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'no spaces allowed\t' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphQL limits', () => {
  it('refuses over-deep queries before resolving anything', async () => {
    const deep = '{ regions { children { children { children { children { children { children { code } } } } } } } }';
    const res = await server.gql(deep);
    expect(expectErrorCode(res, 'QUERY_TOO_DEEP').extensions?.maxDepth).toBe(6);
    expect(res.data).toBeUndefined();
  });

  it('refuses over-complex queries', async () => {
    const wide = `{ ${Array.from({ length: 60 }, (_, i) => `r${i}: regions { code name level path { code } }`).join(' ')} }`;
    expectErrorCode(await server.gql(wide), 'QUERY_TOO_COMPLEX');
  });

  it('gives a stable code for malformed queries and missing variables', async () => {
    expectErrorCode(await server.gql('{ regions { nope } }'), 'GRAPHQL_VALIDATION_FAILED');
    expectErrorCode(await server.gql('query($c: String!) { region(code: $c) { name } }', {}), 'BAD_USER_INPUT');
  });
});

describe('deny by default', () => {
  it('every query and mutation declares who may call it', () => {
    const schema = server.app.get(GraphQLSchemaHost).schema;
    const rootFields = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    const discovery = server.app.get(DiscoveryService);
    const scanner = server.app.get(MetadataScanner);
    const declared = new Set<string>();
    const undeclared: string[] = [];
    for (const wrapper of discovery.getProviders()) {
      const proto = wrapper.metatype?.prototype;
      if (!proto) continue;
      for (const method of scanner.getAllMethodNames(proto)) {
        const resolverType = Reflect.getMetadata('graphql:resolver_type', proto[method]);
        if (resolverType !== 'Query' && resolverType !== 'Mutation') continue;
        const name = Reflect.getMetadata('graphql:resolver_name', proto[method]) ?? method;
        if (
          (Reflect.getMetadata(ALLOW_KEY, proto[method]) ?? Reflect.getMetadata(ALLOW_KEY, wrapper.metatype!))?.length
        )
          declared.add(name);
        else undeclared.push(name);
      }
    }
    expect(undeclared).toEqual([]);
    for (const field of rootFields) expect(declared, `${field} has no @Allow`).toContain(field);
  });
});

describe('configuration', () => {
  it('reports every bad value with its variable name at once', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://127.0.0.1:1', PORT: 'eighty', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL: must start with postgres/);
      expect(problems).toMatch(/PORT: /);
      expect(problems).toMatch(/LOG_LEVEL: /);
    }
  });

  it('requires a real JWT secret in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', REDIS_URL: 'redis://b' }),
    ).toThrow(/JWT_SECRET/);
    expect(loadConfig({ DATABASE_URL: 'postgres://a@b/c', REDIS_URL: 'redis://b' }).PORT).toBe(3000);
  });
});
