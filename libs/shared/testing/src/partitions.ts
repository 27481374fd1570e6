import type { DataSource } from 'typeorm';
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

/** The suffix (YYYY_MM) of the partition holding the Asia/Shanghai month `offset` months from now. */
export function shanghaiMonthSuffix(offset: number, now = new Date()): string {
  return addMonths(shanghaiDate(now).slice(0, 7), offset).replace('-', '_');
}
