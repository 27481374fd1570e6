import { CatalogErrorCode } from './catalog.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  assertUuid,
  badInput,
  Db,
  ErrorCode,
  forbidden,
  insertUnique,
  lockRow,
  notFound,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { HouseholdService } from '@bangfu/supplier';
import { In } from 'typeorm';
import { assertDate, requireText, shanghaiToday } from './catalog.rules';
import { Lot, LotContribution } from './lot.entity';
import { ProductService, staffOrgIds } from './product.service';
import { VariantService } from './variant.service';

export interface CreateLotInput {
  variantId: string;
  lotNo: string;
  harvestedOn: string;
  contributions: Array<{ householdId: string; quantity: number }>;
}

const MAX_QUANTITY = 2_147_483_647;
const duplicateLot = (lotNo: string) =>
  new AppError(CatalogErrorCode.DUPLICATE_LOT, `Lot ${lotNo} already exists for this variant`, { field: 'lotNo' });

/** 批次: harvest lots and the households that contributed to them; a lot adds its quantity to stock. */
@Injectable()
export class LotService {
  constructor(
    private readonly db: Db,
    private readonly products: ProductService,
    private readonly variants: VariantService,
    private readonly households: HouseholdService,
  ) {}

  create(ctx: RequestContext, input: CreateLotInput): Promise<Lot> {
    return this.db.transaction(ctx, async (tx) => {
      const variant = await this.variants.get(tx, input.variantId);
      const product = await this.products.requireOwnedBySupplierStaff(tx, variant.productId);
      const lotNo = requireText(input.lotNo, 'lotNo', 64);
      const harvestedOn = assertDate(input.harvestedOn, 'harvestedOn');
      if (harvestedOn > shanghaiToday())
        throw new AppError(ErrorCode.INVALID_DATE, 'A lot cannot be harvested in the future', { field: 'harvestedOn' });

      const contributions = input.contributions ?? [];
      if (contributions.length === 0)
        throw badInput('A lot needs at least one contributing household', { field: 'contributions' });
      contributions.forEach((c, i) => {
        assertUuid(c.householdId, `contributions[${i}].householdId`);
        if (!Number.isSafeInteger(c.quantity) || c.quantity <= 0 || c.quantity > MAX_QUANTITY) {
          throw new AppError(ErrorCode.INVALID_QUANTITY, 'Each contribution is a positive whole number of units', {
            field: `contributions[${i}].quantity`,
          });
        }
      });
      const ids = contributions.map((c) => c.householdId);
      if (new Set(ids).size !== ids.length)
        throw badInput('A household appears twice in the contributions; add its quantities up', {
          field: 'contributions',
        });
      const quantity = contributions.reduce((sum, c) => sum + c.quantity, 0);
      if (quantity > MAX_QUANTITY)
        throw new AppError(ErrorCode.INVALID_QUANTITY, 'The lot is larger than the largest storable quantity', {
          field: 'contributions',
        });

      await this.households.assertLinked(tx, product.supplierId, ids);
      if (await this.db.repo(tx, Lot).existsBy({ variantId: variant.id, lotNo })) throw duplicateLot(lotNo);

      const repo = this.db.repo(tx, Lot);
      const lot = await insertUnique(
        () =>
          repo.save(
            repo.create({
              variantId: variant.id,
              lotNo,
              harvestedOn,
              quantity,
              remaining: quantity,
              createdByUserId: tx.userId,
            }),
          ),
        () => duplicateLot(lotNo),
      );
      await this.db
        .repo(tx, LotContribution)
        .insert(contributions.map((c) => ({ lotId: lot.id, householdId: c.householdId, quantity: c.quantity })));
      // Lot totals are stock: the lot and its stock arrive together or not at all.
      await this.variants.adjustStock(tx, variant.id, quantity);
      return this.load(tx, [lot.id]).then((lots) => lots[0]);
    });
  }

