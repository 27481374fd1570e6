// What the signed-in user may see, derived from `me` (the API still checks every call).
import type { Me } from '../api/operations';

export const SUPPLIER_ROLES = ['SUPPLIER_ADMIN', 'SUPPLIER_STAFF'] as const;

/** Which organisation kind a role is held in (mirrors ROLE_ORGANIZATION_KIND on the server); null: none. */
export const ROLE_ORGANIZATION_KIND: Record<string, string | null> = {
  PURCHASER: 'AGENCY',
  APPROVER: 'AGENCY',
  AGENCY_ADMIN: 'AGENCY',
  SUPPLIER_ADMIN: 'SUPPLIER',
  SUPPLIER_STAFF: 'SUPPLIER',
  COORDINATOR: 'COORDINATION_OFFICE',
  AUDITOR: 'COORDINATION_OFFICE',
  PLATFORM_ADMIN: 'PLATFORM',
  CUSTOMER: null,
};

/** Roles held for a region (a division-code prefix) rather than only in an organisation. */
export const REGIONAL_ROLES: ReadonlySet<string> = new Set(['COORDINATOR', 'AUDITOR']);

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
