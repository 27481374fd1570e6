import { Injectable } from '@nestjs/common';
import {
  AppError,
  type Connection,
  Db,
  decodeCursor,
  timeIdCursor,
  ErrorCode,
  isUuid,
  type PageArgs,
  pageSize,
  type RequestContext,
  Role,
  toConnection,
} from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';
import { Certification } from './certification.entities';
import type { CertificationFilter } from './certification.types';

// Cursors carry JavaScript (millisecond) times: order and compare at that precision so no row is skipped.
const CREATED_MS = `date_trunc('milliseconds', c.created_at)`;

/** Work queues and a supplier's own applications: certifications the caller may see, newest first, scoped in SQL. */
@Injectable()
export class CertificationListService {
  constructor(private readonly db: Db) {}

  async list(
    ctx: RequestContext,
    filter: CertificationFilter | null | undefined,
    { first, after }: PageArgs,
  ): Promise<Connection<Certification>> {
    const p = ctx.requirePrincipal();
    const f = filter ?? {};
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const qb = this.db
      .repo(ctx, Certification)
      .createQueryBuilder('c')
      .innerJoin('product_directory', 'p', 'p.id = c.product_id');
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const orgIds = p.organizationIds(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF);
      const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).map((x) => `${x}%`);
      if (orgIds.length === 0 && prefixes.length === 0) return toConnection([], limit, 0, () => [], false);
      qb.andWhere(`(p.supplier_id = ANY(:orgIds) OR p.origin_region_code LIKE ANY(:prefixes))`, { orgIds, prefixes });
    }
    if (f.statuses?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: f.statuses });
    if (f.regionCode) {
      let prefix: string;
      try {
        prefix = normalizePrefix(f.regionCode.trim());
      } catch {
        throw new AppError(ErrorCode.INVALID_REGION_CODE, `${f.regionCode} is not a division code or prefix`, {
          field: 'regionCode',
        });
      }
      qb.andWhere('p.origin_region_code LIKE :prefix', { prefix: `${prefix}%` });
    }
    for (const field of ['productId', 'supplierId'] as const) {
      const v = f[field];
      if (!v) continue;
      if (!isUuid(v)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} is not an id`, { field });
      qb.andWhere(field === 'productId' ? 'c.product_id = :productId' : 'p.supplier_id = :supplierId', { [field]: v });
    }
    const total = await qb.getCount();
    if (cursor) {
      const [at, id] = timeIdCursor(cursor);
      qb.andWhere(`(${CREATED_MS}, c.id) < (:at::timestamptz, :id::uuid)`, { at, id });
    }
    const rows = await qb
      .orderBy(CREATED_MS, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toConnection(rows, limit, total, (c) => [c.createdAt.toISOString(), c.id], cursor !== null);
  }
}
