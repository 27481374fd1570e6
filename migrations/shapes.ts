import type { QueryRunner } from 'typeorm';

/**
 * Shapes several migrations share. Each helper writes exactly the SQL text the migrations wrote out
 * by hand before (an applied migration's statements must not change), so the strings below keep
 * their original line breaks and indentation.
 */

export interface StatusHistory {
  table: string;
  /** The column naming the entity whose transitions are recorded, as SQL, e.g. `order_id uuid NOT NULL REFERENCES orders(id)`. */
  subject: string;
  /** The index over (subject, created_at) that lists one entity's transitions in order. */
  index: string;
  /** Who moved it: a system job or a user (ordering's histories). */
  actorKind?: boolean;
  /** The free-text column: `reason` unless the lifecycle calls it something else. */
  note?: string;
  /** A jsonb `data` column with the transition's facts; those histories stamp with clock_timestamp(). */
  data?: boolean;
}

/**
 * Every lifecycle keeps one row per transition (from_status → to_status, by whom, why): the
 * "transitions as data with history rows" pattern. The row is written in the transition's transaction.
 */
export async function createStatusHistory(q: QueryRunner, h: StatusHistory): Promise<void> {
  const columns = [
    'id uuid PRIMARY KEY DEFAULT gen_random_uuid()',
    h.subject,
    'from_status text',
    'to_status text NOT NULL',
    ...(h.actorKind ? ['actor_kind text NOT NULL'] : []),
    'actor_user_id uuid REFERENCES app_user(id)',
    `${h.note ?? 'reason'} text`,
    ...(h.data ? [`data jsonb NOT NULL DEFAULT '{}'`] : []),
    `created_at timestamptz NOT NULL DEFAULT ${h.data ? 'clock_timestamp()' : 'now()'}`,
  ];
  await q.query(`
      CREATE TABLE ${h.table} (
        ${columns.join(',\n        ')}
      )`);
  const subjectColumn = h.subject.split(' ')[0];
  await q.query(`CREATE INDEX ${h.index} ON ${h.table} (${subjectColumn}, created_at)`);
}

/**
 * Rows of `tables` are never updated, deleted or truncated (history is corrected by new rows): `fn`
 * refuses the statement with the error code `fn` in capitals, e.g. LEDGER_APPEND_ONLY, and `hint`.
 * Without `tables` only the function is created; `appendOnlyTriggers` attaches it later.
 */
export async function createAppendOnly(q: QueryRunner, fn: string, hint: string, tables: string[] = []): Promise<void> {
  await q.query(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${fn.toUpperCase()}: % on % is not allowed; ${hint}', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
  await appendOnlyTriggers(q, fn, tables);
}

export async function appendOnlyTriggers(q: QueryRunner, fn: string, tables: string[]): Promise<void> {
  for (const table of tables) {
    await q.query(
      `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    await q.query(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
  }
}

/**
 * The corrections tables' form of append-only (rows refuse UPDATE and DELETE with
 * insufficient_privilege): a row-level trigger `<table>_append_only` calling `fn`.
 */
export async function refuseRowChanges(q: QueryRunner, fn: string, table: string): Promise<void> {
  await q.query(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${table} is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
  await q.query(`
      CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
}

/** Drops `tables` in the order given (dependants first). */
export async function dropTables(q: QueryRunner, tables: string[]): Promise<void> {
  for (const t of tables) await q.query(`DROP TABLE ${t}`);
}

/**
 * The key of a stats_buyer row (a buyer seen under a side, grouping, region prefix and key) as every
 * statistics migration that (re)creates the table declares it; only the days column changed shape.
 */
export const STATS_BUYER_KEY = `side text NOT NULL CHECK (side IN ('O','B')),
        grp text NOT NULL CHECK (grp IN ('A','C','S','G')),
        lvl smallint NOT NULL,
        prefix text COLLATE "C" NOT NULL,
        k1 text NOT NULL,
        k2 text NOT NULL,
        k3 text NOT NULL,
        buyer_key text NOT NULL`;
