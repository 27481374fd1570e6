import { Injectable } from '@nestjs/common';
import { AppError, Db, ErrorCode, type RequestContext, Role } from '@bangfu/core';
import { CounterRejection, CounterReport } from './channel.entities';
import { ChannelService } from './channel.service';

const MAX_LIST = 100;

function limitOf(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIST)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_LIST}`, { field: 'first' });
  return n;
}

/** What counters sent and what was refused, for the platform and the coordinators of the counter's region. */
@Injectable()
export class CounterLogService {
  constructor(
    private readonly db: Db,
    private readonly channels: ChannelService,
  ) {}

  async reports(ctx: RequestContext, channelId: string, first?: number | null): Promise<CounterReport[]> {
    const channel = await this.channels.get(ctx, channelId);
    if (!this.channels.manages(ctx.principal, channel.regionCode))
      throw new AppError(ErrorCode.FORBIDDEN, 'This counter is outside your region');
    return this.db
      .repo(ctx, CounterReport)
      .find({ where: { channelId: channel.id }, order: { receivedAt: 'DESC', id: 'DESC' }, take: limitOf(first) });
  }

  /** Newest first; unknown-device refusals (no channel) only for platform admins. */
  async rejections(
    ctx: RequestContext,
    filter: { channelId?: string | null; deviceId?: string | null },
    first?: number | null,
  ): Promise<CounterRejection[]> {
    const p = ctx.requirePrincipal();
    const qb = this.db
      .repo(ctx, CounterRejection)
      .createQueryBuilder('r')
      .orderBy('r.received_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limitOf(first));
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const prefixes = p.regionPrefixes(Role.COORDINATOR).map((x) => `${x}%`);
      qb.innerJoin('channel', 'c', 'c.id = r.channel_id').andWhere('c.region_code LIKE ANY(:prefixes)', { prefixes });
    }
    if (filter.channelId) qb.andWhere('r.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.deviceId) qb.andWhere('r.device_id = :deviceId', { deviceId: filter.deviceId });
    return qb.getMany();
  }
}
