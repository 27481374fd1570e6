import { Injectable } from '@nestjs/common';
import {
  AppError,
  type Connection,
  Db,
  decodeCursor,
  ErrorCode,
  isUuid,
  type PageArgs,
  pageSize,
  type RequestContext,
  toConnection,
} from '@bangfu/core';
import { CategoryService } from '@bangfu/catalog';
import { OrganizationService } from '@bangfu/identity';
import { normalizePrefix, RegionService } from '@bangfu/region';
import { Certification, CertificationStatus } from './certification.entities';
import type { CertifiedDirectoryFilter } from './certification.types';
import { parseBusinessDate, shanghaiDate } from './dates';

/** One line of the directory as exported (Chinese headers in the export controller). */
export interface DirectoryRow {
  certificationId: string;
  productId: string;
  certificateNo: string;
  productTitle: string;
  supplierName: string;
  origin: string;
  issuer: string;
  batch: string;
  validFrom: string;
  validTo: string;
  status: CertificationStatus;
  createdAt: Date;
  updatedAt: Date;
}

interface NormalizedFilter {
  prefix: string | null;
  categoryId: string | null;
  supplierId: string | null;
  validOn: string;
}

/**
 * The public directory of certified products (帮扶产品名录): certificates valid on a given day, by
 * origin region subtree, category subtree and supplier, ordered by certificate number.
 */
