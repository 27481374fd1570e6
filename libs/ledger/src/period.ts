import { badInput } from '@bangfu/core';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO-8601 argument as an instant. A calendar date is a business day in Asia/Shanghai (UTC+8,
 * no DST): as a start it means that day's 00:00, as an end the next day's 00:00, so `to` dates are
 * inclusive. Timestamps must carry a zone and are taken as they are.
 */
export function parseInstant(value: string, edge: 'start' | 'end', field: string): Date {
  const d = DATE.exec(value);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const utc = Date.UTC(y, m - 1, day + (edge === 'end' ? 1 : 0)) - 8 * 3600_000;
    const check = new Date(Date.UTC(y, m - 1, day));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day)
      throw badInput(`${field} is not a real date`, { field });
    return new Date(utc);
  }
  if (TIMESTAMP.test(value)) {
    const t = new Date(value);
    if (!Number.isNaN(t.getTime())) return t;
  }
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
