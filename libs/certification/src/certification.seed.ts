import type { EntityManager } from 'typeorm';

/**
 * SEED ONLY (libs/demo's data set): a product's certification written directly inside the seed's
 * transaction with the history its workflow would have left (the workflow is covered by this lib's
 * tests). Kept here so that only certification's code names its tables; never call it from a
 * request path.
 */
export async function seedCertification(
  em: EntityManager,
  c: {
    productId: string;
    status: string;
    certificateNo?: string | null;
    issuer?: string | null;
    batch?: string | null;
    validFrom?: string | null;
    validTo?: string | null;
    /** Its history, oldest first: [from, to, actor user id]. */
    moves: Array<[string | null, string, string | null]>;
  },
): Promise<string> {
  const [row] = c.certificateNo
    ? await em.query(
        `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          c.productId,
          c.status,
          c.certificateNo,
          c.issuer ?? null,
          c.batch ?? null,
          c.validFrom ?? null,
          c.validTo ?? null,
        ],
      )
    : await em.query(`INSERT INTO certification (product_id, status) VALUES ($1, $2) RETURNING id`, [
        c.productId,
        c.status,
      ]);
  for (const [from, to, actor] of c.moves) {
    await em.query(
      `INSERT INTO certification_event (certification_id, from_status, to_status, actor_user_id) VALUES ($1, $2, $3, $4)`,
      [row.id, from, to, actor],
    );
  }
  return row.id;
}
