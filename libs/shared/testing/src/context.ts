import { OrganizationKind, Principal, RequestContext, Role } from '@bangfu/core';

/** A request context of one user in one role (one membership), for calling services directly in specs. */
export function contextFor(
  userId: string,
  role: Role,
  organizationId: string | null,
  kind: OrganizationKind | null,
  regionPrefix: string | null = null,
): RequestContext {
  return RequestContext.anonymous().withPrincipal(
    new Principal(userId, role, [
      { organizationId: organizationId as string, organizationKind: kind as OrganizationKind, role, regionPrefix },
    ]),
  );
}
