import { SupplierErrorCode } from './supplier.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  badInput,
  Db,
  ErrorCode,
  forbidden,
  isUuid,
  lockRow,
  notFound,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { RegionLevel, RegionService } from '@bangfu/region';
import { parseBusinessDate } from './dates';
import { covers, likeAny, staffSupplierIds } from './scope';
import { Household, Linkage, SupplierProfile, SupplierStatus } from './supplier.entities';
import { SupplierService } from './supplier.service';
import { type CreateLinkageInput } from './supplier.types';

/** Suppliers that can no longer take on obligations towards households. */
const CLOSED = new Set([SupplierStatus.REJECTED, SupplierStatus.REVOKED]);

/** 利益联结: the supplier ↔ household / village collective agreements that attribution reads. */
@Injectable()
export class LinkageService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly suppliers: SupplierService,
  ) {}

  create(ctx: RequestContext, input: CreateLinkageInput): Promise<Linkage> {
    const p = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const supplier = await this.suppliers.get(tx, input.supplierId);
      if (!!input.householdId === !!input.villageCode) {
        throw badInput('Link either a household or a village collective, not both or neither', {
          field: input.householdId ? 'villageCode' : 'householdId',
        });
      }
      let villageCode: string;
      let household: Household | null = null;
      if (input.householdId) {
        household = isUuid(input.householdId)
          ? await this.db.repo(tx, Household).findOneBy({ id: input.householdId })
          : null;
        if (!household) throw notFound('Household', input.householdId);
        villageCode = household.villageCode;
      } else {
        villageCode = (
          await this.regions.requireLevel(tx, input.villageCode as string, [RegionLevel.VILLAGE], 'villageCode')
        ).code;
      }
      await this.assertMayManage(tx, p, supplier, villageCode, household);
      if (CLOSED.has(supplier.status))
        throw new AppError(
          SupplierErrorCode.SUPPLIER_NOT_ACTIVE,
          `Supplier is ${supplier.status} and cannot enter new linkages`,
          {
            field: 'supplierId',
          },
        );

      const terms = input.terms?.trim() ?? '';
      if (terms.length > 2000) throw badInput('Terms are limited to 2000 characters', { field: 'terms' });
      const share = input.shareBasisPoints ?? null;
      if (share !== null && (!Number.isInteger(share) || share < 0 || share > 10000)) {
        throw badInput('shareBasisPoints must be a whole number from 0 to 10000 (100%)', { field: 'shareBasisPoints' });
      }
      const validFrom = parseBusinessDate(input.validFrom, 'validFrom');
      const validTo = input.validTo ? parseBusinessDate(input.validTo, 'validTo') : null;
      if (validTo !== null && validTo < validFrom) throw invalidDates(validFrom, validTo);

      const repo = this.db.repo(tx, Linkage);
      return repo.save(
        repo.create({
          supplierId: supplier.organizationId,
          householdId: household?.id ?? null,
          villageCode: household ? null : villageCode,
          type: input.type,
          terms,
          shareBasisPoints: share,
          validFrom,
          validTo,
          createdByUserId: p.userId,
        }),
      );
    });
  }

  /** Ends a linkage on validTo (inclusive); it can be brought forward, never extended. */
  end(ctx: RequestContext, id: string, validToInput: string): Promise<Linkage> {
    const p = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const linkage = await lockRow(this.db, tx, Linkage, id, 'Linkage');
      const supplier = await this.suppliers.get(tx, linkage.supplierId);
      const household = linkage.householdId
        ? await this.db.repo(tx, Household).findOneByOrFail({ id: linkage.householdId })
        : null;
      await this.assertMayManage(tx, p, supplier, household?.villageCode ?? (linkage.villageCode as string), null);
      const validTo = parseBusinessDate(validToInput, 'validTo');
      if (validTo < linkage.validFrom) throw invalidDates(linkage.validFrom, validTo);
      if (linkage.validTo && validTo > linkage.validTo) {
        throw badInput(`The linkage already ends on ${linkage.validTo}; it can be ended earlier, not extended`, {
          field: 'validTo',
        });
      }
      await this.db.repo(tx, Linkage).update({ id: linkage.id }, { validTo });
      return { ...linkage, validTo };
    });
  }

  /** Whether the supplier has a benefit linkage in force on `date` (certification requires one). */
  async inForce(ctx: RequestContext, supplierId: string, date: string): Promise<boolean> {
    const rows = await this.db
      .manager(ctx)
      .query(
        `SELECT 1 FROM linkage WHERE supplier_id = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date) LIMIT 1`,
        [supplierId, date],
      );
    return rows.length > 0;
  }

  /** A supplier's linkages: its staff and platform admins see all; coordinators/auditors those in their region. */
  async list(ctx: RequestContext, supplierId: string): Promise<Linkage[]> {
    const p = ctx.requirePrincipal();
    const supplier = await this.suppliers.get(ctx, supplierId);
    const qb = this.db
      .repo(ctx, Linkage)
      .createQueryBuilder('l')
      .where('l.supplier_id = :supplierId', { supplierId: supplier.organizationId })
      .orderBy('l.valid_from', 'DESC')
      .addOrderBy('l.created_at', 'DESC')
      .limit(1000);
    if (!p.hasRole(Role.PLATFORM_ADMIN) && !staffSupplierIds(p).includes(supplier.organizationId)) {
      const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
      if (!prefixes.length) throw forbidden('You may only see your own supplier’s linkages');
      if (!covers(prefixes, supplier.countyCode)) {
        qb.leftJoin(Household, 'h', 'h.id = l.household_id').andWhere(
          'COALESCE(l.village_code, h.village_code) LIKE ANY(:prefixes)',
          { prefixes: likeAny(prefixes) },
        );
      }
    }
    return qb.getMany();
  }

  /**
   * Staff of the supplier, or a coordinator whose prefix covers the village concerned. Staff may
   * only link households their supplier registered or is already linked to: linking is what
   * reveals a household's name, so other households are linked by the coordinator.
   */
  private async assertMayManage(
    ctx: RequestContext,
    p: Principal,
    supplier: SupplierProfile,
    villageCode: string,
    newHousehold: Household | null,
  ): Promise<void> {
    if (covers(p.regionPrefixes(Role.COORDINATOR), villageCode)) return;
    if (staffSupplierIds(p).includes(supplier.organizationId)) {
      if (!newHousehold || newHousehold.createdByOrgId === supplier.organizationId) return;
      const linked = await this.db
        .repo(ctx, Linkage)
        .existsBy({ supplierId: supplier.organizationId, householdId: newHousehold.id });
      if (linked) return;
      throw forbidden(
        'This household was registered by someone else: ask the county coordinator to record the linkage',
      );
    }
    throw forbidden('Only the supplier’s staff or the coordinator of the region may manage its linkages');
  }
}

function invalidDates(validFrom: string, validTo: string): AppError {
  return new AppError(ErrorCode.INVALID_DATES, `validTo (${validTo}) is before validFrom (${validFrom})`, {
    field: 'validTo',
  });
}
