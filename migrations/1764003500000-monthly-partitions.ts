import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 item 6: the one definition of monthly range partitions, used by the migrations that
 * partition attribution_entry, ledger_entry and audit_event and by the daily job (core's
 * `ensureMonthlyPartitions`). A month is an Asia/Shanghai calendar month, like attribution's
 * periods and every business date, so a partition holds exactly one reporting month.
 *  - `monthly_partition_create(parent, month)` creates `<parent>_pYYYY_MM` if it is missing. Rows of
 *    that month already in the DEFAULT partition (inserted before the month had a partition) are
 *    moved into it in the same transaction: the default is detached (which drops its copies of the
 *    parent's triggers, so the append-only triggers do not fire on the move), the month's rows are
 *    copied into a new table and deleted from the default, and both are attached again
 *    (PostgreSQL validates the bounds). Nothing is lost or duplicated if any step fails.
 *  - `monthly_partitions_ensure(parent, ahead, now)` creates this month, the next `ahead` months,
 *    and every month that has rows in DEFAULT; it returns the partitions it created. Idempotent.
 */
export class MonthlyPartitions1764003500000 implements MigrationInterface {
  name = 'MonthlyPartitions1764003500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION monthly_partition_bound(month date) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
        SELECT (date_trunc('month', month)::timestamp) AT TIME ZONE 'Asia/Shanghai'
      $$`);
    await q.query(`
      CREATE FUNCTION monthly_partition_create(parent regclass, month date) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        m date := date_trunc('month', month)::date;
        lo timestamptz := monthly_partition_bound(m);
        hi timestamptz := monthly_partition_bound((m + interval '1 month')::date);
        schema_name name;
        table_name name;
        part_name text;
        key_column name;
        default_part regclass;
        has_rows boolean := false;
      BEGIN
        SELECT n.nspname, c.relname, a.attname INTO schema_name, table_name, key_column
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_partitioned_table p ON p.partrelid = c.oid
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
         WHERE c.oid = parent AND p.partstrat = 'r' AND p.partnatts = 1;
        IF key_column IS NULL THEN
          RAISE EXCEPTION 'PARTITION_NOT_MONTHLY: % is not range-partitioned on one column', parent;
        END IF;
        part_name := table_name || '_p' || to_char(m, 'YYYY_MM');
        -- Serialises concurrent runs (two workers at start): the second finds the partition made.
        EXECUTE format('LOCK TABLE %s IN SHARE UPDATE EXCLUSIVE MODE', parent);
        IF to_regclass(format('%I.%I', schema_name, part_name)) IS NOT NULL THEN
          RETURN NULL;
        END IF;
        SELECT i.inhrelid::regclass INTO default_part
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
        IF default_part IS NOT NULL THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE %I >= $1 AND %I < $2)', default_part, key_column, key_column)
            INTO has_rows USING lo, hi;
        END IF;
        IF NOT has_rows THEN
          EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
            schema_name, part_name, parent, lo, hi);
          RETURN part_name;
        END IF;
        EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, default_part);
        EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', schema_name, part_name, parent);
        EXECUTE format('INSERT INTO %I.%I SELECT * FROM %s WHERE %I >= $1 AND %I < $2',
          schema_name, part_name, default_part, key_column, key_column) USING lo, hi;
        EXECUTE format('DELETE FROM %s WHERE %I >= $1 AND %I < $2', default_part, key_column, key_column) USING lo, hi;
        EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
          parent, schema_name, part_name, lo, hi);
        EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, default_part);
        RETURN part_name;
      END $$`);
    await q.query(`
      CREATE FUNCTION monthly_partitions_ensure(parent regclass, ahead integer, now timestamptz DEFAULT now())
      RETURNS text[] LANGUAGE plpgsql AS $$
      DECLARE
        this_month date := date_trunc('month', now AT TIME ZONE 'Asia/Shanghai')::date;
        default_part regclass;
        key_column name;
        months date[];
        m date;
        made text;
        created text[] := '{}';
      BEGIN
        months := ARRAY(SELECT generate_series(this_month, this_month + make_interval(months => ahead), interval '1 month')::date);
        SELECT i.inhrelid::regclass INTO default_part
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
        IF default_part IS NOT NULL THEN
          SELECT a.attname INTO key_column FROM pg_partitioned_table p
            JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0] WHERE p.partrelid = parent;
          -- The default should be empty: any month found there gets its partition, rows moved in.
          EXECUTE format('SELECT $1 || ARRAY(SELECT DISTINCT date_trunc(''month'', %I AT TIME ZONE ''Asia/Shanghai'')::date FROM %s)',
            key_column, default_part) INTO STRICT months USING months;
        END IF;
        FOR m IN SELECT DISTINCT x FROM unnest(months) x ORDER BY x LOOP
          made := monthly_partition_create(parent, m);
          IF made IS NOT NULL THEN created := created || made; END IF;
        END LOOP;
        RETURN created;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION monthly_partitions_ensure(regclass, integer, timestamptz)`);
    await q.query(`DROP FUNCTION monthly_partition_create(regclass, date)`);
    await q.query(`DROP FUNCTION monthly_partition_bound(date)`);
  }
}
