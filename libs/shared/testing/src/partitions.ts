import type { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { addMonths, shanghaiDate } from '@bangfu/locale';
import { migrations } from '@bangfu/migrations';

/**
 * Runs one migration's `up` or `down` (by class name) in its own transaction, as `migrate` and
 * `migrate:revert` do, and moves the bookkeeping row with it. Returns the milliseconds it took.
 */
export async function runMigration(ds: DataSource, name: string, direction: 'up' | 'down'): Promise<number> {
  const Migration = migrations.find((m) => new m().name === name);
  if (!Migration) throw new Error(`no migration ${name}`);
  const qr = ds.createQueryRunner();
  const started = performance.now();
  await qr.startTransaction();
  try {
    await new Migration()[direction](qr);
    if (direction === 'down') await qr.query(`DELETE FROM schema_migrations WHERE name = $1`, [name]);
    else
      await qr.query(`INSERT INTO schema_migrations ("timestamp", name) VALUES ($1, $2)`, [
        Number(name.slice(-13)),
        name,
      ]);
    await qr.commitTransaction();
  } catch (e) {
    await qr.rollbackTransaction();
    throw e;
  } finally {
    await qr.release();
  }
  return performance.now() - started;
}

/** Whether the table is partitioned, and its partitions with their bounds (DEFAULT included). */
export async function partitionsOf(
  ds: DataSource,
  table: string,
): Promise<{ partitioned: boolean; partitions: Array<{ name: string; bound: string }> }> {
  const [{ partitioned }] = await ds.query(
    `SELECT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = $1::regclass) AS partitioned`,
    [table],
  );
  const partitions = await ds.query(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
    [table],
  );
  return { partitioned, partitions };
}

/** Row count and a digest of every row's text, in `orderBy` order: equal before and after a rebuild. */
export async function tableDigest(
  ds: DataSource,
  table: string,
  orderBy: string,
): Promise<{ rows: number; md5: string }> {
  const [r] = await ds.query(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY ${orderBy}), '')) AS md5 FROM ${table} t`,
  );
  return { rows: r.rows, md5: r.md5 };
}

/**
 * A partitioning migration taken down and up again: at each step the table keeps its rows, and the rows
 * `writePlain` adds to the plain table in between (as a production database has them) come through the
 * conversion. Returns the digests before the round trip and of the plain table.
 */
export async function migrateDownAndUp(
  ds: DataSource,
  { migration, table, orderBy }: { migration: string; table: string; orderBy: string },
  writePlain: () => Promise<void>,
): Promise<{ before: { rows: number; md5: string }; plain: { rows: number; md5: string } }> {
  const before = await tableDigest(ds, table, orderBy);
  const downMs = await runMigration(ds, migration, 'down');
  expect((await partitionsOf(ds, table)).partitioned).toBe(false);
  expect(await tableDigest(ds, table, orderBy)).toEqual(before);
  await writePlain();
  const plain = await tableDigest(ds, table, orderBy);
  const upMs = await runMigration(ds, migration, 'up');
  expect((await partitionsOf(ds, table)).partitioned).toBe(true);
  expect(await tableDigest(ds, table, orderBy)).toEqual(plain);
  console.info(`${table}: ${plain.rows} rows, down ${downMs.toFixed(0)} ms, up ${upMs.toFixed(0)} ms`);
  return { before, plain };
}

/** The suffix (YYYY_MM) of the partition holding the Asia/Shanghai month `offset` months from now. */
export function shanghaiMonthSuffix(offset: number, now = new Date()): string {
  return addMonths(shanghaiDate(now).slice(0, 7), offset).replace('-', '_');
}
