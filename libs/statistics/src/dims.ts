import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { ProductService } from '@bangfu/catalog';
import { ChannelService } from '@bangfu/channel';
import { OrganizationService } from '@bangfu/identity';
import type { CountingOrder } from '@bangfu/ordering';
import { SupplierService } from '@bangfu/supplier';
import type { LineDims } from './counting';

/**
 * The dimensions a line's snapshot lacks (channel kind, supplier kind, category, buyer region), asked
 * of their owners' services when the line counts; they are frozen in stats_line from then on, so a
 * later re-categorisation does not move past sales.
 */
@Injectable()
export class LineDimsResolver {
  constructor(
    private readonly channels: ChannelService,
    private readonly suppliers: SupplierService,
    private readonly products: ProductService,
    private readonly organizations: OrganizationService,
  ) {}

  /** Channel and supplier kinds are set when they are created and never change: cached per process. */
  private readonly channelKinds = new Map<string, string>();
  private readonly supplierKinds = new Map<string, string>();

  /**
   * `categories`: the products' categories when the caller has read them already (the writer reads them from
   * catalog's product_directory view in its lock-and-read statement, saving a round trip in the counting
   * transaction); otherwise asked of ProductService.
   */
  async resolve(ctx: RequestContext, order: CountingOrder, categories?: Map<string, string>): Promise<LineDims[]> {
    // Sequential: inside a transaction the services share one connection.
    for (const id of new Set(order.lines.map((l) => l.channelId))) {
      if (!this.channelKinds.has(id)) this.channelKinds.set(id, (await this.channels.get(ctx, id)).kind);
    }
    for (const id of new Set(order.lines.map((l) => l.supplierId))) {
      if (!this.supplierKinds.has(id)) this.supplierKinds.set(id, (await this.suppliers.get(ctx, id)).kind);
    }
    const category =
      categories && order.lines.every((l) => categories.has(l.productId))
        ? categories
        : new Map(
            (
              await this.products.getMany(
                ctx,
                order.lines.map((l) => l.productId),
              )
            ).map((p) => [p.id, p.categoryId ?? '']),
          );
    for (const l of order.lines)
      if (!category.has(l.productId)) throw new Error(`product ${l.productId} of order line ${l.id} not found`);
    const buyerRegionCode =
      order.buyerKind === 'AGENCY' && order.buyerOrgId
        ? ((await this.organizations.get(ctx, order.buyerOrgId)).regionCode ?? '')
        : '';
    return order.lines.map((l) => ({
      channelKind: this.channelKinds.get(l.channelId)!,
      supplierKind: this.supplierKinds.get(l.supplierId)!,
      categoryKey: category.get(l.productId)!,
      buyerRegionCode,
    }));
  }
}
