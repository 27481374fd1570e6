import { ProcurementErrorCode } from './procurement.errors';
import { AppError } from '@bangfu/core';

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has no daylight saving time: a fixed offset is exact.

/** Year and month (1–12) of an instant in Asia/Shanghai: the business period it belongs to. */
export function shanghaiPeriod(at: Date): { year: number; month: number } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** The Asia/Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function checkYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw new AppError(
      ProcurementErrorCode.INVALID_YEAR,
      `${field} must be a year between ${MIN_YEAR} and ${MAX_YEAR}`,
      { field },
    );
  return year;
}
