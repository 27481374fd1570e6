import type { EntityManager } from 'typeorm';

/**
 * SEED ONLY (libs/demo's data set): county flags set in bulk inside the seed's transaction (the
 * audited `setRegionFlags` sets one county at a time for a platform admin). Kept here so that only
 * the region lib's code names its table; never call it from a request path.
 */
export async function seedCountyFlags(
  em: EntityManager,
  codes: { exPoverty: string[]; keyAssistance: string[] },
): Promise<void> {
  await em.query(`UPDATE region SET ex_poverty_county = true WHERE code = ANY($1::text[])`, [codes.exPoverty]);
  await em.query(`UPDATE region SET key_assistance_county = true WHERE code = ANY($1::text[])`, [codes.keyAssistance]);
}

/** For the demo's addresses: the deepest loaded region (county or below) under a code prefix, first by code. */
export async function deepestRegionUnder(em: EntityManager, prefix: string): Promise<string | null> {
  const [row] = await em.query(
    `SELECT code FROM region WHERE level >= 3 AND code LIKE $1 ORDER BY level DESC, code LIMIT 1`,
    [`${prefix}%`],
  );
  return row?.code ?? null;
}
