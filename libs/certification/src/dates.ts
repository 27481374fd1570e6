import { ErrorCode, AppError } from '@bangfu/core';
import { toBusinessDate } from '@bangfu/locale';

// Business days are Asia/Shanghai calendar days; the calendar itself is @bangfu/locale's.
export { isCalendarDate, shanghaiDate } from '@bangfu/locale';

/**
 * A date argument as DESIGN.md allows it ('2026-01-01' or an ISO timestamp), reduced to the
 * Asia/Shanghai business day; anything else is INVALID_DATE naming the field.
 */
export function parseBusinessDate(value: string, field: string): string {
  const day = toBusinessDate(value);
  if (day) return day;
  throw new AppError(
    ErrorCode.INVALID_DATE,
    `${field} must be a date like 2026-01-01 (got ${JSON.stringify(value).slice(0, 40)})`,
    { field },
  );
}
