import { IdentityErrorCode } from './identity.errors';
import { Injectable } from '@nestjs/common';
import { AppError, assertUuid, Db, isValidText, notFound, type RequestContext } from '@bangfu/core';
import { RegionLevel, RegionService } from '@bangfu/region';
import { CustomerAddress } from './address.entity';
import type { AddressInput, AddressSnapshot } from './address.types';

export const MAX_ADDRESSES = 20;
const PHONE = /^1[3-9][0-9]{9}$/;

function cleanText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || [...text].length > max || !isValidText(text))
    throw new AppError(IdentityErrorCode.INVALID_ADDRESS, `${field} must be 1–${max} characters`, { field });
  return text;
}

/**
 * The address book (收货地址). Every statement is scoped to the caller's user id in SQL: another
 * user's address id answers NOT_FOUND exactly like an unknown one, so ids cannot be probed. The
 * user's rows are locked before any change so "at most one default" holds under concurrent calls
 * (the partial unique index is the last line of defence).
 */
@Injectable()
export class AddressBookService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
  ) {}

  list(ctx: RequestContext): Promise<CustomerAddress[]> {
    const userId = ctx.requirePrincipal().userId;
    return this.db
      .repo(ctx, CustomerAddress)
      .find({ where: { userId }, order: { isDefault: 'DESC', createdAt: 'DESC', id: 'DESC' } });
  }

  async create(ctx: RequestContext, input: AddressInput): Promise<CustomerAddress> {
    const userId = ctx.requirePrincipal().userId;
    const values = await this.validate(ctx, input);
    return this.db.transaction(ctx, async (tx) => {
      const mine = await this.lockMine(tx, userId);
      if (mine.length >= MAX_ADDRESSES)
        throw new AppError(
          IdentityErrorCode.ADDRESS_LIMIT,
          `An address book holds at most ${MAX_ADDRESSES} addresses`,
          {
            limit: MAX_ADDRESSES,
          },
        );
      const makeDefault = mine.length === 0 || !!input.isDefault;
      if (makeDefault) await this.clearDefault(tx, userId);
      const repo = this.db.repo(tx, CustomerAddress);
      return repo.save(repo.create({ ...values, userId, isDefault: makeDefault }));
    });
  }

  async update(ctx: RequestContext, id: string, input: AddressInput): Promise<CustomerAddress> {
    const userId = ctx.requirePrincipal().userId;
    assertUuid(id, 'id');
    const values = await this.validate(ctx, input);
    return this.db.transaction(ctx, async (tx) => {
      const address = (await this.lockMine(tx, userId)).find((a) => a.id === id);
      if (!address) throw notFound('Address', id);
      if (input.isDefault && !address.isDefault) await this.clearDefault(tx, userId);
      // Unsetting the only default is not a thing: choose another default instead.
      Object.assign(address, values, { isDefault: address.isDefault || !!input.isDefault });
      return this.db.repo(tx, CustomerAddress).save(address);
    });
  }

  async setDefault(ctx: RequestContext, id: string): Promise<CustomerAddress> {
    const userId = ctx.requirePrincipal().userId;
    assertUuid(id, 'id');
    return this.db.transaction(ctx, async (tx) => {
      const address = (await this.lockMine(tx, userId)).find((a) => a.id === id);
      if (!address) throw notFound('Address', id);
      await this.clearDefault(tx, userId);
      address.isDefault = true;
      return this.db.repo(tx, CustomerAddress).save(address);
    });
  }

  /** Deletes one; when it was the default, the newest remaining address becomes the default. */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const userId = ctx.requirePrincipal().userId;
    assertUuid(id, 'id');
    return this.db.transaction(ctx, async (tx) => {
      const mine = await this.lockMine(tx, userId);
      const address = mine.find((a) => a.id === id);
      if (!address) throw notFound('Address', id);
      await this.db.repo(tx, CustomerAddress).delete({ id, userId });
      const next = mine.filter((a) => a.id !== id).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      if (address.isDefault && next)
        await this.db.repo(tx, CustomerAddress).update({ id: next.id, userId }, { isDefault: true });
      return true;
    });
  }

  /**
   * For checkout: a copy of the buyer's address (never anyone else's), with region names, to store
   * on the order. NOT_FOUND for an address that is not theirs.
   */
  async snapshot(ctx: RequestContext, userId: string, id: string): Promise<AddressSnapshot> {
    assertUuid(id, 'addressId');
    const address = await this.db.repo(ctx, CustomerAddress).findOneBy({ id, userId });
    if (!address)
      throw new AppError(IdentityErrorCode.UNKNOWN_ADDRESS, 'addressId is not one of your addresses', {
        field: 'addressId',
      });
    const path = await this.regions.path(ctx, address.regionCode);
    return {
      recipient: address.recipient,
      phone: address.phone,
      regionCode: address.regionCode,
      regionPath: path.map((r) => r.name),
      detail: address.detail,
    };
  }

  private async validate(
    ctx: RequestContext,
    input: AddressInput,
  ): Promise<Pick<CustomerAddress, 'recipient' | 'phone' | 'regionCode' | 'detail'>> {
    const recipient = cleanText(input.recipient, 'recipient', 50);
    const detail = cleanText(input.detail, 'detail', 200);
    const phone = String(input.phone ?? '').replace(/[\s-]/g, '');
    if (!PHONE.test(phone))
      throw new AppError(
        IdentityErrorCode.INVALID_PHONE,
        'phone must be a mainland mobile number (11 digits starting with 1)',
        {
          field: 'phone',
        },
      );
    const regionCode = String(input.regionCode ?? '').trim();
    await this.regions.requireLevel(ctx, regionCode, [RegionLevel.COUNTY, RegionLevel.TOWN, RegionLevel.VILLAGE]);
    return { recipient, phone, regionCode, detail };
  }

  private lockMine(tx: RequestContext, userId: string): Promise<CustomerAddress[]> {
    return this.db
      .repo(tx, CustomerAddress)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.user_id = :userId', { userId })
      .getMany();
  }

  private async clearDefault(tx: RequestContext, userId: string): Promise<void> {
    await this.db.repo(tx, CustomerAddress).update({ userId, isDefault: true }, { isDefault: false });
  }
}
