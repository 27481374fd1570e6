import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';
import { ChannelService } from '@bangfu/channel';
import { cubeWhere } from './sales-stats.service';
import { parseDayRange, regionScope } from './scope';
import { type ChannelCertifiedShare, type ChannelCertifiedShareReport, StatsSide } from './statistics.types';

/** STATS_COUNTER_CERTIFIED_MIN_BPS (basis points, default 8000 = 80%): a counter below it is a warning. */
export function counterThresholdBps(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.STATS_COUNTER_CERTIFIED_MIN_BPS;
  if (raw === undefined || raw === '') return 8000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10_000)
    throw new Error(`STATS_COUNTER_CERTIFIED_MIN_BPS must be an integer 0–10000, got ${raw}`);
  return n;
}

/** Certified vs uncertified net sales per hall, zone and counter, from the rollup. */
@Injectable()
export class ChannelShareService {
  private readonly thresholdBps = counterThresholdBps();
  constructor(
    private readonly db: Db,
    private readonly channels: ChannelService,
  ) {}

  async report(
    ctx: RequestContext,
    regionCode: string,
    from: string,
    to: string,
    side: StatsSide = StatsSide.ORIGIN,
  ): Promise<ChannelCertifiedShareReport> {
    const scope = regionScope(ctx, regionCode);
    const range = parseDayRange(from, to);
    const { where, params } = cubeWhere(scope, side, range, 'C');
    const rows: Array<{ channel_id: string; kind: string; net: string; certified: string }> = await this.db
      .manager(ctx)
      .query(
        `SELECT k1 AS channel_id, k2 AS kind, sum(gross_amount - refund_amount) AS net, sum(cert_net) AS certified
         FROM stats_cube WHERE ${where} GROUP BY k1, k2 ORDER BY k2, k1`,
        params,
      );
    const channels: ChannelCertifiedShare[] = [];
    for (const r of rows) {
      const net = Number(r.net);
      const certified = Number(r.certified);
      const bps = net > 0 ? Number((BigInt(Math.max(certified, 0)) * 10_000n) / BigInt(net)) : null;
      channels.push({
        channelId: r.channel_id,
        name: (await this.channels.find(ctx, r.channel_id))?.name ?? r.channel_id,
        kind: r.kind,
        netAmount: net,
        certifiedNetAmount: certified,
        uncertifiedNetAmount: net - certified,
        certifiedShareBps: bps,
        warning: r.kind === 'COUNTER' && bps !== null && bps < this.thresholdBps,
      });
    }
    return {
      regionCode: scope.regionCode,
      fromDay: range.fromDay,
      toDay: range.toDay,
      side,
      thresholdBps: this.thresholdBps,
      channels,
    };
  }
}
