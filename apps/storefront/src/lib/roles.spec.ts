import { describe, expect, it } from 'vitest';
import type { Me } from '../api/operations';
import { hasRole, organizationsWith, regionScopes } from './roles';

const org = (id: string) => ({ id, name: `org ${id}`, kind: 'SUPPLIER' as const, region: null });
const me: Me = {
  id: 'u',
  displayName: 'U',
  email: null,
  roles: ['SUPPLIER_ADMIN', 'COORDINATOR'],
  memberships: [
    { role: 'SUPPLIER_ADMIN', regionPrefix: null, organization: org('a') },
    { role: 'SUPPLIER_STAFF', regionPrefix: null, organization: org('a') },
    { role: 'SUPPLIER_STAFF', regionPrefix: null, organization: org('b') },
    { role: 'COORDINATOR', regionPrefix: '5206', organization: org('c') },
  ],
};

describe('roles', () => {
  it('checks roles, including for anonymous visitors', () => {
    expect(hasRole(me, 'SUPPLIER_STAFF', 'SUPPLIER_ADMIN')).toBe(true);
    expect(hasRole(me, 'PLATFORM_ADMIN')).toBe(false);
    expect(hasRole(null, 'CUSTOMER')).toBe(false);
  });

  it('lists each organisation once and the coordinated prefixes', () => {
    expect(organizationsWith(me, 'SUPPLIER_ADMIN', 'SUPPLIER_STAFF').map((o) => o.id)).toEqual(['a', 'b']);
    expect(organizationsWith(me, 'PURCHASER')).toEqual([]);
    expect(regionScopes(me)).toEqual(['5206']);
  });
});
