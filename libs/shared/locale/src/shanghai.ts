// Business days and months are Asia/Shanghai calendar days (DESIGN.md): UTC+8 all year, China has no
// daylight saving time, so a fixed offset is exact and needs no time-zone database (also in the browser).
// Pure functions only: callers that read user input turn a null into their own error code.

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const ZONED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const shifted = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS);

/** The Asia/Shanghai calendar date of an instant (default now), 'YYYY-MM-DD'. */
export function shanghaiDate(at: Date = new Date()): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** An instant as Asia/Shanghai wall-clock time, 'YYYY-MM-DD HH:mm' (documents, exports). */
export function formatShanghaiTime(at: Date): string {
  return shifted(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Asia/Shanghai business month of an instant (default now), 'YYYY-MM'. */
export function shanghaiMonth(at: Date = new Date()): string {
  return shifted(at).toISOString().slice(0, 7);
}

/** Year and month (1–12) of an instant in Asia/Shanghai. */
export function shanghaiPeriod(at: Date = new Date()): { year: number; month: number } {
  const local = shifted(at);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** The Asia/Shanghai year of an instant. */
export function shanghaiYear(at: Date = new Date()): number {
  return shifted(at).getUTCFullYear();
}

/** A strict calendar date 'YYYY-MM-DD' (2026-02-30 and 2026-1-5 are refused). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

/** A strict month 'YYYY-MM' (01–12). */
export function isCalendarMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/**
 * An ISO-8601 timestamp ('2026-01-31T10:00…') as an instant, or null. `zoned` (default): it must end in
 * Z or ±hh:mm — a zoneless one would be read in the server's own zone.
 */
export function parseTimestamp(value: string, { zoned = true }: { zoned?: boolean } = {}): Date | null {
  if (!(zoned ? ZONED_TIMESTAMP : /^\d{4}-\d{2}-\d{2}T/).test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t;
}

/**
 * A date argument as DESIGN.md allows it — a calendar date, or an ISO timestamp reduced to its Asia/Shanghai
 * business day — as 'YYYY-MM-DD'; null for anything else (surrounding blanks ignored).
 */
export function toBusinessDate(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (isCalendarDate(v)) return v;
  const t = parseTimestamp(v, { zoned: false });
  return t ? shanghaiDate(t) : null;
}

/** The instant a Shanghai calendar day starts ('2026-01-31' → 2026-01-30T16:00Z); month and day may overflow. */
export function shanghaiMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

/** The instant the Shanghai day 'YYYY-MM-DD' starts (`end`: the next day's start, so an end date is inclusive). */
export function dayStart(date: string, edge: 'start' | 'end' = 'start'): Date {
  const [y, m, d] = date.split('-').map(Number);
  return shanghaiMidnight(y, m, d + (edge === 'end' ? 1 : 0));
}

/** The instant the Shanghai month 'YYYY-MM' starts (`end`: the next month's start). */
export function monthStart(month: string, edge: 'start' | 'end' = 'start'): Date {
  const [y, m] = month.split('-').map(Number);
  return shanghaiMidnight(y, m + (edge === 'end' ? 1 : 0), 1);
}

/** First and last day of the month 'YYYY-MM', as 'YYYY-MM-DD'. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  return { first: `${month}-01`, last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/** 'YYYY-MM-DD' plus whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 'YYYY-MM' plus whole months (negative: earlier). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7);
}

/** Whole days from `from` to `to` ('YYYY-MM-DD'; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every 'YYYY-MM' from `first` to `last` inclusive (none when either is not a month). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  if (!isCalendarMonth(first) || !isCalendarMonth(last)) return out;
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}
