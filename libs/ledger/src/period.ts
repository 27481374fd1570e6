import { badInput } from '@bangfu/core';
import { dayStart, isCalendarDate, parseTimestamp } from '@bangfu/locale';

/**
 * An ISO-8601 argument as an instant. A calendar date is a business day in Asia/Shanghai (UTC+8,
 * no DST): as a start it means that day's 00:00, as an end the next day's 00:00, so `to` dates are
 * inclusive. Timestamps must carry a zone and are taken as they are.
 */
export function parseInstant(value: string, edge: 'start' | 'end', field: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isCalendarDate(value)) throw badInput(`${field} is not a real date`, { field });
    return dayStart(value, edge);
  }
  const t = parseTimestamp(value);
  if (t) return t;
  throw badInput(`${field} must be an ISO-8601 date (2026-01-31) or timestamp with a zone`, { field });
}

/** A [from, to) period; refuses reversed or overlong ones. */
export function parsePeriod(from: string, to: string, maxDays = 3700): { from: Date; to: Date } {
  const start = parseInstant(from, 'start', 'from');
  const end = parseInstant(to, 'end', 'to');
  if (end <= start) throw badInput('to must be after from', { field: 'to' });
  if (end.getTime() - start.getTime() > maxDays * 86_400_000)
    throw badInput(`The period may span at most ${maxDays} days`, { field: 'to' });
  return { from: start, to: end };
}
