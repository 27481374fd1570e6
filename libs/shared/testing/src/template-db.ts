import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDataSource } from '@bangfu/core';
import { migrations } from '@bangfu/migrations';
import { importRegions } from '@bangfu/region-data';

/** Reference data every test database has: all counties, and villages of a few real ones. */
export const TEST_REGION_COUNTIES = ['520621', '520627', '610724', '441882', '500229'];

export const TEMPLATE_DB = 'bangfu_template';

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates a template database once per run (several Vitest processes may race: an advisory lock
 * serialises them); each test file then clones it, which takes milliseconds instead of migrating.
 */
export async function ensureTemplateDatabase(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock(4242)');
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB]);
      if (exists.rowCount) return;
      await c.query(`CREATE DATABASE ${TEMPLATE_DB}_building`);
      const ds = createDataSource(withDb(serverUrl, `${TEMPLATE_DB}_building`), [], migrations, 2);
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await importRegions(ds, { maxLevel: 5, townPrefixes: TEST_REGION_COUNTIES });
      await ds.query(
        `UPDATE region SET ex_poverty_county = true WHERE code IN ('520621000000','520627000000','610724000000','500229000000')`,
      );
      await ds.query(`UPDATE region SET key_assistance_county = true WHERE code IN ('520627000000','500229000000')`);
      await ds.destroy();
      await c.query(`ALTER DATABASE ${TEMPLATE_DB}_building RENAME TO ${TEMPLATE_DB}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(4242)');
    }
  });
}

/** A fresh, fully migrated database for one test file. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  return {
    url: withDb(serverUrl, name),
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
