// The statistics dashboard's filters live in the URL (?region=5206&from=2026-01&to=2026-06&groupBy=REGION&side=ORIGIN),
// so a deep link or a reload shows the same figures. Bad or missing values fall back to defaults.
import {
  addMonths,
  isCalendarMonth,
  monthBounds,
  monthsBetween as allMonthsBetween,
  shanghaiDate as shanghaiToday,
} from '@bangfu/locale';
import { SALES_GROUP_BYS, type SalesGroupBy, STATS_SIDES, type StatsSide } from '../api/statistics';
import { regionCodeOf, regionPrefix } from './region-code';

const LEVEL_DIGITS = [2, 4, 6, 9, 12] as const;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface StatsFilters {
  /** Region prefix ('' = the whole country, platform admins only). */
  region: string;
  /** 'YYYY-MM', inclusive. */
  from: string;
  to: string;
  groupBy: SalesGroupBy;
  side: StatsSide;
}

/** Today's 'YYYY-MM-DD' on Beijing time (the platform's business clock, shared with the server). */
export { shanghaiToday };

/** A region prefix of a whole level ('52', '5206', '520621', …) or ''. */
export function isRegionPrefix(value: string): boolean {
  return value === '' || (/^\d+$/.test(value) && (LEVEL_DIGITS as readonly number[]).includes(value.length));
}

/** Year to date by default: January to the current month of this year. */
export function defaultFilters(scopeRoot: string, today = shanghaiToday()): StatsFilters {
  return {
    region: scopeRoot,
    from: `${today.slice(0, 4)}-01`,
    to: today.slice(0, 7),
    groupBy: 'REGION',
    side: 'ORIGIN',
  };
}

export function parseFilters(search: URLSearchParams, scopeRoot: string, today = shanghaiToday()): StatsFilters {
  const d = defaultFilters(scopeRoot, today);
  const region = search.get('region');
  let from = search.get('from') ?? '';
  let to = search.get('to') ?? '';
  if (!MONTH.test(from)) from = d.from;
  if (!MONTH.test(to)) to = d.to;
  if (to < from) to = from;
  const groupBy = search.get('groupBy') as SalesGroupBy | null;
  const side = search.get('side') as StatsSide | null;
  return {
    // Read as the padded code, as the server's normalizePrefix does: 520600 is the city 5206, not a county "00".
    region: region !== null && isRegionPrefix(region) ? regionPrefix(regionCodeOf(region) ?? region) : d.region,
    from,
    to,
    groupBy: groupBy && SALES_GROUP_BYS.includes(groupBy) ? groupBy : d.groupBy,
    side: side && STATS_SIDES.includes(side) ? side : d.side,
  };
}

/** The dashboard's path with these filters (every one written, so the link says what it shows). */
export function filtersHref(path: string, f: StatsFilters): string {
  return `${path}?${new URLSearchParams({ region: f.region, from: f.from, to: f.to, groupBy: f.groupBy, side: f.side })}`;
}

/** The last day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  return monthBounds(month).last;
}

/** Every 'YYYY-MM' from `from` to `to` (the month trend shows empty months too). */
export function monthsBetween(from: string, to: string): string[] {
  // At most 240 months, whatever the URL says.
  if (!isCalendarMonth(from)) return [];
  const cap = addMonths(from, 239);
  return allMonthsBetween(from, to < cap ? to : cap);
}

/** The indicators' as-of date: the period's last day, or today when the period runs into the future. */
export function indicatorsDate(to: string, today = shanghaiToday()): string {
  const end = monthEnd(to);
  return end < today ? end : today;
}

/** The region a REGION row opens, or null when it cannot be drilled into (no region, the region itself, a village). */
export function drillTarget(rowKey: string, current: string): string | null {
  if (!/^\d{12}$/.test(rowKey)) return null;
  const prefix = regionPrefix(rowKey);
  if (prefix === current || !prefix.startsWith(current) || current.length >= 12) return null;
  return prefix;
}

/** The caller's scope prefix that contains `region` (the breadcrumb's first step); '' for admins without one. */
export function scopeRootFor(region: string, scopes: string[], admin: boolean): string | null {
  const mine = scopes.filter((s) => region.startsWith(s)).sort((a, b) => a.length - b.length);
  if (mine.length) return mine[0];
  return admin ? '' : null;
}

export interface Crumb {
  prefix: string;
  /** Name from the server's region path; null for the whole country. */
  name: string | null;
}

/** Steps from the scope root down to `region`; `path` holds the names from the province down. */
export function breadcrumb(region: string, root: string, path: string[]): Crumb[] {
  const crumbs: Crumb[] = [];
  if (root === '') crumbs.push({ prefix: '', name: null });
  LEVEL_DIGITS.forEach((digits, i) => {
    if (digits < Math.max(root.length, 1) || digits > region.length) return;
    crumbs.push({ prefix: region.slice(0, digits), name: path[i] ?? region.slice(0, digits) });
  });
  return crumbs;
}
