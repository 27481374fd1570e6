// Read replicas (DATABASE_REPLICA_URLS): lag-tolerant reads (catalog browsing, search, statistics,
// exports) go to a streaming replica, everything else and every read of a mutation to the primary.
// The replica is a real one, cloned from a primary this file starts (scripts/lib/services.mjs).
// To see which server answered, the replica's replay is paused while the primary changes.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Db, OrganizationKind, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';

type Pg = { url: (db?: string) => string; stop: () => Promise<void>; pg: { getPgClient: (db?: string) => pg.Client } };

let dir: string;
let primary: Pg;
let replica: Pg;
let server: TestServer;
let onReplica: pg.Client;

beforeAll(async () => {
  // @ts-expect-error plain JS helper shared with the start script (not a library)
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const { startPostgres } = await import('../scripts/lib/services.mjs');
  dir = mkdtempSync(join(tmpdir(), 'bangfu-replica-'));
  chmodSync(dir, 0o755); // the postgres OS user must reach its data folders
  primary = await startPostgres({ dataDir: join(dir, 'primary'), persistent: false, fast: true });
  const admin = primary.pg.getPgClient();
  await admin.connect();
  await admin.query('CREATE DATABASE bangfu');
  await admin.end();
  replica = await startPostgres({ dataDir: join(dir, 'replica'), persistent: false, fast: true, replicaOf: primary });
  server = await startApp({
    DATABASE_URL: primary.url('bangfu'),
    DATABASE_REPLICA_URLS: replica.url('bangfu'),
    MIGRATIONS_RUN: 'true',
  });
  onReplica = replica.pg.getPgClient('bangfu');
  await onReplica.connect();
}, 180_000);

afterAll(async () => {
  await onReplica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
  await onReplica?.end();
  await server?.close();
  await replica?.stop();
  await primary?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const categoryCodes = async (): Promise<string[]> =>
  (await server.gqlOk<{ categories: Array<{ code: string }> }>('{ categories { code } }')).categories.map(
    (c) => c.code,
  );

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('read replica', () => {
  it('is connected: the app has one replica, and it is in recovery (a standby)', async () => {
    expect(server.app.get(Db).replicaCount).toBe(1);
    expect((await onReplica.query('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(true);
  });

  it('serves catalog browsing: with replay paused, a category written on the primary is not listed until replay resumes', async () => {
    // The migrations ran on the primary; wait until the replica has replayed them.
    await until(async () => (await categoryCodes().catch(() => null)) !== null, 'the replica to have the schema');
    const before = await categoryCodes();
    await onReplica.query('SELECT pg_wal_replay_pause()');
    const db = server.app.get(Db);
    await db.dataSource.query(`INSERT INTO category (code, name) VALUES ('replica-check', '副本检查')`);
    expect(await db.dataSource.query(`SELECT 1 FROM category WHERE code = 'replica-check'`)).toHaveLength(1);
    // Answered by the replica, which has not replayed the insert.
    expect(await categoryCodes()).toEqual(before);
    await onReplica.query('SELECT pg_wal_replay_resume()');
    await until(async () => (await categoryCodes()).includes('replica-check'), 'the replica to replay the insert');
  });

  it('refuses writes on the replica; mutations go to the primary', async () => {
    await expect(onReplica.query(`INSERT INTO category (code, name) VALUES ('nope', '不行')`)).rejects.toMatchObject({
      code: '25006', // read_only_sql_transaction
    });
    const res = await server.gql(
      `mutation { login(identifier: "nobody@example.com", password: "wrong password 123") { token } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('routes search and exports to the replica: with the replica down, both fail while the primary serves mutations', async () => {
    const search = '{ products(first: 5, filter: { search: "苹果" }) { totalCount } }';
    expect((await server.gqlOk<{ products: { totalCount: number } }>(search)).products.totalCount).toBe(0);
    // An export is an audited GET: its only write is the audit event, so its reads take the replica.
    const primaryDs = server.app.get(Db).dataSource;
    await primaryDs.query(`INSERT INTO region (code, name, level, parent_code) VALUES
      ('520000000000', '贵州省', 1, NULL), ('520600000000', '铜仁市', 2, '520000000000') ON CONFLICT DO NOTHING`);
    const platform = await createOrg(primaryDs, { kind: OrganizationKind.PLATFORM, regionCode: null });
    const admin = await createUserWithRole(primaryDs, Role.PLATFORM_ADMIN, { organizationId: platform.id });
    const token = await server.login(admin.email, admin.password);
    const exportStats = () =>
      fetch(
        `${server.url}/api/exports/sales-stats.csv?regionCode=520600000000&from=2026-01&to=2026-04&groupBy=REGION`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
    expect((await exportStats()).status).toBe(200);
    await onReplica.end();
    onReplica = undefined as unknown as pg.Client;
    await replica.stop();
    const res = await server.gql(search);
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await exportStats()).status).toBe(500);
    const login = await server.gql(
      `mutation { login(identifier: "nobody@example.com", password: "wrong password 123") { token } }`,
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });
});
