import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';
import { AttributionQueryService } from '@bangfu/attribution';
import { RegionService } from '@bangfu/region';
import { WHOLE_COUNTRY } from './scope';

export interface HouseholdFigures {
  householdsDriven: number;
  exPovertyHouseholdsDriven: number;
  monitoredHouseholdsDriven: number;
  villageCollectiveIncome: number;
}

/**
 * 带动户数 and village collective income come from attribution's read service (its rollups), never
 * its tables. Attribution answers per region prefix and whole months; the whole country is the sum of
 * its provinces (exact: a household lives in one province).
 */
@Injectable()
export class HouseholdFiguresService {
  constructor(
    private readonly attribution: AttributionQueryService,
    private readonly regions: RegionService,
  ) {}

  async forRegion(
    ctx: RequestContext,
    regionCode: string,
    fromMonth: string,
    toMonth: string,
  ): Promise<HouseholdFigures> {
    const codes =
      regionCode === WHOLE_COUNTRY ? (await this.regions.children(ctx, null)).map((r) => r.code) : [regionCode];
    const out: HouseholdFigures = {
      householdsDriven: 0,
      exPovertyHouseholdsDriven: 0,
      monitoredHouseholdsDriven: 0,
      villageCollectiveIncome: 0,
    };
    for (const code of codes) {
      const s = await this.attribution.summary(ctx, code, fromMonth, toMonth);
      out.householdsDriven += s.householdsDriven;
      out.exPovertyHouseholdsDriven += s.exPovertyHouseholdsDriven;
      out.monitoredHouseholdsDriven += s.monitoredHouseholdsDriven;
      out.villageCollectiveIncome += s.villageCollectiveIncome;
    }
    return out;
  }
}
