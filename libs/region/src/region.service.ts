import { RegionErrorCode } from './region.errors';
import { Injectable } from '@nestjs/common';
import { AppError, Db, ErrorCode, notFound, type RequestContext } from '@bangfu/core';
import { In } from 'typeorm';
import { ancestorCodes, isRegionCode, levelOf, RegionLevel } from '@bangfu/region-data';
import { Region } from './region.entity';

export interface RegionFlags {
  exPovertyCounty?: boolean | null;
  keyAssistanceCounty?: boolean | null;
}

function invalidCode(code: string, field = 'code'): AppError {
  return new AppError(ErrorCode.INVALID_REGION_CODE, `${code} is not a 12-digit statistical division code`, { field });
}

@Injectable()
export class RegionService {
  constructor(private readonly db: Db) {}

  /** Children of a region, or the provinces when parentCode is empty. */
  async children(ctx: RequestContext, parentCode?: string | null): Promise<Region[]> {
    const repo = this.db.repo(ctx, Region);
    if (!parentCode) return repo.find({ where: { level: RegionLevel.PROVINCE }, order: { code: 'ASC' } });
    if (!isRegionCode(parentCode)) throw invalidCode(parentCode, 'parentCode');
    return repo.find({ where: { parentCode }, order: { code: 'ASC' } });
  }

  async find(ctx: RequestContext, code: string): Promise<Region | null> {
    if (!isRegionCode(code)) throw invalidCode(code);
    return this.db.repo(ctx, Region).findOneBy({ code });
  }

  async get(ctx: RequestContext, code: string): Promise<Region> {
    const region = await this.find(ctx, code);
    if (!region) throw notFound('Region', code);
    return region;
  }

  /** Province → … → the region itself; regions not loaded (partial import) are skipped. */
  async path(ctx: RequestContext, code: string): Promise<Region[]> {
    const codes = ancestorCodes(code);
    if (codes.length === 0) return [];
    const rows = await this.db.repo(ctx, Region).findBy({ code: In(codes) });
    return rows.sort((a, b) => a.level - b.level);
  }

  /**
   * Each code's full name, province first (贵州省铜仁市江口县), for other libs' lists and exports; one
   * query for all codes. Regions not loaded are skipped; an unknown code gets ''.
   */
  async pathNames(ctx: RequestContext, codes: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(codes.filter((c) => isRegionCode(c)))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ code: string; name: string | null }> = await this.db.manager(ctx).query(
      `SELECT x.code, (SELECT string_agg(r.name, '' ORDER BY r.level) FROM region r
                        WHERE r.code IN (rpad(left(x.code, 2), 12, '0'), rpad(left(x.code, 4), 12, '0'),
                                         rpad(left(x.code, 6), 12, '0'), rpad(left(x.code, 9), 12, '0'), x.code)) AS name
         FROM unnest($1::text[]) AS x(code)`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.code, r.name ?? '']));
  }

  /** The region must exist and be at one of the given levels; the error names the field. */
  async requireLevel(ctx: RequestContext, code: string, levels: RegionLevel[], field = 'regionCode'): Promise<Region> {
    if (!isRegionCode(code)) throw invalidCode(code, field);
    const region = await this.db.repo(ctx, Region).findOneBy({ code });
    if (!region) throw new AppError(RegionErrorCode.UNKNOWN_REGION, `Region ${code} does not exist`, { field });
    if (!levels.includes(region.level)) {
      throw new AppError(
        ErrorCode.WRONG_REGION_LEVEL,
        `Region ${code} (${region.name}) is level ${region.level}; expected ${levels.join(' or ')}`,
        { field },
      );
    }
    return region;
  }

  /** The county a code lies in (the code itself when it is a county). */
  async countyOf(ctx: RequestContext, code: string): Promise<Region | null> {
    const level = levelOf(code);
    if (level === null || level < RegionLevel.COUNTY) return null;
    return this.db.repo(ctx, Region).findOneBy({ code: code.slice(0, 6).padEnd(12, '0') });
  }

  async setFlags(ctx: RequestContext, code: string, flags: RegionFlags): Promise<Region> {
    return this.db.transaction(ctx, async (tx) => {
      const region = await this.requireLevel(tx, code, [RegionLevel.COUNTY], 'code');
      if (flags.exPovertyCounty != null) region.exPovertyCounty = flags.exPovertyCounty;
      if (flags.keyAssistanceCounty != null) region.keyAssistanceCounty = flags.keyAssistanceCounty;
      // Key assistance counties are a subset of ex-poverty counties (国家乡村振兴重点帮扶县 are all 脱贫县).
      if (region.keyAssistanceCounty && !region.exPovertyCounty) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'A key assistance county must also be an ex-poverty county', {
          field: 'keyAssistanceCounty',
        });
      }
      region.flagsUpdatedAt = new Date();
      region.flagsUpdatedBy = tx.userId;
      return this.db.repo(tx, Region).save(region);
    });
  }
}
