import { AttributionErrorCode } from './attribution.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  assertUuid,
  badInput,
  Db,
  forbidden,
  notFound,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { allocate, type Fen } from '@bangfu/money';
import { AttributionRule } from './attribution.entities';
import { type SetAttributionRuleInput } from './attribution.types';
import { AttributionKind, BASIS_POINTS, type RuleFacts, ruleInForce } from './engine';
import { RULE_COLUMNS, toRuleFacts } from './facts';
import { parseInstant, shanghaiDate } from './periods';

const STAFF = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
/** A rule may start "now": allow for the clock skew between client and server. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** Parameters of a rule after validation (what is stored): the engine's rule facts without identity and version. */
type RuleShape = Omit<RuleFacts, 'id' | 'supplierId' | 'productId' | 'version' | 'effectiveFrom' | 'kind'>;

function basisPoints(value: number | null | undefined, field: string): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0)
    throw badInput(`${field} must be a whole number of basis points (1% = 100)`, { field });
  if (value > BASIS_POINTS)
    throw new AppError(AttributionErrorCode.SHARES_EXCEED_100, `${field} exceeds 100% (10000 basis points)`, { field });
  return value;
}

/** Which parameters a kind takes, as data: anything else given is refused. */
const PARAMETERS: Record<AttributionKind, Array<keyof SetAttributionRuleInput>> = {
  [AttributionKind.CONTRACT_PURCHASE]: ['perUnitPayout'],
  [AttributionKind.REVENUE_SHARE]: [
    'householdsBasisPoints',
    'villageCollectiveBasisPoints',
    'cooperativeBasisPoints',
    'villageCode',
    'cooperativeOrgId',
  ],
  [AttributionKind.WAGE]: ['poolBasisPoints'],
  [AttributionKind.DIVIDEND]: ['poolBasisPoints'],
};
const ALL_PARAMETERS = [...new Set(Object.values(PARAMETERS).flat())];

/** Shape checks that need no database: required and irrelevant parameters, ranges, 100%. */
export function ruleShape(input: SetAttributionRuleInput): RuleShape {
  if (!Object.values(AttributionKind).includes(input.kind))
    throw badInput('Unknown attribution kind', { field: 'kind' });
  for (const p of ALL_PARAMETERS) {
    if (input[p] !== null && input[p] !== undefined && !PARAMETERS[input.kind].includes(p)) {
      throw badInput(`${String(p)} does not apply to ${input.kind} rules`, { field: p });
    }
  }
  const shape: RuleShape = {
    perUnitPayout: null,
    householdsBp: basisPoints(input.householdsBasisPoints, 'householdsBasisPoints'),
    villageCollectiveBp: basisPoints(input.villageCollectiveBasisPoints, 'villageCollectiveBasisPoints'),
    cooperativeBp: basisPoints(input.cooperativeBasisPoints, 'cooperativeBasisPoints'),
    poolBp: basisPoints(input.poolBasisPoints, 'poolBasisPoints'),
    villageCode: input.villageCode?.trim() || null,
    cooperativeOrgId: input.cooperativeOrgId || null,
  };
  switch (input.kind) {
    case AttributionKind.CONTRACT_PURCHASE:
      if (!Number.isSafeInteger(input.perUnitPayout) || (input.perUnitPayout as number) <= 0) {
        throw badInput('perUnitPayout must be a positive whole number of fen', { field: 'perUnitPayout' });
      }
      shape.perUnitPayout = input.perUnitPayout as number;
      break;
    case AttributionKind.REVENUE_SHARE: {
      const total = shape.householdsBp + shape.villageCollectiveBp + shape.cooperativeBp;
      if (total > BASIS_POINTS)
        throw new AppError(
          AttributionErrorCode.SHARES_EXCEED_100,
          `The shares add up to ${total / 100}%, more than 100%`,
          {
            field: 'householdsBasisPoints',
            total,
          },
        );
      if (total === 0)
        throw badInput('A revenue share needs at least one share above zero', { field: 'householdsBasisPoints' });
      if (shape.villageCollectiveBp > 0 && !shape.villageCode)
        throw badInput('villageCode names the village collective receiving its share', { field: 'villageCode' });
      if (shape.villageCollectiveBp === 0 && shape.villageCode)
        throw badInput('villageCode is given without a village collective share', { field: 'villageCode' });
      if (shape.cooperativeBp === 0 && shape.cooperativeOrgId)
        throw badInput('cooperativeOrgId is given without a cooperative share', { field: 'cooperativeOrgId' });
      if (shape.cooperativeOrgId) assertUuid(shape.cooperativeOrgId, 'cooperativeOrgId');
      break;
    }
    case AttributionKind.WAGE:
    case AttributionKind.DIVIDEND:
      if (shape.poolBp === 0)
        throw badInput('poolBasisPoints (the share of net revenue pooled for the period) is required', {
          field: 'poolBasisPoints',
        });
      break;
  }
  return shape;
}

