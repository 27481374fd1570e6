import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { ErrorCode, AppError, type RequestContext } from '@bangfu/core';
import { VariantService } from '@bangfu/catalog';
import { MAX_LINES, MAX_QUANTITY } from '@bangfu/ordering';
import { assertKnownId, requireUnitPurchaser } from './access';
import { LimitsService } from './limits.service';
import { LimitKind } from './procurement.entities';
import type { BasketInput, BasketPreview } from './procurement.types';

/**
 * The basket a purchaser is building, priced at agency prices from the catalogue, with whether its
 * submission would need approval. Only a preview: the checkout prices and checks again on submission.
 */
@Injectable()
export class BasketService {
  constructor(
    private readonly limits: LimitsService,
    private readonly variants: VariantService,
  ) {}

  async preview(ctx: RequestContext, input: BasketInput): Promise<BasketPreview> {
    const p = requireUnitPurchaser(ctx, input.buyerOrgId, 'builds its baskets');
    const lines = input.lines ?? [];
    if (lines.length === 0 || lines.length > MAX_LINES)
      throw new AppError(ProcurementErrorCode.INVALID_BASKET, `A basket has 1 to ${MAX_LINES} lines`, {
        field: 'lines',
      });
    for (const [i, l] of lines.entries()) {
      assertKnownId(l.variantId, 'Variant');
      if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_QUANTITY) {
        throw new AppError(ErrorCode.INVALID_QUANTITY, `lines[${i}].quantity must be 1 to ${MAX_QUANTITY}`, {
          field: `lines[${i}].quantity`,
        });
      }
    }
    const variants = await this.variants.forSale(
      ctx,
      lines.map((l) => l.variantId),
    );
    const byId = new Map(
      variants.map((v) => [
        v.variantId,
        {
          id: v.variantId,
          product_id: v.productId,
          title: v.title,
          sku: v.sku,
          spec: v.spec,
          unit: v.unit,
          agency_price: v.agencyPrice,
          available: v.available,
        },
      ]),
    );
    let total = 0;
    const priced = lines.map((l, i) => {
      const r = byId.get(l.variantId.toLowerCase());
      if (!r)
        throw new AppError(ErrorCode.UNKNOWN_VARIANT, `lines[${i}].variantId is not a variant`, {
          field: `lines[${i}].variantId`,
        });
      const lineTotal = Number(r.agency_price) * l.quantity;
      total += lineTotal;
      return {
        variantId: r.id,
        productId: r.product_id,
        productTitle: r.title,
        sku: r.sku,
        spec: r.spec,
        unit: r.unit,
        agencyPrice: Number(r.agency_price),
        quantity: l.quantity,
        lineTotal,
        stockAvailable: Number(r.available),
      };
    });
    const limit = await this.limits.limitOf(ctx, input.buyerOrgId, p.userId, LimitKind.SPENDING);
    const policy = await this.limits.policy(ctx, input.buyerOrgId);
    const withinLimit = total <= limit;
    return {
      lines: priced,
      totalAmount: total,
      spendingLimit: limit,
      withinLimit,
      approvalRequired: !(policy.skipApprovalBelowLimit && withinLimit),
    };
  }
}