@Injectable()
export class CertifiedDirectoryService {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationService,
    private readonly regions: RegionService,
    private readonly categories: CategoryService,
  ) {}

  normalize(filter: CertifiedDirectoryFilter | null | undefined): NormalizedFilter {
    const f = filter ?? {};
    let prefix: string | null = null;
    if (f.regionCode) {
      try {
        prefix = normalizePrefix(f.regionCode.trim());
      } catch {
        throw new AppError(ErrorCode.INVALID_REGION_CODE, `${f.regionCode} is not a division code or prefix`, {
          field: 'regionCode',
        });
      }
    }
    for (const field of ['categoryId', 'supplierId'] as const) {
      if (f[field] && !isUuid(f[field]!))
        throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} is not an id`, { field });
    }
    return {
      prefix,
      categoryId: f.categoryId ?? null,
      supplierId: f.supplierId ?? null,
      validOn: f.validOn ? parseBusinessDate(f.validOn, 'validOn') : shanghaiDate(),
    };
  }

  async page(
    ctx: RequestContext,
    filter: CertifiedDirectoryFilter | null | undefined,
    { first, after }: PageArgs,
  ): Promise<Connection<Certification>> {
    const f = this.normalize(filter);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    if (cursor && typeof cursor[0] !== 'string')
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'after is not a valid cursor', { field: 'after' });
    const [rows, total] = await Promise.all([
      this.rows(ctx, f, limit + 1, (cursor?.[0] as string) ?? null),
      this.count(ctx, f),
    ]);
    const repo = this.db.repo(ctx, Certification);
    const nodes = rows.map((r) =>
      repo.create({
        id: r.certificationId,
        productId: r.productId,
        status: r.status,
        certificateNo: r.certificateNo,
        issuer: r.issuer,
        batch: r.batch,
        validFrom: r.validFrom,
        validTo: r.validTo,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      }),
    );
    return toConnection(nodes, limit, total, (c) => [c.certificateNo], cursor !== null);
  }

  async count(ctx: RequestContext, f: NormalizedFilter): Promise<number> {
    const { where, params } = await this.where(ctx, f);
    const rows: Array<{ n: string }> = await this.db
      .manager(ctx)
      .query(
        `SELECT count(*) AS n FROM certification c JOIN product_directory p ON p.id = c.product_id WHERE ${where}`,
        params,
      );
    return Number(rows[0].n);
  }

  /**
   * For official indicators (statistics): products holding a certificate valid on `date` whose origin
   * lies under `prefix` ('' = the whole country), and the distinct suppliers of those products.
   */
  async certifiedCounts(
    ctx: RequestContext,
    prefix: string,
    date: string,
  ): Promise<{ products: number; suppliers: number }> {
    const [row]: Array<{ products: string; suppliers: string }> = await this.db.manager(ctx).query(
      `SELECT count(DISTINCT c.product_id) AS products, count(DISTINCT p.supplier_id) AS suppliers
         FROM certification c JOIN product_directory p ON p.id = c.product_id
        WHERE c.status IN ('CERTIFIED','EXPIRED') AND c.valid_from <= $2::date AND c.valid_to >= $2::date AND p.origin_region_code LIKE $1`,
      [`${prefix}%`, date],
    );
    return { products: Number(row.products), suppliers: Number(row.suppliers) };
  }

  /**
   * Rows after the given certificate number, in certificate-number order, with the supplier's name
   * and the origin's full name (identity's and region's reads, one query each per batch).
   */
  async fetch(
    ctx: RequestContext,
    f: NormalizedFilter,
    limit: number,
    afterCertificateNo: string | null,
  ): Promise<DirectoryRow[]> {
    const rows = await this.rows(ctx, f, limit, afterCertificateNo);
    const [names, origins] = await Promise.all([
      this.organizations.names(
        ctx,
        rows.map((r) => r.supplierId),
      ),
      this.regions.pathNames(
        ctx,
        rows.map((r) => r.originRegionCode),
      ),
    ]);
    return rows.map(({ supplierId, originRegionCode, ...r }) => ({
      ...r,
      supplierName: names.get(supplierId) ?? '',
      origin: origins.get(originRegionCode) ?? '',
    }));
  }

  private async rows(
    ctx: RequestContext,
    f: NormalizedFilter,
    limit: number,
    afterCertificateNo: string | null,
  ): Promise<Array<Omit<DirectoryRow, 'supplierName' | 'origin'> & { supplierId: string; originRegionCode: string }>> {
    const { where, params } = await this.where(ctx, f);
    let sql = where;
    if (afterCertificateNo !== null) {
      params.push(afterCertificateNo);
      sql += ` AND c.certificate_no > $${params.length}`;
    }
    params.push(limit);
    const rows: Array<Record<string, any>> = await this.db.manager(ctx).query(
      `SELECT c.id, c.product_id, c.certificate_no, c.issuer, c.batch, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
              c.status, c.created_at, c.updated_at, p.title, p.supplier_id, p.origin_region_code
         FROM certification c
         JOIN product_directory p ON p.id = c.product_id
        WHERE ${sql}
        ORDER BY c.certificate_no
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      certificationId: r.id,
      productId: r.product_id,
      certificateNo: r.certificate_no,
      productTitle: r.title,
      supplierId: r.supplier_id,
      originRegionCode: r.origin_region_code,
      issuer: r.issuer,
      batch: r.batch,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      status: r.status,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** All matching rows in batches (for exports), without holding the whole list in memory. */
  async *batches(ctx: RequestContext, f: NormalizedFilter, batchSize = 500): AsyncGenerator<DirectoryRow[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.fetch(ctx, f, batchSize, after);
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].certificateNo;
    }
  }

  /**
   * A certificate is listed for day d when it was issued (CERTIFIED, or EXPIRED since) and d lies in
   * its validity; revoked certificates are never listed.
   */
  private async where(ctx: RequestContext, f: NormalizedFilter): Promise<{ where: string; params: unknown[] }> {
    const params: unknown[] = [f.validOn];
    const parts = [`c.status IN ('CERTIFIED','EXPIRED')`, `c.valid_from <= $1::date`, `c.valid_to >= $1::date`];
    if (f.prefix) {
      params.push(`${f.prefix}%`);
      parts.push(`p.origin_region_code LIKE $${params.length}`);
    }
    if (f.supplierId) {
      params.push(f.supplierId);
      parts.push(`p.supplier_id = $${params.length}`);
    }
    if (f.categoryId) {
      params.push(await this.categories.subtreeIds(ctx, f.categoryId));
      parts.push(`p.category_id = ANY($${params.length}::uuid[])`);
    }
    return { where: parts.join(' AND '), params };
  }
}
