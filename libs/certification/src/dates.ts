import { ErrorCode, AppError } from '@bangfu/core';

/** Business days are Asia/Shanghai calendar days (UTC+8, no daylight saving). */
const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDate(at: Date = new Date()): string {
  return SHANGHAI.format(at);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A strict calendar date 'YYYY-MM-DD' (2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * A date argument as DESIGN.md allows it ('2026-01-01' or an ISO timestamp), reduced to the
 * Asia/Shanghai business day; anything else is INVALID_DATE naming the field.
 */
export function parseBusinessDate(value: string, field: string): string {
  const v = value.trim();
  if (isCalendarDate(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = new Date(v);
    if (!Number.isNaN(t.getTime())) return shanghaiDate(t);
  }
  throw new AppError(
    ErrorCode.INVALID_DATE,
    `${field} must be a date like 2026-01-01 (got ${JSON.stringify(value).slice(0, 40)})`,
    { field },
  );
}
