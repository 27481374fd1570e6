import type { EntityManager } from 'typeorm';

/**
 * SEED ONLY (libs/demo's data set): supplier rows written directly inside the seed's transaction —
 * an admitted supplier with its admission history, households and linkage, as the workflows would
 * have left them (each workflow is covered by this lib's tests). Kept here so that only the supplier
 * lib's code names its tables; never call these from a request path.
 */
export async function seedApprovedSupplier(
  em: EntityManager,
  s: {
    organizationId: string;
    kind: string;
    countyCode: string;
    linkageMechanism: string;
    /** The admission moves to record, oldest first: [from, to, actor user id, reason]. */
    history: Array<[string | null, string, string | null, string | null]>;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO supplier_profile (organization_id, kind, county_code, linkage_mechanism, status) VALUES ($1, $2, $3, $4, 'APPROVED')`,
    [s.organizationId, s.kind, s.countyCode, s.linkageMechanism],
  );
  for (const [from, to, actor, reason] of s.history) {
    await em.query(
      `INSERT INTO supplier_admission_event (supplier_id, from_status, to_status, actor_user_id, reason) VALUES ($1, $2, $3, $4, $5)`,
      [s.organizationId, from, to, actor, reason],
    );
  }
}

/** A household registered by an organisation; returns its id. */
export async function seedHousehold(
  em: EntityManager,
  h: {
    villageCode: string;
    headName: string;
    size: number;
    status: string;
    userId?: string | null;
    createdByOrgId: string;
    idNumberHmac?: string | null;
  },
): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO household (village_code, head_name, size, status, user_id, created_by_org_id, id_number_hmac) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [h.villageCode, h.headName, h.size, h.status, h.userId ?? null, h.createdByOrgId, h.idNumberHmac ?? null],
  );
  return row.id;
}

/** The farmer's account of a household (the household signs in as that user). */
export async function seedHouseholdUser(em: EntityManager, householdId: string, userId: string): Promise<void> {
  await em.query(`UPDATE household SET user_id = $1 WHERE id = $2`, [userId, householdId]);
}

/** A linkage to a household, or (with villageCode and a share) to a village collective. */
export async function seedLinkage(
  em: EntityManager,
  l: {
    supplierId: string;
    householdId?: string | null;
    villageCode?: string | null;
    type: string;
    terms: string;
    shareBasisPoints?: number | null;
    validFrom: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO linkage (supplier_id, household_id, village_code, type, terms, share_basis_points, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      l.supplierId,
      l.householdId ?? null,
      l.villageCode ?? null,
      l.type,
      l.terms,
      l.shareBasisPoints ?? null,
      l.validFrom,
    ],
  );
}
