import { ChannelErrorCode } from './channel.errors';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  AppError,
  Db,
  ErrorCode,
  forbidden,
  isUuid,
  notFound,
  type Principal,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { ProductService, ProductStatus } from '@bangfu/catalog';
import { CertificationService } from '@bangfu/certification';
import { OrganizationService } from '@bangfu/identity';
import { normalizePrefix, RegionLevel, RegionService } from '@bangfu/region';
import { SupplierService } from '@bangfu/supplier';
import { Channel, ChannelKind, ChannelProduct, ChannelStatus } from './channel.entities';
import type { CreateChannelInput, CreateChannelPayload } from './channel.types';

export interface ChannelListFilter {
  kind?: ChannelKind | null;
  regionCode?: string | null;
  includeDisabled?: boolean | null;
}

const ALL_LEVELS = [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWN, RegionLevel.VILLAGE];

/** A fresh counter secret: 256 random bits, URL-safe text (the HMAC key is its UTF-8 bytes). */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * 三专: halls, zones and counters, and which products are placed in them. Platform admins manage
 * every channel, coordinators the channels in their region; suppliers place their own products.
 */
@Injectable()
export class ChannelService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly organizations: OrganizationService,
    private readonly suppliers: SupplierService,
    private readonly certifications: CertificationService,
    private readonly products: ProductService,
  ) {}

  /** Active channels for everyone; disabled ones too for callers who manage some channel. */
  async list(ctx: RequestContext, filter: ChannelListFilter = {}): Promise<Channel[]> {
    const qb = this.db
      .repo(ctx, Channel)
      .createQueryBuilder('c')
      .orderBy('c.kind', 'ASC')
      .addOrderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(500);
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.regionCode) {
      let prefix: string;
      try {
        prefix = normalizePrefix(filter.regionCode.trim());
      } catch {
        throw new AppError(ErrorCode.INVALID_REGION_CODE, `${filter.regionCode} is not a division code or prefix`, {
          field: 'regionCode',
        });
      }
      qb.andWhere('c.region_code LIKE :prefix', { prefix: `${prefix}%` });
    }
    const p = ctx.principal;
    if (!filter.includeDisabled || !p) {
      qb.andWhere('c.status = :active', { active: ChannelStatus.ACTIVE });
    } else if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const prefixes = p.regionPrefixes(Role.COORDINATOR).map((x) => `${x}%`);
      qb.andWhere(
        prefixes.length ? `(c.status = :active OR c.region_code LIKE ANY(:prefixes))` : 'c.status = :active',
        { active: ChannelStatus.ACTIVE, prefixes },
      );
    }
    return qb.getMany();
  }

  async find(ctx: RequestContext, id: string): Promise<Channel | null> {
    if (!isUuid(id)) return null;
    return this.db.repo(ctx, Channel).findOneBy({ id });
  }

  async get(ctx: RequestContext, id: string): Promise<Channel> {
    const channel = await this.find(ctx, id);
    if (!channel) throw notFound('Channel', id);
    return channel;
  }

  /**
   * For official indicators (statistics): active channels of each kind under `prefix` ('' = the whole
   * country, which also counts online halls without a region) created before `before`.
   */
  async countByKind(ctx: RequestContext, prefix: string, before: Date): Promise<Record<ChannelKind, number>> {
    const rows: Array<{ kind: ChannelKind; n: string }> = await this.db.manager(ctx).query(
      `SELECT kind, count(*) AS n FROM channel
        WHERE status = 'ACTIVE' AND created_at < $2 AND ($1 = '' OR region_code LIKE $1 || '%') GROUP BY kind`,
      [prefix, before],
    );
    const out = { [ChannelKind.HALL]: 0, [ChannelKind.ZONE]: 0, [ChannelKind.COUNTER]: 0 } as Record<
      ChannelKind,
      number
    >;
    for (const r of rows) out[r.kind] = Number(r.n);
    return out;
  }

  async productCount(ctx: RequestContext, channelId: string): Promise<number> {
    return this.db.repo(ctx, ChannelProduct).countBy({ channelId });
  }

  async create(ctx: RequestContext, input: CreateChannelInput): Promise<CreateChannelPayload> {
    const p = ctx.requirePrincipal();
    return this.db.transaction(ctx, async (tx) => {
      const name = input.name?.trim() ?? '';
      if (name.length < 1 || name.length > 200)
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must be 1–200 characters', { field: 'name' });
      const online = input.online ?? false;
      if (online && input.kind !== ChannelKind.HALL) {
        throw new AppError(
          ChannelErrorCode.ONLINE_ONLY_FOR_HALL,
          'Only a HALL (专馆) can be online; zones and counters are physical',
          { field: 'online' },
        );
      }
      const address = input.address?.trim() ?? '';
      if (address.length > 500)
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'address must be at most 500 characters', { field: 'address' });
      const regionCode = input.regionCode?.trim() || null;
      if (!online && (!regionCode || !address)) {
        throw new AppError(
          ChannelErrorCode.LOCATION_REQUIRED,
          'A physical hall, zone or counter needs a region code and an address',
          {
            field: regionCode ? 'address' : 'regionCode',
          },
        );
      }
      if (regionCode) await this.regions.requireLevel(tx, regionCode, ALL_LEVELS, 'regionCode');
      this.assertManages(p, regionCode);
      if (input.operatorOrgId) {
        if (!isUuid(input.operatorOrgId))
          throw new AppError(ErrorCode.BAD_USER_INPUT, 'operatorOrgId is not an id', { field: 'operatorOrgId' });
        await this.organizations.get(tx, input.operatorOrgId);
      }
      const deviceSecret = input.kind === ChannelKind.COUNTER ? newDeviceSecret() : null;
      const deviceId = deviceSecret
        ? `CTR-${(regionCode ?? '000000').slice(0, 6)}-${randomBytes(5).toString('hex').toUpperCase()}`
        : null;
      const repo = this.db.repo(tx, Channel);
      const saved = await repo.save(
        repo.create({
          kind: input.kind,
          name,
          online,
          regionCode,
          address,
          operatorOrgId: input.operatorOrgId ?? null,
          assistanceOnly: input.assistanceOnly ?? true,
          deviceId,
          deviceSecret,
          status: ChannelStatus.ACTIVE,
        }),
      );
      return { channel: await this.get(tx, saved.id), deviceSecret };
    });
  }

  /** Issues a new counter secret (the old one stops working at once) and shows it this once. */
  async rotateSecret(ctx: RequestContext, channelId: string): Promise<CreateChannelPayload> {
    return this.db.transaction(ctx, async (tx) => {
      const channel = await this.lockForManagement(tx, channelId);
      if (channel.kind !== ChannelKind.COUNTER)
        throw new AppError(ChannelErrorCode.NOT_A_COUNTER, 'Only a COUNTER (专柜) has a device secret', {
          field: 'channelId',
        });
      const deviceSecret = newDeviceSecret();
      await this.db.repo(tx, Channel).update({ id: channel.id }, { deviceSecret });
      return { channel, deviceSecret };
    });
  }

  async setStatus(ctx: RequestContext, channelId: string, status: ChannelStatus): Promise<Channel> {
    return this.db.transaction(ctx, async (tx) => {
      const channel = await this.lockForManagement(tx, channelId);
      if (channel.status !== status) await this.db.repo(tx, Channel).update({ id: channel.id }, { status });
      return this.get(tx, channel.id);
    });
  }

  /**
   * Places a product in a channel (idempotent). The product's supplier staff or a platform admin;
   * the product must be published, its supplier approved, and, in an assistance-only channel,
   * certified today.
   */
  async place(ctx: RequestContext, channelId: string, productId: string): Promise<Channel> {
    return this.db.transaction(ctx, async (tx) => {
      const channel = await this.get(tx, channelId);
      const product = await this.products.get(tx, productId);
      this.assertActsForProduct(tx.requirePrincipal(), product.supplierId);
      if (channel.status !== ChannelStatus.ACTIVE)
        throw new AppError(ChannelErrorCode.CHANNEL_DISABLED, `Channel ${channel.name} is disabled`, {
          field: 'channelId',
        });
      if (product.status !== ProductStatus.PUBLISHED) {
        throw new AppError(
          ChannelErrorCode.PRODUCT_NOT_PUBLISHED,
          'Only a published product can be placed in a channel',
          {
            field: 'productId',
            status: product.status,
          },
        );
      }
      await this.suppliers.requireApproved(tx, product.supplierId);
      if (channel.assistanceOnly && !(await this.certifications.isValidOn(tx, productId))) {
        throw new AppError(
          ChannelErrorCode.PRODUCT_NOT_CERTIFIED,
          `${channel.name} sells certified assistance products only (帮扶产品认定), and this product holds no certificate valid today`,
          {
            field: 'productId',
          },
        );
      }
      await this.db
        .manager(tx)
        .query(
          `INSERT INTO channel_product (channel_id, product_id, placed_by_user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [channel.id, productId, tx.userId],
        );
      return channel;
    });
  }

  async remove(ctx: RequestContext, channelId: string, productId: string): Promise<Channel> {
    return this.db.transaction(ctx, async (tx) => {
      const channel = await this.get(tx, channelId);
      const product = await this.products.get(tx, productId);
      this.assertActsForProduct(tx.requirePrincipal(), product.supplierId);
      await this.db.repo(tx, ChannelProduct).delete({ channelId: channel.id, productId });
      return channel;
    });
  }

  /** Whether the caller manages channels in this region: platform admins everywhere, coordinators inside their prefix. */
  manages(p: Principal | null, regionCode: string | null): boolean {
    if (!p) return false;
    if (p.hasRole(Role.PLATFORM_ADMIN)) return true;
    return regionCode !== null && p.regionPrefixes(Role.COORDINATOR).some((prefix) => regionCode.startsWith(prefix));
  }

  private assertManages(p: Principal, regionCode: string | null) {
    if (!this.manages(p, regionCode)) throw forbidden('Coordinators manage channels located in their own region only');
  }

  private async lockForManagement(ctx: RequestContext, channelId: string): Promise<Channel> {
    if (!isUuid(channelId)) throw notFound('Channel', channelId);
    const channel = await this.db
      .repo(ctx, Channel)
      .findOne({ where: { id: channelId }, lock: { mode: 'pessimistic_write' } });
    if (!channel) throw notFound('Channel', channelId);
    this.assertManages(ctx.requirePrincipal(), channel.regionCode);
    return channel;
  }

  private assertActsForProduct(p: Principal, supplierId: string) {
    if (p.hasRole(Role.PLATFORM_ADMIN)) return;
    if (!p.organizationIds(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF).includes(supplierId))
      throw forbidden("You may only place your own supplier's products");
  }
}
