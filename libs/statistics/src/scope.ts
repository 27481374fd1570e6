import { badInput, forbidden, type RequestContext, Role } from '@bangfu/core';
import { isCalendarDate, isCalendarMonth, monthBounds } from '@bangfu/locale';
import { LEVEL_DIGITS, normalizePrefix, padCode } from '@bangfu/region';

/** The whole country: `regionCode: ""` or `"000000000000"` (platform admins, or an office scoped to everything). */
export const WHOLE_COUNTRY = '000000000000';

export interface RegionScope {
  /** The code asked, 12 digits ('000000000000' for the whole country). */
  regionCode: string;
  /** Subtree prefix ('' for the whole country). */
  prefix: string;
  /** Caller's own prefixes as LIKE patterns, applied in SQL too; null for platform admins. */
  scopePatterns: string[] | null;
}

/** Region argument → prefix, refusing (FORBIDDEN) a region outside the coordinator's/auditor's prefixes. */
export function regionScope(ctx: RequestContext, regionCode: string | null | undefined): RegionScope {
  const p = ctx.requirePrincipal();
  const raw = String(regionCode ?? '').trim();
  const prefix = raw === '' || raw === WHOLE_COUNTRY ? '' : normalizePrefix(raw, 'regionCode');
  const admin = p.hasRole(Role.PLATFORM_ADMIN);
  const mine = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR);
  if (!admin && !mine.some((s) => prefix.startsWith(s))) throw forbidden('The region is outside your scope');
  return {
    regionCode: prefix === '' ? WHOLE_COUNTRY : padCode(prefix),
    prefix,
    scopePatterns: admin ? null : mine.map((s) => `${s}%`),
  };
}

/** Digits of the level below a prefix (provinces below the whole country; a village is its own child). */
export function childDigits(prefix: string): number {
  return LEVEL_DIGITS.find((d) => d > prefix.length) ?? 12;
}

/** Years the statistics cover: anything outside is a typo, not a period. */
const inYears = (v: string) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100;

/** A business day 'YYYY-MM-DD'; a month is its first day (start) or last day (end). */
export function parseDay(value: string, edge: 'start' | 'end', field: string): string {
  const v = String(value ?? '').trim();
  if (isCalendarDate(v) && inYears(v)) return v;
  if (isCalendarMonth(v) && inYears(v)) return edge === 'start' ? `${v}-01` : monthBounds(v).last;
  throw badInput(`${field} must be a month (2026-01) or a date (2026-01-31)`, { field });
}

export interface DayRange {
  fromDay: string;
  /** Inclusive. */
  toDay: string;
}

/** from/to as months or dates, both inclusive (Asia/Shanghai business days); at most ~10 years. */
export function parseDayRange(from: string, to: string): DayRange {
  const fromDay = parseDay(from, 'start', 'from');
  const toDay = parseDay(to, 'end', 'to');
  if (toDay < fromDay) throw badInput('to must not be before from', { field: 'to' });
  if ((Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000 > 3700)
    throw badInput('The period may span at most 3700 days', { field: 'to' });
  return { fromDay, toDay };
}

/** Every 'YYYY-MM' from the month of `fromDay` to that of `toDay`. */
export function monthsOf(r: DayRange): string[] {
  const out: string[] = [];
  let [y, m] = r.fromDay.slice(0, 7).split('-').map(Number);
  const [ly, lm] = r.toDay.slice(0, 7).split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [m, y] = [1, y + 1];
  }
  return out;
}

/**
 * The days of a range as stats_buyer stores days (one bit(366) per year, bit n = day n of the year
 * counted from 1 January): the first year and, per year from it, the mask of the range's days.
 */
export function yearMasks(r: DayRange): { firstYear: number; lastYear: number; masks: string[] } {
  const firstYear = Number(r.fromDay.slice(0, 4));
  const lastYear = Number(r.toDay.slice(0, 4));
  const masks: string[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const jan1 = Date.UTC(y, 0, 1);
    const index = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - jan1) / 86_400_000);
    const a = y === firstYear ? index(r.fromDay) : 0;
    const b = y === lastYear ? index(r.toDay) : index(`${y}-12-31`);
    masks.push('0'.repeat(a) + '1'.repeat(b - a + 1) + '0'.repeat(365 - b));
  }
  return { firstYear, lastYear, masks };
}
