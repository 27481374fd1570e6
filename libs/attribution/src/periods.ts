import { badInput } from '@bangfu/core';
import { dayStart, isCalendarDate, isCalendarMonth, monthStart, parseTimestamp, shanghaiMonth } from '@bangfu/locale';

// Business periods are Asia/Shanghai calendar months; the calendar itself is @bangfu/locale's.
// periodOf: 'YYYY-MM' of an instant; shanghaiDate: 'YYYY-MM-DD' (linkage validity dates).
export { monthsBetween, shanghaiDate, shanghaiMonth as periodOf } from '@bangfu/locale';

/**
 * An ISO-8601 argument as an instant: a month ('2026-01') or a date ('2026-01-31') is Shanghai
 * midnight at its start, or — as an end — at the start of the next month/day, so ends are inclusive.
 * Timestamps must carry a zone. Anything else is BAD_USER_INPUT naming the field.
 */
export function parseInstant(value: string, edge: 'start' | 'end', field: string): Date {
  const v = (value ?? '').trim();
  if (/^\d{4}-\d{2}$/.test(v)) {
    if (!isCalendarMonth(v)) throw badInput(`${field} is not a real month`, { field });
    return monthStart(v, edge);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    if (!isCalendarDate(v)) throw badInput(`${field} is not a real date`, { field });
    return dayStart(v, edge);
  }
  const t = parseTimestamp(v);
  if (t) return t;
  throw badInput(`${field} must be a month (2026-01), a date (2026-01-31) or a timestamp with a zone`, { field });
}

export interface Range {
  /** Inclusive start instant. */
  from: Date;
  /** Exclusive end instant. */
  to: Date;
  /** First and last business month the range touches ('YYYY-MM', inclusive). */
  fromPeriod: string;
  toPeriod: string;
}

/** A [from, to) range from two ISO arguments; refuses reversed or overlong ones. */
export function parseRange(from: string, to: string, maxDays = 3700): Range {
  const start = parseInstant(from, 'start', 'from');
  const end = parseInstant(to, 'end', 'to');
  if (end <= start) throw badInput('to must be after from', { field: 'to' });
  if (end.getTime() - start.getTime() > maxDays * 86_400_000)
    throw badInput(`The period may span at most ${maxDays} days`, { field: 'to' });
  return {
    from: start,
    to: end,
    fromPeriod: shanghaiMonth(start),
    toPeriod: shanghaiMonth(new Date(end.getTime() - 1)),
  };
}
