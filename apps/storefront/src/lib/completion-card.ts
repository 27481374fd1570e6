import { daysBetween, shanghaiDate } from '@bangfu/locale';

// Figures of the agency completion card that the server does not send: what is still to buy, and the
// deadline. Completion counts orders accepted within the calendar year (Asia/Shanghai), so the year's
// last day is the deadline.

/** Fen still to buy to reach the reserved amount; never negative (overshooting is fine). */
export function remainingFen(reservedAmount: number, countedAmount: number): number {
  return Math.max(0, reservedAmount - countedAmount);
}

/** The year's deadline and the whole days left until it (0 on the day itself, negative once passed). */
export function completionDeadline(year: number, now: Date = new Date()): { date: string; daysLeft: number } {
  const date = `${year}-12-31`;
  return { date, daysLeft: daysBetween(shanghaiDate(now), date) };
}

/** Round axis ticks for a bar chart: 0 and a "nice" top at or above the largest value (1, 2, 5 × 10ⁿ). */
export function axisTop(max: number): number {
  if (!(max > 0)) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}
