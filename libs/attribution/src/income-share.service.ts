import { Injectable } from '@nestjs/common';
import { assertUuid, Db, isUuid, notFound, type RequestContext } from '@bangfu/core';
import type { Fen } from '@bangfu/money';
import { ProductIncomeShare } from './attribution.types';
import { AttributionRuleService, perUnitToHouseholds } from './attribution-rule.service';
import { AttributionKind, ruleInForce } from './engine';
import { shanghaiDate } from './periods';

/**
 * The product page's income share: what one unit brings households under the rule in force now.
 * Batched (`incomeShares` takes many products) so a product list costs a fixed number of queries.
 */
@Injectable()
export class IncomeShareService {
  constructor(
    private readonly db: Db,
    private readonly rules: AttributionRuleService,
  ) {}

  async productIncomeShare(ctx: RequestContext, productId: string): Promise<ProductIncomeShare> {
    assertUuid(productId, 'productId');
    const share = (await this.incomeShares(ctx, [productId])).get(productId);
    if (!share) throw notFound('Product', productId);
    return share;
  }

  /** For the catalog's Product.incomeShare.perUnitToHouseholds: product id → fen per unit (null without a rule). */
  async perUnitToHouseholds(ctx: RequestContext, productIds: string[]): Promise<Map<string, Fen | null>> {
    const shares = await this.incomeShares(ctx, productIds);
    return new Map([...shares.entries()].map(([id, s]) => [id, s.perUnitToHouseholds]));
  }

  async incomeShares(ctx: RequestContext, productIdsIn: string[]): Promise<Map<string, ProductIncomeShare>> {
    const productIds = [...new Set(productIdsIn)].filter((id) => isUuid(id));
    const out = new Map<string, ProductIncomeShare>();
    if (productIds.length === 0) return out;
    const m = this.db.manager(ctx);
    const products: Array<{ id: string; supplier_id: string }> = await m.query(
      `SELECT id, supplier_id FROM product_directory WHERE id = ANY($1::uuid[])`,
      [productIds],
    );
    const supplierIds = [...new Set(products.map((p) => p.supplier_id))];
    const today = shanghaiDate(new Date());
    const rules = await this.rules.ruleFacts(ctx, supplierIds);
    const variants: Array<{ id: string; product_id: string; retail_price: string }> = await m.query(
      `SELECT id, product_id, retail_price FROM variant_directory WHERE product_id = ANY($1::uuid[]) AND active ORDER BY retail_price, id`,
      [productIds],
    );
    const lotHouseholds: Array<{ product_id: string; n: number }> = await m.query(
      `SELECT v.product_id, count(DISTINCT c.household_id)::int AS n
         FROM lot_contribution_directory c JOIN lot_directory lot ON lot.id = c.lot_id
         JOIN variant_directory v ON v.id = lot.variant_id
        WHERE v.product_id = ANY($1::uuid[]) GROUP BY v.product_id`,
      [productIds],
    );
    const linkages: Array<{
      id: string;
      supplier_id: string;
      household_id: string | null;
      type: string;
      share_basis_points: number | null;
    }> = await m.query(
      `SELECT id, supplier_id, household_id, type, share_basis_points FROM linkage_directory
        WHERE supplier_id = ANY($1::uuid[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY id`,
      [supplierIds, today],
    );
    const now = new Date();
    for (const p of products) {
      const rule = ruleInForce(rules, p.supplier_id, p.id, now);
      const mine = linkages.filter((l) => l.supplier_id === p.supplier_id);
      const pooled = rule && (rule.kind === AttributionKind.WAGE || rule.kind === AttributionKind.DIVIDEND);
      const shares = pooled
        ? mine
            .filter((l) => l.type === rule.kind && (l.share_basis_points ?? 0) > 0)
            .map((l) => ({ household: l.household_id !== null, shareBp: l.share_basis_points as number }))
        : [];
      const perVariant = variants
        .filter((v) => v.product_id === p.id)
        .map((v) => ({
          variantId: v.id,
          retailPrice: Number(v.retail_price),
          perUnitToHouseholds: rule ? perUnitToHouseholds(rule, Number(v.retail_price), shares) : null,
        }));
      const linkedHouseholds = (type?: string) =>
        new Set(mine.filter((l) => l.household_id && (!type || l.type === type)).map((l) => l.household_id)).size;
      const householdCount = pooled
        ? linkedHouseholds(rule.kind)
        : (lotHouseholds.find((x) => x.product_id === p.id)?.n ?? 0) || linkedHouseholds();
      out.set(p.id, {
        productId: p.id,
        kind: rule?.kind ?? null,
        ruleVersion: rule?.version ?? null,
        // Variants are ordered by retail price: the first is the cheapest, the least a unit brings.
        perUnitToHouseholds: perVariant[0]?.perUnitToHouseholds ?? null,
        householdsBasisPoints: rule?.kind === AttributionKind.REVENUE_SHARE ? rule.householdsBp : null,
        householdCount,
        variants: perVariant,
      });
    }
    return out;
  }
}
