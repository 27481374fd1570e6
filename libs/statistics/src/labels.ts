import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { CategoryService } from '@bangfu/catalog';
import { ChannelService } from '@bangfu/channel';
import { RegionService } from '@bangfu/region';
import { SupplierService } from '@bangfu/supplier';
import { type RegionScope, WHOLE_COUNTRY } from './scope';
import { SalesGroupBy } from './statistics.types';

/** Row key for "no value": retail/counter sales on the BUYER side, products without a category. */
export const NONE_KEY = 'NONE';

export const KIND_LABELS: Record<string, string> = {
  HALL: '专馆',
  ZONE: '专区',
  COUNTER: '专柜',
  ENTERPRISE: '企业',
  COOPERATIVE: '合作社',
  FAMILY_FARM: '家庭农场',
  TRADING_AGENT: '贸易商',
  AGENCY: '预算单位',
  RETAIL: '零售',
};

/** Buyer kinds read differently from channel kinds (COUNTER is both). */
const BUYER_KIND_LABELS: Record<string, string> = { AGENCY: '预算单位采购', RETAIL: '个人零售', COUNTER: '专柜零售' };

/** Row labels, from the owners' services (names are looked up for the rows shown, never stored). */
@Injectable()
export class LabelService {
  constructor(
    private readonly regions: RegionService,
    private readonly channels: ChannelService,
    private readonly suppliers: SupplierService,
    private readonly categories: CategoryService,
  ) {}

  async regionPath(ctx: RequestContext, regionCode: string): Promise<string[]> {
    if (regionCode === WHOLE_COUNTRY) return [];
    return (await this.regions.path(ctx, regionCode)).map((r) => r.name);
  }

  async labels(
    ctx: RequestContext,
    groupBy: SalesGroupBy,
    scope: RegionScope,
    keys: string[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const real = keys.filter((k) => k !== NONE_KEY);
    switch (groupBy) {
      case SalesGroupBy.REGION: {
        const children = await this.regions.children(ctx, scope.prefix === '' ? null : scope.regionCode);
        for (const r of children) out.set(r.code, r.name);
        const self = scope.prefix === '' ? null : await this.regions.find(ctx, scope.regionCode);
        if (self && !out.has(self.code)) out.set(self.code, `${self.name}（本级）`);
        out.set(NONE_KEY, '无采购单位地区（零售、专柜）');
        break;
      }
      case SalesGroupBy.CHANNEL:
        for (const id of real) out.set(id, (await this.channels.find(ctx, id))?.name ?? id);
        break;
      case SalesGroupBy.SUPPLIER:
        for (const v of await this.suppliers.viewsByIds(ctx, real)) out.set(v.id, v.name);
        break;
      case SalesGroupBy.CATEGORY:
        for (const id of real) out.set(id, (await this.categories.namePath(ctx, id)).join(' / ') || id);
        out.set(NONE_KEY, '未分类');
        break;
      case SalesGroupBy.MONTH:
        for (const k of keys) out.set(k, `${k.slice(0, 4)}年${Number(k.slice(5, 7))}月`);
        break;
      case SalesGroupBy.BUYER_KIND:
        for (const k of keys) out.set(k, BUYER_KIND_LABELS[k] ?? k);
        break;
      default:
        for (const k of keys) out.set(k, KIND_LABELS[k] ?? k);
    }
    return out;
  }
}