/** Versioned attribution rules: who may set them, what they may say, and which one is in force. */
@Injectable()
export class AttributionRuleService {
  constructor(private readonly db: Db) {}

  /** A new rule version. Supplier staff for their own products (or default), platform admins for any. */
  async setRule(ctx: RequestContext, input: SetAttributionRuleInput): Promise<AttributionRule> {
    const principal = ctx.requirePrincipal();
    const shape = ruleShape(input);
    const note = (input.note ?? '').trim();
    if (note.length > 500) throw badInput('note must be at most 500 characters', { field: 'note' });
    return this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      const productId = input.productId ? assertUuid(input.productId, 'productId') : null;
      let supplierId: string;
      if (productId) {
        const [product] = await m.query(`SELECT supplier_id FROM product_directory WHERE id = $1`, [productId]);
        if (!product) throw notFound('Product', productId);
        if (input.supplierId && input.supplierId !== product.supplier_id)
          throw badInput('supplierId is not the product’s supplier', { field: 'supplierId' });
        supplierId = product.supplier_id;
      } else {
        supplierId = assertUuid(input.supplierId, 'supplierId');
      }
      const [supplier] = await m.query(
        `SELECT organization_id, kind, county_code FROM supplier_directory WHERE organization_id = $1`,
        [supplierId],
      );
      if (!supplier) throw notFound('Supplier', supplierId);
      if (!principal.hasRole(Role.PLATFORM_ADMIN) && !principal.organizationIds(...STAFF).includes(supplierId)) {
        throw forbidden('Only the supplier’s own staff or a platform admin set its attribution rules');
      }

      const now = Date.now();
      const effectiveFrom = input.effectiveFrom
        ? parseInstant(input.effectiveFrom, 'start', 'effectiveFrom')
        : new Date(now);
      if (effectiveFrom.getTime() < now - PAST_TOLERANCE_MS) {
        throw new AppError(
          AttributionErrorCode.RULE_EFFECTIVE_IN_PAST,
          'A rule cannot take effect in the past: orders already placed keep the version they were placed under',
          {
            field: 'effectiveFrom',
          },
        );
      }
      // One version sequence per scope; the lock makes "max + 1" safe under concurrent edits.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `attribution_rule:${supplierId}:${productId ?? 'default'}`,
      ]);
      const [last] = await m.query(
        `SELECT version, effective_from FROM attribution_rule WHERE supplier_id = $1 AND product_id IS NOT DISTINCT FROM $2 ORDER BY version DESC LIMIT 1`,
        [supplierId, productId],
      );
      if (last && effectiveFrom.getTime() < new Date(last.effective_from).getTime()) {
        throw new AppError(
          AttributionErrorCode.RULE_EFFECTIVE_BEFORE_PREVIOUS,
          `Version ${last.version} takes effect later; a new version cannot start before it`,
          { field: 'effectiveFrom' },
        );
      }

      await this.checkRevenue(tx, input.kind, shape, supplierId, productId);
      await this.checkBeneficiaries(tx, input.kind, shape, supplier, shanghaiDate(effectiveFrom));

      const repo = this.db.repo(tx, AttributionRule);
      const rule = await repo.save(
        repo.create({
          supplierId,
          productId,
          version: (last?.version ?? 0) + 1,
          effectiveFrom,
          kind: input.kind,
          perUnitPayout: shape.perUnitPayout,
          householdsBasisPoints: shape.householdsBp,
          villageCollectiveBasisPoints: shape.villageCollectiveBp,
          cooperativeBasisPoints: shape.cooperativeBp,
          poolBasisPoints: shape.poolBp,
          villageCode: shape.villageCode,
          cooperativeOrgId: shape.cooperativeOrgId,
          note,
          createdByUserId: tx.userId,
        }),
      );
      rule.inForce = rule.effectiveFrom.getTime() <= Date.now();
      return rule;
    });
  }

  /** A fixed payout per unit may not exceed the lowest unit price it applies to (retail or agency). */
  private async checkRevenue(
    tx: RequestContext,
    kind: AttributionKind,
    shape: RuleShape,
    supplierId: string,
    productId: string | null,
  ): Promise<void> {
    if (kind !== AttributionKind.CONTRACT_PURCHASE) return;
    const [row] = await this.db
      .manager(tx)
      .query(
        productId
          ? `SELECT min(LEAST(retail_price, agency_price)) AS lowest FROM variant_directory WHERE product_id = $1`
          : `SELECT min(LEAST(v.retail_price, v.agency_price)) AS lowest FROM variant_directory v JOIN product_directory p ON p.id = v.product_id WHERE p.supplier_id = $1`,
        [productId ?? supplierId],
      );
    const lowest = row?.lowest === null || row?.lowest === undefined ? null : Number(row.lowest);
    if (lowest !== null && (shape.perUnitPayout as number) > lowest) {
      throw new AppError(
        AttributionErrorCode.RULE_EXCEEDS_REVENUE,
        `The payout per unit (${shape.perUnitPayout} fen) exceeds the lowest unit price it applies to (${lowest} fen)`,
        {
          field: 'perUnitPayout',
          lowestUnitPrice: lowest,
        },
      );
    }
  }

  /** Every named beneficiary must be linked (利益联结) to the supplier on the day the rule takes effect. */
  private async checkBeneficiaries(
    tx: RequestContext,
    kind: AttributionKind,
    shape: RuleShape,
    supplier: { organization_id: string; kind: string },
    day: string,
  ): Promise<void> {
    const m = this.db.manager(tx);
    const active = `valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`;
    if (kind === AttributionKind.REVENUE_SHARE) {
      if (shape.villageCode) {
        const [linked] = await m.query(
          `SELECT 1 FROM linkage_directory WHERE supplier_id = $1 AND village_code = $3 AND ${active} LIMIT 1`,
          [supplier.organization_id, day, shape.villageCode],
        );
        if (!linked)
          throw new AppError(
            AttributionErrorCode.BENEFICIARY_NOT_LINKED,
            `Village collective ${shape.villageCode} has no linkage (利益联结) with this supplier`,
            { field: 'villageCode' },
          );
      }
      if (shape.cooperativeBp > 0) {
        shape.cooperativeOrgId ??= supplier.kind === 'COOPERATIVE' ? supplier.organization_id : null;
        if (shape.cooperativeOrgId !== supplier.organization_id || supplier.kind !== 'COOPERATIVE') {
          throw new AppError(
            AttributionErrorCode.BENEFICIARY_NOT_LINKED,
            'The cooperative share goes to the supplier itself, which must be a cooperative (合作社)',
            { field: 'cooperativeOrgId' },
          );
        }
      }
    }
    if (kind === AttributionKind.WAGE || kind === AttributionKind.DIVIDEND) {
      const [row] = await m.query(
        `SELECT count(*)::int AS n, coalesce(sum(share_basis_points), 0)::int AS total FROM linkage_directory
          WHERE supplier_id = $1 AND type = $3 AND share_basis_points > 0 AND ${active}`,
        [supplier.organization_id, day, kind],
      );
      if (row.n === 0) {
        throw new AppError(
          AttributionErrorCode.BENEFICIARY_NOT_LINKED,
          `The supplier has no ${kind} linkage with a share to distribute the pool by`,
          { field: 'poolBasisPoints' },
        );
      }
      if (row.total > BASIS_POINTS) {
        throw new AppError(
          AttributionErrorCode.SHARES_EXCEED_100,
          `The ${kind} linkages’ shares add up to ${row.total / 100}%, more than 100%`,
          { field: 'poolBasisPoints', total: row.total },
        );
      }
    }
  }

  /** The versions of a product’s rule and of its supplier’s default (or a supplier’s defaults), newest first. */
  async listRules(
    ctx: RequestContext,
    productId?: string | null,
    supplierIdIn?: string | null,
  ): Promise<AttributionRule[]> {
    const principal = ctx.requirePrincipal();
    const m = this.db.manager(ctx);
    let supplierId: string;
    if (productId) {
      assertUuid(productId, 'productId');
      const [product] = await m.query(`SELECT supplier_id FROM product_directory WHERE id = $1`, [productId]);
      if (!product) throw notFound('Product', productId);
      supplierId = product.supplier_id;
    } else {
      supplierId = assertUuid(supplierIdIn, 'supplierId');
    }
    await this.requireRuleReader(ctx, principal, supplierId);
    const rules = await this.db
      .repo(ctx, AttributionRule)
      .createQueryBuilder('r')
      .where('r.supplier_id = :supplierId', { supplierId })
      .andWhere(productId ? '(r.product_id = :productId OR r.product_id IS NULL)' : 'r.product_id IS NULL', {
        productId,
      })
      .orderBy('r.product_id IS NULL', 'ASC')
      .addOrderBy('r.version', 'DESC')
      .getMany();
    const current = ruleInForce(rules, supplierId, productId ?? '', new Date());
    for (const r of rules) r.inForce = r.id === current?.id;
    return rules;
  }

  private async requireRuleReader(ctx: RequestContext, principal: Principal, supplierId: string): Promise<void> {
    if (principal.hasRole(Role.PLATFORM_ADMIN) || principal.organizationIds(...STAFF).includes(supplierId)) return;
    const prefixes = principal.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
    if (prefixes.length) {
      const [row] = await this.db
        .manager(ctx)
        .query(`SELECT 1 FROM supplier_directory WHERE organization_id = $1 AND county_code LIKE ANY($2::text[])`, [
          supplierId,
          prefixes.map((p) => `${p}%`),
        ]);
      if (row) return;
    }
    throw forbidden(
      'Attribution rules are visible to the supplier’s staff, coordinators and auditors of its region, and platform admins',
    );
  }

  /** The rules (all versions) of the given suppliers, as facts for ruleInForce. */
  async ruleFacts(ctx: RequestContext, supplierIds: string[]) {
    if (supplierIds.length === 0) return [];
    const rows = await this.db
      .manager(ctx)
      .query(`SELECT ${RULE_COLUMNS} FROM attribution_rule WHERE supplier_id = ANY($1::uuid[])`, [supplierIds]);
    return (rows as Array<Record<string, any>>).map(toRuleFacts);
  }
}

