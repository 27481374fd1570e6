import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { VariantService } from '@bangfu/catalog';
import { type Channel, ChannelService } from '@bangfu/channel';
import { OrganizationService, UserService } from '@bangfu/identity';
import { type OrderSignalFilter, type OrderSignalLine, OrderSignalsService } from '@bangfu/ordering';
import { PurchaseRequestService } from '@bangfu/procurement';
import { SupplierService, type SupplierView } from '@bangfu/supplier';

export interface Place {
  name: string;
  regionCode: string;
}

/**
 * Everything a detector may read, through the owning libs' exported services (never their tables),
 * plus small per-run caches for the names and regions of suppliers, units and channels.
 */
export interface DetectorDeps {
  orders: OrderSignalsService;
  variants: VariantService;
  users: UserService;
  channels: ChannelService;
  purchaseRequests: PurchaseRequestService;
  supplier(id: string): Promise<Place>;
  /** Reads the places of those of these suppliers not known yet, in one statement (for loops over many). */
  preloadSuppliers(ids: string[]): void;
  organization(id: string): Promise<Place>;
  channel(id: string): Promise<Channel | null>;
}

@Injectable()
export class DetectorDepsFactory {
  constructor(
    private readonly orders: OrderSignalsService,
    private readonly variants: VariantService,
    private readonly users: UserService,
    private readonly channels: ChannelService,
    private readonly purchaseRequests: PurchaseRequestService,
    private readonly organizations: OrganizationService,
    private readonly suppliers: SupplierService,
  ) {}

  /** Fresh caches per run: names, regions and an order's lines may change between runs. */
  forRun(ctx: RequestContext): DetectorDeps {
    const suppliers = new Map<string, Promise<Place>>();
    const orgs = new Map<string, Promise<Place>>();
    const channels = new Map<string, Promise<Channel | null>>();
    const memo = <T>(m: Map<string, Promise<T>>, id: string, load: () => Promise<T>) => {
      if (!m.has(id)) m.set(id, load());
      return m.get(id)!;
    };
    const placeOf = (id: string, v: SupplierView | undefined): Place => ({
      name: v?.name ?? id,
      regionCode: v?.countyCode ?? '',
    });
    // An order event runs six rules, and each starts from the order's own lines: read once per run,
    // and their suppliers (whom the rules name) in one statement with them rather than one each.
    const ownLines = new Map<string, Promise<OrderSignalLine[]>>();
    const preloadSuppliers = (ids: string[]) => {
      const missing = [...new Set(ids)].filter((id) => !suppliers.has(id));
      if (missing.length < 2) return;
      const views = this.suppliers.viewsByIds(ctx, missing);
      for (const id of missing) {
        const place = views.then((vs) =>
          placeOf(
            id,
            vs.find((v) => v.id === id),
          ),
        );
        place.catch(() => undefined); // a supplier no rule asks for must not leave a rejection unhandled
        suppliers.set(id, place);
      }
    };
    const loadOwn = async (f: OrderSignalFilter) => {
      const lines = await this.orders.lines(ctx, f);
      preloadSuppliers(lines.map((l) => l.supplierId));
      return lines;
    };
    const orders = Object.create(this.orders) as OrderSignalsService;
    orders.lines = (c: RequestContext, f: OrderSignalFilter) => {
      const byOrderOnly = c === ctx && f.orderIds && Object.keys(f).length === 1;
      if (!byOrderOnly) return this.orders.lines(c, f);
      return memo(ownLines, [...f.orderIds!].sort().join(','), () => loadOwn(f)).then((ls) => [...ls]);
    };
    return {
      orders,
      variants: this.variants,
      users: this.users,
      channels: this.channels,
      purchaseRequests: this.purchaseRequests,
      supplier: (id) => memo(suppliers, id, async () => placeOf(id, (await this.suppliers.viewsByIds(ctx, [id]))[0])),
      preloadSuppliers,
      organization: (id) =>
        memo(orgs, id, async () => {
          const o = await this.organizations.get(ctx, id);
          return { name: o.name, regionCode: o.regionCode ?? '' };
        }),
      channel: (id) => memo(channels, id, () => this.channels.find(ctx, id)),
    };
  }
}
