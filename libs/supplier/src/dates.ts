import { badInput } from '@bangfu/core';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' from a date or an ISO-8601 timestamp (read as an Asia/Shanghai business date). */
export function parseBusinessDate(value: string, field: string): string {
  const v = value?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v) return v;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return SHANGHAI_DATE.format(d);
  }
  throw badInput(`${field} must be a date like 2026-01-01`, { field });
}

export function todayInShanghai(): string {
  return SHANGHAI_DATE.format(new Date());
}
