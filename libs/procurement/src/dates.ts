import { ProcurementErrorCode } from './procurement.errors';
import { AppError } from '@bangfu/core';

// Business periods are Asia/Shanghai calendar months; the calendar itself is @bangfu/locale's.
export { isCalendarDate as isIsoDate, shanghaiDate, shanghaiPeriod } from '@bangfu/locale';

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
