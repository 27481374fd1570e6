import type { DataSource } from 'typeorm';

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

interface PoolClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  release(destroy?: boolean): void;
}

/**
 * Runs `fn` only if no other process (or caller in this one) holds the lease `key`, and answers
 * `{ ran: false }` at once otherwise: a task that must run once at a time across the cluster (the
 * outbox relay, every scheduled sweep) skips a tick another process is already doing.
 *
 * The lease is a PostgreSQL session advisory lock taken on a connection of its own, held while `fn`
 * runs and unlocked after. A process that dies (SIGKILL, OOM) loses its connection, and PostgreSQL
 * ends the session and frees the lock with it: nothing to expire, no stuck leader. If the unlock
 * fails the connection is destroyed instead of returned to the pool, which frees the lock too.
 */
export async function runExclusive<T>(
  dataSource: DataSource,
  key: string,
  fn: () => Promise<T>,
): Promise<LeaseOutcome<T>> {
  // Session locks are re-entrant per session, so callers in this process must not share one: each
  // lease takes its own pooled connection (the pool's own, not TypeORM's query runner, so a
  // connection whose unlock failed can be destroyed rather than reused still holding the lock).
  const pool = (dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }).master;
  const client = await pool.connect();
  const lockKey = `bangfu:lease:${key}`;
  let held: boolean;
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [lockKey]);
    held = rows[0].ok === true;
  } catch (e) {
    client.release(true);
    throw e;
  }
  if (!held) {
    client.release();
    return { ran: false };
  }
  try {
    return { ran: true, value: await fn() };
  } finally {
    try {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]);
      client.release();
    } catch {
      client.release(true);
    }
  }
}
