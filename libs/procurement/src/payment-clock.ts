import { ErrorCode, AppError } from '@bangfu/core';
import { addDays, daysBetween } from '@bangfu/locale';
import { isIsoDate, shanghaiDate } from './dates';

/**
 * The payment clock's arithmetic, kept pure so the figures can be checked by hand.
 *
 * Source: 《保障中小企业款项支付条例》 (State Council, revised 2025): agencies and public institutions
 * pay SMEs within 30 days of delivery/acceptance; a contract may agree otherwise, but never beyond 60
 * days; late payment owes interest at the agreed rate, and where none is agreed at a daily rate of
 * 万分之五 (0.05% a day). We model the agreed term and rate per jurisdiction (province or city) and
 * default to 30 days and 500 parts per million a day. Periods follow 民法典 art. 201: the day of
 * acceptance is not counted, so an order accepted on 06-15 with 30 days is due on 07-15 and is one day
 * overdue on 07-16. Interest is simple (never compounded), on the unpaid amount owed to the supplier,
 * rounded half up to the fen once per figure, in exact integer arithmetic.
 */
export const DEFAULT_TERM_DAYS = 30;
export const MAX_TERM_DAYS = 60;
/** 万分之五 a day = 500 parts per million. */
export const DEFAULT_DAILY_RATE_PPM = 500;

export function checkDay(value: string, field = 'asOf'): string {
  if (!isIsoDate(value))
    throw new AppError(ErrorCode.INVALID_DATE, `${field} must be a date like 2026-01-31`, { field });
  return value;
}

/** The day given, or today in Asia/Shanghai. */
export function asOfDay(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? shanghaiDate(new Date()) : checkDay(value);
}

/** Calendar-day steps and whole days between 'YYYY-MM-DD' days: the shared calendar (@bangfu/locale). */
export { addDays, daysBetween };

/** amount × rate(ppm) × days / 1,000,000, rounded half up to the fen. */
export function lateInterest(amount: number, dailyRatePpm: number, days: number): number {
  if (days <= 0 || amount <= 0 || dailyRatePpm <= 0) return 0;
  return Number((BigInt(amount) * BigInt(dailyRatePpm) * BigInt(days) + 500_000n) / 1_000_000n);
}

export type ClockStatus = 'NOT_DUE' | 'OVERDUE' | 'PAID' | 'PAID_LATE';

export interface ClockFigures {
  status: ClockStatus;
  daysOverdue: number;
  interestAmount: number;
  /** Still to pay on the asOf day (0 once paid). */
  outstandingAmount: number;
}

/** Where an order's clock stands on `asOf`: a payment counts once its day is not after asOf. */
export function clockFigures(
  row: { dueOn: string; amount: number; paidOn: string | null; dailyRatePpm: number },
  asOf: string,
): ClockFigures {
  const paid = row.paidOn !== null && row.paidOn <= asOf;
  const end = paid ? (row.paidOn as string) : asOf;
  const daysOverdue = Math.max(0, daysBetween(row.dueOn, end));
  const interestAmount = lateInterest(row.amount, row.dailyRatePpm, daysOverdue);
  const status: ClockStatus = paid ? (daysOverdue > 0 ? 'PAID_LATE' : 'PAID') : daysOverdue > 0 ? 'OVERDUE' : 'NOT_DUE';
  return { status, daysOverdue, interestAmount, outstandingAmount: paid ? 0 : row.amount };
}
