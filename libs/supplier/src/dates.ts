import { badInput } from '@bangfu/core';
import { toBusinessDate } from '@bangfu/locale';

/** 'YYYY-MM-DD' from a date or an ISO-8601 timestamp (read as an Asia/Shanghai business date); BAD_USER_INPUT otherwise. */
export function parseBusinessDate(value: string, field: string): string {
  const day = toBusinessDate(value);
  if (day) return day;
  throw badInput(`${field} must be a date like 2026-01-01`, { field });
}
