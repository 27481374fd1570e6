import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '@bangfu/core';

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/** Leases held at once per process; one more waits for a connection (it never blocks the app's pool). */
const LEASE_CONNECTIONS = 8;

/**
 * Run-once across processes: `runExclusive(key, fn)` runs `fn` only if no other process (or caller
 * in this one) holds the lease `key`, and answers `{ ran: false }` at once otherwise. The outbox relay
 * and every scheduled sweep go through it (WorkerHost), so a tick another process is already doing
 * is skipped instead of run twice.
 *
 * The lease is a PostgreSQL session advisory lock on a connection of its own, held while `fn` runs and
 * unlocked after. A process that dies (SIGKILL, OOM) loses its connection, and PostgreSQL ends the
 * session and frees the lock with it: nothing to expire, no stuck leader. The connections come from a
 * small pool of their own: a lease holder whose `fn` needs the app's pool must never find it filled
 * by other lease holders waiting too (that deadlocked a worker with DATABASE_POOL_SIZE=4).
 */
@Injectable()
export class LeaseService implements OnApplicationShutdown {
  private pool: pg.Pool | null = null;
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async runExclusive<T>(key: string, fn: () => Promise<T>): Promise<LeaseOutcome<T>> {
    // Session locks are re-entrant per session, so two callers in this process never share one.
    this.pool ??= this.createPool();
    const client = await this.pool.connect();
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
        // Not unlocked: destroy the connection (its session, and so the lock, ends) instead of reusing it.
        client.release(true);
      }
    }
  }

  private createPool(): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.config.DATABASE_URL,
      max: LEASE_CONNECTIONS,
      application_name: 'bangfu-lease',
    });
    // An idle connection the server dropped (restart): the pool discards it and makes a new one.
    pool.on('error', () => undefined);
    return pool;
  }

  async onApplicationShutdown() {
    await this.pool?.end();
  }
}
