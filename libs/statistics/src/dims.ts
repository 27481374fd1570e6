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

  async resolve(ctx: RequestContext, order: CountingOrder): Promise<LineDims[]> {
    const channelKind = new Map<string, string>();
    const supplierKind = new Map<string, string>();
    const category = new Map<string, string>();
    // Sequential: inside a transaction the services share one connection.
    for (const id of new Set(order.lines.map((l) => l.channelId))) channelKind.set(id, (await this.channels.get(ctx, id)).kind);
    for (const id of new Set(order.lines.map((l) => l.supplierId))) supplierKind.set(id, (await this.suppliers.get(ctx, id)).kind);
    for (const id of new Set(order.lines.map((l) => l.productId))) category.set(id, (await this.products.get(ctx, id)).categoryId ?? '');
    const buyerRegionCode = order.buyerKind === 'AGENCY' && order.buyerOrgId ? ((await this.organizations.get(ctx, order.buyerOrgId)).regionCode ?? '') : '';
    return order.lines.map((l) => ({
      channelKind: channelKind.get(l.channelId)!,
      supplierKind: supplierKind.get(l.supplierId)!,
      categoryKey: category.get(l.productId)!,
      buyerRegionCode,
    }));
  }
}
