// Where sign-in leads when no `?next=` asks for a page: coordinators and auditors work from the
// statistics dashboard, platform admins from their console; everybody else starts at the home page as before.
import type { Me } from '../api/operations';
import { hasRole } from './roles';

export function landingPath(me: Pick<Me, 'roles'> | null | undefined): string {
  if (hasRole(me, 'PLATFORM_ADMIN')) return '/portal/admin';
  return hasRole(me, 'COORDINATOR', 'AUDITOR') ? '/portal/stats' : '/';
}
