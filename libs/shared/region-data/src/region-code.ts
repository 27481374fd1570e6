import { badInput } from '@bangfu/core';

/** Significant digits of a division code at each level: province, city, county, town, village. */
export const LEVEL_DIGITS = [2, 4, 6, 9, 12] as const;
export enum RegionLevel {
  PROVINCE = 1,
  CITY = 2,
  COUNTY = 3,
  TOWN = 4,
  VILLAGE = 5,
}

const CODE = /^[0-9]{12}$/;

export function isRegionCode(code: string): boolean {
  return CODE.test(code) && levelOf(code) !== null;
}

/** The level a 12-digit code denotes, from where its trailing zeros start; null if malformed. */
export function levelOf(code: string): RegionLevel | null {
  if (!CODE.test(code) || code.startsWith('00')) return null;
  for (let level = 1; level <= 5; level++) {
    const digits = LEVEL_DIGITS[level - 1];
    if (/^0*$/.test(code.slice(digits))) return level as RegionLevel;
  }
  return null;
}

/** The prefix that identifies a region's subtree: 520621000000 → 520621. */
export function subtreePrefix(code: string): string {
  const level = levelOf(code);
  if (level === null) throw badInput(`${code} is not a 12-digit division code`, { field: 'regionCode' });
  return code.slice(0, LEVEL_DIGITS[level - 1]);
}

export function padCode(partial: string): string {
  return partial.padEnd(12, '0');
}

/** Codes of the ancestors from the province down to the region itself. */
export function ancestorCodes(code: string): string[] {
  const level = levelOf(code);
  if (level === null) return [];
  return LEVEL_DIGITS.slice(0, level).map((d) => padCode(code.slice(0, d)));
}

/** Accepts a full code or a subtree prefix (2/4/6/9/12 digits) and returns the prefix; bad input is an error. */
export function normalizePrefix(codeOrPrefix: string, field = 'regionCode'): string {
  // A short prefix is read as the padded code, so one ending in a level's zeros names that level:
  // 520600 is the city 5206 (every code starting 5206), as 520600000000 is, not an empty "county 00".
  const code =
    /^[0-9]+$/.test(codeOrPrefix) && (LEVEL_DIGITS as readonly number[]).includes(codeOrPrefix.length)
      ? padCode(codeOrPrefix)
      : codeOrPrefix;
  if (!isRegionCode(code))
    throw badInput(`${codeOrPrefix} is not a division code`, { field, code: 'INVALID_REGION_CODE' });
  return subtreePrefix(code);
}
