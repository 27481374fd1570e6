import { Injectable } from '@nestjs/common';
import { assertUuid, Db, forbidden, likeContains, pageSize, type RequestContext, Role } from '@bangfu/core';
import { AppUser } from './identity.entities';

export interface UserSearch {
  /** Part of the name, email or mobile number. */
  search?: string | null;
  role?: Role | null;
  organizationId?: string | null;
}

/** The platform's account directory (users admin): who exists, found by name, contact, role or organisation. */
@Injectable()
export class UserDirectoryService {
  constructor(private readonly db: Db) {}

  /** Platform admins only: the directory spans every organisation, so no scope narrower than "all" exists. */
  async search(ctx: RequestContext, filter: UserSearch, first?: number | null): Promise<AppUser[]> {
    if (!ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN))
      throw forbidden('Only platform admins search all accounts');
    const qb = this.db.repo(ctx, AppUser).createQueryBuilder('u');
    const text = filter.search?.trim();
    if (text)
      qb.andWhere('(u.display_name ILIKE :q OR u.email::text ILIKE :q OR u.phone ILIKE :q)', { q: likeContains(text) });
    if (filter.role || filter.organizationId) {
      const conds = ['m.user_id = u.id'];
      if (filter.role) conds.push('m.role = :role');
      if (filter.organizationId) conds.push('m.organization_id = :org');
      qb.andWhere(`EXISTS (SELECT 1 FROM membership m WHERE ${conds.join(' AND ')})`, {
        role: filter.role ?? undefined,
        org: filter.organizationId ? assertUuid(filter.organizationId, 'organizationId') : undefined,
      });
    }
    return qb.orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC').take(pageSize(first, 50)).getMany();
  }
}