/** Households' part of one unit sold at `price` under a rule (the product page's "income share"). */
export function perUnitToHouseholds(
  rule: Pick<RuleFacts, 'kind' | 'perUnitPayout' | 'householdsBp' | 'villageCollectiveBp' | 'cooperativeBp' | 'poolBp'>,
  price: Fen,
  linkageShares: Array<{ household: boolean; shareBp: number }>,
): Fen {
  switch (rule.kind) {
    case AttributionKind.CONTRACT_PURCHASE:
      return Math.min(rule.perUnitPayout ?? 0, price);
    case AttributionKind.REVENUE_SHARE:
      return allocate(price, [
        rule.householdsBp,
        rule.villageCollectiveBp,
        rule.cooperativeBp,
        Math.max(0, BASIS_POINTS - rule.householdsBp - rule.villageCollectiveBp - rule.cooperativeBp),
      ])[0];
    default: {
      const [pool] = allocate(price, [rule.poolBp, BASIS_POINTS - rule.poolBp]);
      if (linkageShares.length === 0 || pool === 0) return 0;
      const shares = linkageShares.map((l) => l.shareBp);
      const split = allocate(pool, [...shares, Math.max(0, BASIS_POINTS - shares.reduce((a, b) => a + b, 0))]);
      return linkageShares.reduce((a, l, i) => a + (l.household ? split[i] : 0), 0);
    }
  }
}
