import type { EntityManager } from 'typeorm';

/**
 * SEED ONLY (libs/demo's data set): identity rows written directly inside the seed's transaction —
 * no permission checks, no audit, no password policy (the demo password is fixed). Kept here so that
 * only identity's code names its tables; never call these from a request path.
 */
export async function seedOrganization(
  em: EntityManager,
  o: { kind: string; name: string; creditCode: string | null; regionCode: string | null; parentId?: string | null },
): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO organization (kind, name, credit_code, region_code, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [o.kind, o.name, o.creditCode, o.regionCode, o.parentId ?? null],
  );
  return row.id;
}

/** An account with an already hashed password; returns its id. */
export async function seedUser(
  em: EntityManager,
  u: { email: string; displayName: string; passwordHash: string },
): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
    [u.email, u.displayName, u.passwordHash],
  );
  return row.id;
}

export async function seedMembership(
  em: EntityManager,
  m: { userId: string; role: string; organizationId: string | null; regionPrefix?: string | null },
): Promise<void> {
  await em.query(`INSERT INTO membership (user_id, role, organization_id, region_prefix) VALUES ($1, $2, $3, $4)`, [
    m.userId,
    m.role,
    m.organizationId,
    m.regionPrefix ?? null,
  ]);
}

/** The id of the account with this e-mail address, null when there is none (the seed signs its accounts in by e-mail). */
export async function seedUserId(em: EntityManager, email: string): Promise<string | null> {
  const [row] = await em.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
  return row?.id ?? null;
}
