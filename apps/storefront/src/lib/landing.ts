// Where sign-in leads when no `?next=` asks for a page: coordinators and auditors work from the
// statistics dashboard, platform admins from their console, farmers from their produce page (offers, buyers'
// commitments, payments: issue 14), agency and supplier roles from their work (ROLE_LANDINGS); customers at home.
import type { Me } from '../api/operations';
import { hasRole } from './roles';

export function landingPath(me: Pick<Me, 'roles'> | null | undefined): string {
  if (hasRole(me, 'PLATFORM_ADMIN')) return '/portal/admin';
  if (hasRole(me, 'FARMER')) return '/produce';
  if (hasRole(me, 'COORDINATOR', 'AUDITOR')) return '/portal/stats';
  return ROLE_LANDINGS.find(([role]) => hasRole(me, role))?.[1] ?? '/';
}

/**
 * The other roles start where their daily work is (issue 15): agency admins at the completion figures,
 * approvers in their inbox, purchasers at their requests, suppliers at the orders to ship. The first role
 * that matches wins, so a person with several lands on the most senior one's page.
 */
const ROLE_LANDINGS: ReadonlyArray<readonly [string, string]> = [
  ['AGENCY_ADMIN', '/portal/agency'],
  ['APPROVER', '/portal/agency/approvals'],
  ['PURCHASER', '/portal/agency/requests'],
  ['SUPPLIER_ADMIN', '/portal/supplier/orders'],
  ['SUPPLIER_STAFF', '/portal/supplier/orders'],
];
