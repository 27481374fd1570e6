import { badInput } from '@bangfu/core';

/** Business periods are Asia/Shanghai calendar months (UTC+8, no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** 'YYYY-MM' of an instant in Asia/Shanghai. */
export function periodOf(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai (for linkage validity dates). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function shanghaiMidnight(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS);
}

/**
 * An ISO-8601 argument as an instant: a month ('2026-01') or a date ('2026-01-31') is Shanghai
 * midnight at its start, or — as an end — at the start of the next month/day, so ends are inclusive.
 * Timestamps must carry a zone.
 */
export function parseInstant(value: string, edge: 'start' | 'end', field: string): Date {
  const v = (value ?? '').trim();
  const m = MONTH.exec(v);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) throw badInput(`${field} is not a real month`, { field });
    return edge === 'start' ? shanghaiMidnight(y, mo, 1) : shanghaiMidnight(y, mo + 1, 1);
  }
  const d = DATE.exec(v);
  if (d) {
    const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const check = new Date(Date.UTC(y, mo - 1, day));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== day)
      throw badInput(`${field} is not a real date`, { field });
    return shanghaiMidnight(y, mo, day + (edge === 'end' ? 1 : 0));
  }
  if (TIMESTAMP.test(v)) {
    const t = new Date(v);
    if (!Number.isNaN(t.getTime())) return t;
  }
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
  return { from: start, to: end, fromPeriod: periodOf(start), toPeriod: periodOf(new Date(end.getTime() - 1)) };
}

/** Every 'YYYY-MM' from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
