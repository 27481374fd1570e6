// What the signed-in user may see, derived from `me` (the API still checks every call).
import type { Me } from '../api/operations';

export const SUPPLIER_ROLES = ['SUPPLIER_ADMIN', 'SUPPLIER_STAFF'] as const;

export function hasRole(me: Pick<Me, 'roles'> | null | undefined, ...roles: readonly string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

export interface OrgRef {
  id: string;
  name: string;
}

/** Organisations the user works for in one of these roles, each once, in membership order. */
export function organizationsWith(
  me: Pick<Me, 'memberships'> | null | undefined,
  ...roles: readonly string[]
): OrgRef[] {
  const seen = new Map<string, OrgRef>();
  for (const m of me?.memberships ?? []) {
    if (m.organization && roles.includes(m.role) && !seen.has(m.organization.id))
      seen.set(m.organization.id, { id: m.organization.id, name: m.organization.name });
  }
  return [...seen.values()];
}

/** Region prefixes the user coordinates (e.g. ['5206']). */
export function regionScopes(me: Pick<Me, 'memberships'> | null | undefined, role = 'COORDINATOR'): string[] {
  return [
    ...new Set((me?.memberships ?? []).filter((m) => m.role === role && m.regionPrefix).map((m) => m.regionPrefix!)),
  ];
}
