import type { EntityManager } from 'typeorm';

/**
 * SEED ONLY (libs/demo's summary line): everything attributed so far and the households it reached,
 * over the whole country (the scoped query is `attributionSummary`). Kept here so that only
 * attribution's code names its tables.
 */
export async function seedAttributionTotals(em: EntityManager): Promise<{ amount: number; households: number }> {
  const [row] = await em.query(
    `SELECT coalesce(sum(amount), 0) AS amount, count(DISTINCT household_id) FILTER (WHERE amount > 0)::int AS households FROM attribution_household_month`,
  );
  return { amount: Number(row.amount), households: Number(row.households) };
}