  /**
   * Adds a household's quantity to an existing lot (produce received into it later: libs/produce's
   * receipts): the contribution, the lot's quantity and remaining, and the variant's stock rise
   * together. The lot row is locked first, so concurrent additions queue instead of losing one.
   * Same rules as create: the supplier's own staff, a household linked today, a positive quantity.
   */
  addContribution(ctx: RequestContext, lotId: string, householdId: string, quantity: number): Promise<Lot> {
    return this.db.transaction(ctx, async (tx) => {
      assertUuid(lotId, 'lotId');
      assertUuid(householdId, 'householdId');
      if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
        throw new AppError(ErrorCode.INVALID_QUANTITY, 'A contribution is a positive whole number of units', {
          field: 'quantity',
        });
      }
      const lot = await lockRow(this.db, tx, Lot, lotId, 'Lot');
      const variant = await this.variants.get(tx, lot.variantId);
      const product = await this.products.requireOwnedBySupplierStaff(tx, variant.productId);
      await this.households.assertLinked(tx, product.supplierId, [householdId]);
      if (lot.quantity + quantity > MAX_QUANTITY)
        throw new AppError(ErrorCode.INVALID_QUANTITY, 'The lot would be larger than the largest storable quantity', {
          field: 'quantity',
        });
      await this.db.manager(tx).query(
        `INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, $3)
         ON CONFLICT (lot_id, household_id) DO UPDATE SET quantity = lot_contribution.quantity + EXCLUDED.quantity`,
        [lot.id, householdId, quantity],
      );
      await this.db
        .manager(tx)
        .query(`UPDATE lot SET quantity = quantity + $2, remaining = remaining + $2 WHERE id = $1`, [lot.id, quantity]);
      await this.variants.adjustStock(tx, variant.id, quantity);
      return this.load(tx, [lot.id]).then((lots) => lots[0]);
    });
  }

  /** The variant, unit and supplier of a lot (NOT_FOUND when there is none). */
  async supplierOfLot(
    ctx: RequestContext,
    lotId: string,
  ): Promise<{ supplierId: string; unit: string; productId: string; variantId: string }> {
    assertUuid(lotId, 'lotId');
    const lot = await this.db.repo(ctx, Lot).findOneBy({ id: lotId });
    if (!lot) throw notFound('Lot', lotId);
    return { ...(await this.supplierOfVariant(ctx, lot.variantId)), variantId: lot.variantId };
  }

  /** The supplier (organisation id) whose product a variant belongs to. */
  async supplierOfVariant(
    ctx: RequestContext,
    variantId: string,
  ): Promise<{ supplierId: string; unit: string; productId: string }> {
    const variant = await this.variants.get(ctx, variantId);
    const product = await this.products.get(ctx, variant.productId);
    return { supplierId: product.supplierId, unit: variant.unit, productId: product.id };
  }

  /**
   * Lots of a variant, for its supplier's staff, platform admins and coordinators/auditors whose
   * region covers the product's origin or the supplier's county (checked in SQL).
   */
  async listForVariant(ctx: RequestContext, variantId: string): Promise<Lot[]> {
    const p = ctx.requirePrincipal();
    assertUuid(variantId, 'variantId');
    const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).map((x) => `${x}%`);
    const rows: Array<{ allowed: boolean }> = await this.db.manager(ctx).query(
      `SELECT (p.supplier_id = ANY($2::uuid[]) OR $3::boolean
               OR p.origin_region_code LIKE ANY($4::text[]) OR sp.county_code LIKE ANY($4::text[])) AS allowed
         FROM variant v JOIN product p ON p.id = v.product_id JOIN supplier_directory sp ON sp.organization_id = p.supplier_id
        WHERE v.id = $1`,
      [variantId, staffOrgIds(p), p.hasRole(Role.PLATFORM_ADMIN), prefixes],
    );
    if (rows.length === 0) throw notFound('Variant', variantId);
    if (!rows[0].allowed) throw forbidden('This variant is outside your supplier or region');
    const lots = await this.db
      .repo(ctx, Lot)
      .find({ where: { variantId }, order: { harvestedOn: 'DESC', createdAt: 'DESC' }, select: { id: true } });
    return this.load(
      ctx,
      lots.map((l) => l.id),
    );
  }

  /** Distinct households that contributed to any lot of each product. */
  async contributingHouseholdCounts(ctx: RequestContext, productIds: string[]): Promise<Map<string, number>> {
    if (productIds.length === 0) return new Map();
    const rows: Array<{ product_id: string; n: string }> = await this.db.manager(ctx).query(
      `SELECT v.product_id, count(DISTINCT c.household_id) AS n
         FROM lot_contribution c JOIN lot l ON l.id = c.lot_id JOIN variant v ON v.id = l.variant_id
        WHERE v.product_id = ANY($1::uuid[]) GROUP BY v.product_id`,
      [productIds],
    );
    return new Map(rows.map((r) => [r.product_id, Number(r.n)]));
  }

  private async load(ctx: RequestContext, ids: string[]): Promise<Lot[]> {
    if (ids.length === 0) return [];
    const lots = await this.db.repo(ctx, Lot).find({ where: { id: In(ids) }, relations: { contributions: true } });
    const byId = new Map(lots.map((l) => [l.id, l]));
    return ids
      .map((id) => byId.get(id)!)
      .map((l) => ({ ...l, contributions: [...l.contributions].sort((a, b) => b.quantity - a.quantity) }) as Lot);
  }
}
