import { CatalogErrorCode } from './catalog.errors';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  ErrorCode,
  AppError,
  assertUuid,
  badInput,
  Db,
  forbidden,
  isUuid,
  notFound,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { RegionLevel, RegionService } from '@bangfu/region';
import { SupplierService, SupplierStatus } from '@bangfu/supplier';
import { CategoryService } from './category.service';
import { PRODUCT_TRANSITIONS, type ProductAction, requireText } from './catalog.rules';
import { Product, ProductEvent, ProductStatus } from './product.entity';
import { searchTokens } from './search-text';
import { type VariantInput, VariantService } from './variant.service';
import { Variant } from './variant.entity';

export interface CreateProductInput {
  supplierId?: string | null;
  title: string;
  description?: string | null;
  categoryId?: string | null;
  originRegionCode: string;
  variants: VariantInput[];
}

export interface UpdateProductInput {
  productId: string;
  title?: string | null;
  description?: string | null;
  /** undefined leaves it; null clears it. */
  categoryId?: string | null;
  originRegionCode?: string | null;
}

const MAX_VARIANTS = 50;
const SUPPLIER_STAFF_ROLES = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
/** Suppliers in these admission states may not list anything, not even drafts. */
const CLOSED_SUPPLIER = new Set<string>([SupplierStatus.REJECTED, SupplierStatus.REVOKED]);

export function staffOrgIds(p: Principal | null): string[] {
  return p ? p.organizationIds(...SUPPLIER_STAFF_ROLES) : [];
}

