import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { inject } from 'vitest';
import { type AppConfig, applyHttpPipeline, CoreModule, createLogger, loadConfig, PinoNestLogger } from '@bangfu/core';
import { migrations } from '@bangfu/migrations';
import { QueueModule } from '@bangfu/queue';
import { createTestDatabase } from './template-db';

export interface GqlResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown }; path?: string[] }>;
}

export interface TestServer {
  app: INestApplication;
  config: AppConfig;
  url: string;
  /** POSTs a GraphQL operation as a real client would. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  login(identifier: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Domain modules under test; what they import (as in the app) comes with them. */
  imports: any[];
  /**
   * Default: every entity class this test file has loaded. A domain's module imports its entities (and
   * those they relate to), so the modules under test bring theirs, without a second list to keep in step.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  env?: Record<string, string>;
  runWorkers?: boolean;
  /** Use a full application module instead (cross-domain tests). */
  module?: (config: AppConfig) => DynamicModule;
}

/** Config for a test: its own database (cloned from the migrated template) and its own Redis key prefix. */
export async function testConfig(
  env: Record<string, string> = {},
): Promise<{ config: AppConfig; drop: () => Promise<void> }> {
  const db = await createTestDatabase(inject('pgUrl'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `t${randomBytes(5).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    MIGRATIONS_RUN: 'false',
    DATABASE_POOL_SIZE: '5',
    // Fixtures write with SQL outside the app: the cache would hear of it within milliseconds, but not
    // always before the next request. Specs of the cache turn it on (CATALOG_CACHE_MB).
    CATALOG_CACHE_MB: '0',
    ...env,
  });
  return { config, drop: db.drop };
}

// Tables, views and single-table children; TypeORM builds junction tables itself.
const ENTITY_KINDS = new Set(['regular', 'view', 'entity-child', 'closure']);

/**
 * The entity classes defined so far in this process: TypeORM records each @Entity as its class is defined,
 * and Vitest runs each test file in a process of its own, so these are what the file's imports loaded.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function loadedEntities(): Function[] {
  const tables = getMetadataArgsStorage().tables.filter(
    (t) => ENTITY_KINDS.has(t.type) && typeof t.target === 'function',
  );
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  return [...new Set(tables.map((t) => t.target as Function))];
}

/** Boots the real Nest app against real Postgres and Redis, listening on a free port. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const { config, drop } = await testConfig(options.env);
  const module: DynamicModule = options.module
    ? options.module(config)
    : {
        module: class TestAppModule {},
        imports: [
          CoreModule.forRoot({ config, entities: options.entities ?? loadedEntities(), migrations }),
          QueueModule.forRoot({ runWorkers: options.runWorkers ?? false }),
          ...options.imports,
        ],
      };
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create(module, { logger: new PinoNestLogger(logger), bodyParser: false });
  applyHttpPipeline(app, logger, { storefrontDir: config.STOREFRONT_DIR });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;

  const gql: TestServer['gql'] = async (query, variables, token, headers = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<any>;
  };
  const gqlOk: TestServer['gqlOk'] = async (query, variables, token) => {
    const res = await gql(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as any;
  };
  return {
    app,
    config,
    url,
    gql,
    gqlOk,
    async login(identifier, password) {
      const data = await gqlOk<{ login: { token: string } }>(
        'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }',
        { i: identifier, p: password },
      );
      return data.login.token;
    },
    async close() {
      await app.close();
      // A DROP DATABASE forces an immediate checkpoint, and on the run's shared server hundreds of them
      // queue behind each other (pg_stat_activity: CheckpointStart/CheckpointDone) and slow every
      // other test. `npm test` removes the whole cluster at the end, so it keeps the databases
      // (BANGFU_TEST_KEEP_DATABASES); elsewhere wait at most a few seconds for the drop.
      if (process.env.BANGFU_TEST_KEEP_DATABASES === '1') return;
      const dropped = drop().catch(() => undefined);
      await Promise.race([dropped, new Promise((r) => setTimeout(r, 5_000).unref())]);
    },
  };
}

/** A test server with its DataSource: what each lib's start helper hands its specs. */
export async function startWithDataSource(options: TestServerOptions): Promise<{ server: TestServer; ds: DataSource }> {
  const server = await startTestServer(options);
  return { server, ds: server.app.get(DataSource) };
}

/** Expects a GraphQL error with the given stable code, and returns it. */
export function expectErrorCode(res: GqlResponse<unknown>, code: string) {
  const err = res.errors?.find((e) => e.extensions?.code === code);
  if (!err) throw new Error(`expected error ${code}, got ${JSON.stringify(res.errors ?? res.data)}`);
  return err;
}
