import type { QueryRunner } from 'typeorm';

/** How far ahead a converted table gets monthly partitions at once (the daily job keeps it so). */
const MONTHS_AHEAD = 3;

export interface Rebuild {
  table: string;
  /** `PARTITION BY RANGE (column)` by Asia/Shanghai month, or undefined for a plain table (down). */
  partitionBy?: string;
  /**
   * The primary key and unique indexes, as statements: they are the part that differs between the
   * two shapes (a partitioned table's unique keys must contain the partition column).
   */
  keys: string[];
}

/**
 * Rebuilds `table` as a monthly partitioned table (or back as a plain one) with its data, for the
 * issue 16 item 6 migrations. Copied from the old table: columns, defaults, CHECK and NOT NULL
 * constraints, identity (the sequence continues after the highest id), non-unique indexes, foreign
 * keys and triggers (append-only, balance and chain triggers), by their catalog definitions, so the
 * rebuilt table keeps what every earlier migration gave it. Data is copied before the indexes and
 * triggers exist: fast, and no trigger sees the copy (the audit chain is not renumbered, balance
 * checks do not rerun). Everything runs in the migration's transaction. A view or function taking the
 * old row type makes the DROP fail loudly: the caller drops and recreates those around the rebuild.
 */
export async function rebuildTable(q: QueryRunner, { table, partitionBy, keys }: Rebuild): Promise<void> {
  const old = `${table}_rebuild_old`;
  await q.query(`ALTER TABLE ${table} RENAME TO ${old}`);
  const onOld = new RegExp(` ON (ONLY )?(public\\.)?${old} `, 'g');
  const indexes: Array<{ def: string }> = await q.query(
    `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = $1::regclass AND NOT i.indisunique AND NOT i.indisprimary`,
    [old],
  );
  const foreignKeys: Array<{ name: string; def: string }> = await q.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'f' AND conparentid = 0 ORDER BY conname`,
    [old],
  );
  const triggers: Array<{ def: string }> = await q.query(
    `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger
      WHERE tgrelid = $1::regclass AND NOT tgisinternal AND tgparentid = 0 ORDER BY tgname`,
    [old],
  );
  const identity: Array<{ column: string }> = await q.query(
    `SELECT attname AS column FROM pg_attribute WHERE attrelid = $1::regclass AND attidentity <> '' AND NOT attisdropped`,
    [old],
  );

  await q.query(
    `CREATE TABLE ${table} (LIKE ${old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY)` +
      (partitionBy ? ` PARTITION BY RANGE (${partitionBy})` : ''),
  );
  if (partitionBy) {
    await q.query(`CREATE TABLE ${table}_default PARTITION OF ${table} DEFAULT`);
    // Every month the data spans gets its own partition, then this month and the next ones.
    await q.query(
      `SELECT monthly_partition_create('${table}'::regclass, m::date)
         FROM generate_series((SELECT date_trunc('month', min(${partitionBy}) AT TIME ZONE 'Asia/Shanghai') FROM ${old}),
                              date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai'), interval '1 month') m`,
    );
    await q.query(`SELECT monthly_partitions_ensure('${table}'::regclass, ${MONTHS_AHEAD})`);
  }
  await q.query(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM ${old}`);
  await q.query(`DROP TABLE ${old}`);

  for (const { column } of identity) {
    const [{ seq }] = await q.query(`SELECT pg_get_serial_sequence($1, $2) AS seq`, [table, column]);
    await q.query(`ALTER SEQUENCE ${seq} RENAME TO ${table}_${column}_seq`);
    await q.query(
      `SELECT setval('${table}_${column}_seq', coalesce((SELECT max(${column}) FROM ${table}), 1), (SELECT count(*) > 0 FROM ${table}))`,
    );
  }
  for (const key of keys) await q.query(key);
  for (const { def } of indexes) await q.query(def.replace(onOld, ` ON ${table} `));
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
  for (const { def } of triggers) await q.query(def.replace(onOld, ` ON ${table} `));
  await q.query(`ANALYZE ${table}`);
}
