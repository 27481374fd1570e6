import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { CertifiedDirectoryService } from '@bangfu/certification';
import { ChannelService } from '@bangfu/channel';
import { dayStart } from '@bangfu/locale';
import { HouseholdFiguresService } from './households';
import { LabelService } from './labels';
import { SalesStatsService } from './sales-stats.service';
import { parseDay, regionScope } from './scope';
import type { AssistanceIndicators } from './statistics.types';

/**
 * An amount in fen the way the reports write it: 亿元 from one hundred million yuan, 万元 from ten
 * thousand, else 元; two decimals, rounded half up, exact (integer arithmetic).
 */
export function reportAmount(fen: number): string {
  const units: Array<[bigint, string]> = [
    [10_000_000_000n, '亿元'],
    [1_000_000n, '万元'],
    [100n, '元'],
  ];
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  const [div, unit] = units.find(([d]) => abs >= d) ?? units[2];
  const hundredths = (abs * 100n + div / 2n) / div;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return `${v < 0n ? '-' : ''}${text}${unit}`;
}

export function indicatorSummary(
  i: Omit<AssistanceIndicators, 'summary' | 'regionCode' | 'regionPath' | 'date'>,
): string {
  return (
    `建成消费帮扶专馆${i.hallCount}个、专区${i.zoneCount}个、专柜${i.counterCount}台，` +
    `累计认定供应商${i.certifiedSupplierCount}家、帮扶产品${i.certifiedProductCount}个，` +
    `实现销售金额${reportAmount(i.salesAmountYtd)}，带动脱贫户${i.exPovertyHouseholdsDriven}户、监测户${i.monitoredHouseholdsDriven}户` +
    `（共${i.householdsDriven}户）增收，村集体增收${reportAmount(i.villageCollectiveIncome)}`
  );
}

/** assistanceIndicators: each figure from its owner's read service, sales from the rollup. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly channels: ChannelService,
    private readonly certified: CertifiedDirectoryService,
    private readonly sales: SalesStatsService,
    private readonly households: HouseholdFiguresService,
    private readonly labels: LabelService,
  ) {}

  async indicators(ctx: RequestContext, regionCode: string, date: string): Promise<AssistanceIndicators> {
    const scope = regionScope(ctx, regionCode);
    const day = parseDay(date, 'end', 'date');
    const y = Number(day.slice(0, 4));
    const endOfDay = dayStart(day, 'end');
    const kinds = await this.channels.countByKind(ctx, scope.prefix, endOfDay);
    const certified = await this.certified.certifiedCounts(ctx, scope.prefix, day);
    const ytd = await this.sales.netTotals(ctx, scope, { fromDay: `${y}-01-01`, toDay: day });
    const h = await this.households.forRegion(ctx, scope.regionCode, `${y}-01`, day.slice(0, 7));
    const figures = {
      hallCount: kinds.HALL,
      zoneCount: kinds.ZONE,
      counterCount: kinds.COUNTER,
      certifiedSupplierCount: certified.suppliers,
      certifiedProductCount: certified.products,
      salesAmountYtd: ytd.net,
      uncertifiedSalesAmountYtd: ytd.uncertified,
      ...h,
    };
    return {
      regionCode: scope.regionCode,
      regionPath: await this.labels.regionPath(ctx, scope.regionCode),
      date: day,
      ...figures,
      summary: indicatorSummary(figures),
    };
  }
}