/** Products: listing, editing and the DRAFT → PUBLISHED ↔ UNPUBLISHED life cycle. */
@Injectable()
export class ProductService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly suppliers: SupplierService,
    private readonly categories: CategoryService,
    private readonly variants: VariantService,
  ) {}

  // ── for other domains ──────────────────────────────────────────────────────────

  /** The product whatever its status (no permission check: callers decide who may see what). */
  async get(ctx: RequestContext, id: string): Promise<Product> {
    assertUuid(id, 'productId');
    const product = await this.db.repo(ctx, Product).findOneBy({ id });
    if (!product) throw notFound('Product', id);
    return product;
  }

  /** Several products whatever their status, in one query (statistics freezes their categories per counted order); unknown ids are left out. */
  async getMany(ctx: RequestContext, ids: string[]): Promise<Product[]> {
    for (const id of ids) assertUuid(id, 'productId');
    if (ids.length === 0) return [];
    return this.db.repo(ctx, Product).findBy({ id: In([...new Set(ids)]) });
  }

  /** The product, which the caller must work on as SUPPLIER_ADMIN/STAFF of its supplier; else FORBIDDEN. */
  async requireOwnedBySupplierStaff(ctx: RequestContext, productId: string, lock = false): Promise<Product> {
    assertUuid(productId, 'productId');
    const product = await this.db.repo(ctx, Product).findOne({
      where: { id: productId },
      ...(lock && ctx.em?.queryRunner?.isTransactionActive ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!product) throw notFound('Product', productId);
    await this.suppliers.assertStaffOf(ctx, product.supplierId);
    return product;
  }

  /**
   * What `product(id)` shows: published products of approved suppliers to everyone; anything to its
   * supplier's staff, platform admins and coordinators/auditors whose region covers it. Others get
   * NOT_FOUND, so drafts do not leak their existence. Decided in SQL.
   */
  async findVisible(ctx: RequestContext, id: string): Promise<Product | null> {
    if (!isUuid(id)) return null;
    const p = ctx.principal;
    const prefixes = p?.regionPrefixes(Role.COORDINATOR, Role.AUDITOR) ?? [];
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `SELECT p.id FROM product p JOIN supplier_directory sp ON sp.organization_id = p.supplier_id
        WHERE p.id = $1 AND (
          (p.status = 'PUBLISHED' AND sp.status = 'APPROVED')
          OR p.supplier_id = ANY($2::uuid[]) OR $3::boolean
          OR p.origin_region_code LIKE ANY($4::text[]) OR sp.county_code LIKE ANY($4::text[]))`,
      [id, staffOrgIds(p), p?.hasRole(Role.PLATFORM_ADMIN) ?? false, prefixes.map((x) => `${x}%`)],
    );
    return rows.length ? this.get(ctx, id) : null;
  }

  /** Whether the caller may see a product's non-public parts (inactive variants, history). */
  canManage(ctx: RequestContext, product: Product): boolean {
    const p = ctx.principal;
    return !!p && (staffOrgIds(p).includes(product.supplierId) || p.hasRole(Role.PLATFORM_ADMIN));
  }

  history(ctx: RequestContext, productId: string): Promise<ProductEvent[]> {
    return this.db.repo(ctx, ProductEvent).find({ where: { productId }, order: { createdAt: 'ASC' } });
  }

  // ── writes ─────────────────────────────────────────────────────────────────────

  create(ctx: RequestContext, input: CreateProductInput): Promise<Product> {
    const principal = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const supplierId = this.supplierFor(principal, input.supplierId);
      await this.suppliers.assertStaffOf(tx, supplierId);
      const profile = await this.suppliers.get(tx, supplierId);
      if (CLOSED_SUPPLIER.has(profile.status)) {
        throw new AppError(
          ErrorCode.SUPPLIER_NOT_APPROVED,
          `Supplier ${supplierId} is ${profile.status} and cannot list products`,
          { supplierId, status: profile.status },
        );
      }
      const title = requireText(input.title, 'title', 200);
      const description = requireText(input.description ?? '', 'description', 5000, 0);
      if (input.categoryId) await this.categories.require(tx, input.categoryId);
      await this.regions.requireLevel(
        tx,
        input.originRegionCode ?? '',
        [RegionLevel.COUNTY, RegionLevel.VILLAGE],
        'originRegionCode',
      );
      const variants = input.variants ?? [];
      if (variants.length === 0 || variants.length > MAX_VARIANTS) {
        throw badInput(`A product needs 1–${MAX_VARIANTS} variants`, { field: 'variants' });
      }
      const checked = await this.variants.validateNew(tx, variants);

      const repo = this.db.repo(tx, Product);
      const product = repo.create({
        supplierId,
        title,
        description,
        categoryId: input.categoryId ?? null,
        originRegionCode: input.originRegionCode,
        status: ProductStatus.DRAFT,
      });
      Object.assign(product, await this.searchFields(tx, product));
      await repo.save(product);
      await this.variants.insert(tx, product.id, checked);
      await this.record(tx, product.id, null, ProductStatus.DRAFT, null);
      return product;
    });
  }

  update(ctx: RequestContext, input: UpdateProductInput): Promise<Product> {
    return this.db.transaction(ctx, async (tx) => {
      const product = await this.requireOwnedBySupplierStaff(tx, input.productId, true);
      if (input.title != null) product.title = requireText(input.title, 'title', 200);
      if (input.description != null) product.description = requireText(input.description, 'description', 5000, 0);
      if (input.categoryId !== undefined) {
        if (input.categoryId) await this.categories.require(tx, input.categoryId);
        product.categoryId = input.categoryId ?? null;
      }
      if (input.originRegionCode != null) {
        await this.regions.requireLevel(
          tx,
          input.originRegionCode,
          [RegionLevel.COUNTY, RegionLevel.VILLAGE],
          'originRegionCode',
        );
        product.originRegionCode = input.originRegionCode;
        // A listed product must stay eligible: moving it out of an ex-poverty county needs unpublishing first.
        if (product.status === ProductStatus.PUBLISHED) await this.assertOriginEligible(tx, product);
      }
      Object.assign(product, await this.searchFields(tx, product));
      delete product.category; // a loaded relation would override categoryId on save
      return this.db.repo(tx, Product).save(product);
    });
  }

  publish(ctx: RequestContext, productId: string): Promise<Product> {
    return this.transition(ctx, productId, 'publish', null);
  }

  unpublish(ctx: RequestContext, productId: string, reason?: string | null): Promise<Product> {
    return this.transition(ctx, productId, 'unpublish', reason ?? null);
  }

  /** Applies one row of PRODUCT_TRANSITIONS: role, status, guards, then the move and its history row. */
  private transition(
    ctx: RequestContext,
    productId: string,
    action: ProductAction,
    reason: string | null,
  ): Promise<Product> {
    const principal = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const t = PRODUCT_TRANSITIONS.find((x) => x.action === action)!;
      assertUuid(productId, 'productId');
      const product = await this.db
        .repo(tx, Product)
        .findOne({ where: { id: productId }, lock: { mode: 'pessimistic_write' } });
      if (!product) throw notFound('Product', productId);
      const asStaff =
        staffOrgIds(principal).includes(product.supplierId) &&
        principal.hasRole(...t.roles.filter((r) => SUPPLIER_STAFF_ROLES.includes(r)));
      const asAdmin = t.roles.includes(Role.PLATFORM_ADMIN) && principal.hasRole(Role.PLATFORM_ADMIN);
      if (!asStaff && !asAdmin) throw forbidden(`You may not ${action} this product`);
      if (!t.from.includes(product.status)) {
        throw new AppError(ErrorCode.INVALID_TRANSITION, `A ${product.status} product cannot be ${action}ed`, {
          from: product.status,
          action,
        });
      }
      for (const guard of t.guards) {
        if (guard === 'SUPPLIER_APPROVED') await this.suppliers.requireApproved(tx, product.supplierId);
        if (guard === 'ORIGIN_ELIGIBLE') await this.assertOriginEligible(tx, product);
        if (
          guard === 'HAS_ACTIVE_VARIANT' &&
          !(await this.db.repo(tx, Variant).existsBy({ productId, active: true }))
        ) {
          throw new AppError(CatalogErrorCode.NO_ACTIVE_VARIANT, 'Add an active variant before publishing', {
            productId,
          });
        }
      }
      const from = product.status;
      product.status = t.to;
      const saved = await this.db.repo(tx, Product).save(product);
      await this.record(tx, productId, from, t.to, reason?.trim().slice(0, 500) || null);
      return saved;
    });
  }

  private async assertOriginEligible(ctx: RequestContext, product: Product): Promise<void> {
    const county = await this.regions.countyOf(ctx, product.originRegionCode);
    if (!county?.exPovertyCounty) {
      throw new AppError(
        ErrorCode.ORIGIN_NOT_ELIGIBLE,
        `Origin ${product.originRegionCode}${county ? ` (${county.name})` : ''} is not in an ex-poverty county (脱贫县); only produce from such counties is listed`,
        { field: 'originRegionCode', countyCode: county?.code ?? null },
      );
    }
  }

  private async record(
    ctx: RequestContext,
    productId: string,
    from: ProductStatus | null,
    to: ProductStatus,
    reason: string | null,
  ): Promise<void> {
    await this.db
      .repo(ctx, ProductEvent)
      .insert({ productId, fromStatus: from, toStatus: to, actorUserId: ctx.userId, reason });
  }

  /** The caller's supplier: the one given, or their only one. */
  private supplierFor(p: Principal, supplierId: string | null | undefined): string {
    if (supplierId) return assertUuid(supplierId, 'supplierId');
    const own = staffOrgIds(p);
    if (own.length !== 1) throw badInput('Say which supplier the product belongs to', { field: 'supplierId' });
    return own[0];
  }

  /** search_tokens and pinyin_initials from title, description, category path and origin region path. */
  async searchFields(
    ctx: RequestContext,
    product: Pick<Product, 'title' | 'description' | 'categoryId' | 'originRegionCode'>,
  ) {
    const [categoryNames, path] = await Promise.all([
      this.categories.namePath(ctx, product.categoryId),
      this.regions.path(ctx, product.originRegionCode),
    ]);
    return searchTokens({
      title: product.title,
      description: product.description,
      categoryNames,
      regionNames: path.map((r) => r.name),
    });
  }
}
