import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

/** A statement as TypeORM's Postgres query runner sent it: the runner is one connection (one transaction at a time). */
export interface RecordedStatement {
  sql: string;
  runner: object;
  inTransaction: boolean;
}

/**
 * Every statement the app sends while `fn` runs, recorded where each one passes (TypeORM's Postgres query
 * runner). Run the server without workers, so that nothing else queries meanwhile.
 */
export async function recordStatements(fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, sql: string, ...rest: unknown[]) {
    recorded.push({ sql: String(sql), runner: this, inTransaction: this.isTransactionActive });
    return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
  } as typeof original;
  try {
    await fn();
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
  return recorded;
}

/** The SQL of every statement sent while `fn` runs (see recordStatements). */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  return (await recordStatements(fn)).map((s) => s.sql);
}
