import type { DataSource } from 'typeorm';
import { expect } from 'vitest';

/** The first column of the first row as a number (count(*), sums): for asserting on tables directly. */
export async function count(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await ds.query(sql, params);
  return Number(Object.values(row as Record<string, unknown>)[0]);
}

/** Every ledger posting balances, and so does the whole ledger (read with SQL: no ledger import here). */
export async function expectLedgerBalanced(ds: DataSource): Promise<void> {
  expect(
    await count(
      ds,
      `SELECT count(*) FROM (SELECT posting_id FROM ledger_entry GROUP BY posting_id HAVING sum(amount) <> 0) x`,
    ),
  ).toBe(0);
  expect(await count(ds, `SELECT coalesce(sum(amount), 0) FROM ledger_entry`)).toBe(0);
}
