import { describe, expect, it } from 'vitest';
import { axisTop, completionDeadline, remainingFen } from './completion-card';

describe('completion card figures', () => {
  it('remaining is reserved minus counted, never negative', () => {
    expect(remainingFen(1_000_000, 250_000)).toBe(750_000);
    expect(remainingFen(1_000_000, 1_200_000)).toBe(0);
    expect(remainingFen(0, 0)).toBe(0);
  });

  it('the deadline is the last day of the year in Shanghai, with the days left', () => {
    expect(completionDeadline(2026, new Date('2026-12-30T12:00:00+08:00'))).toEqual({
      date: '2026-12-31',
      daysLeft: 1,
    });
    // 31 Dec 20:00 UTC is already 1 Jan in Shanghai
    expect(completionDeadline(2026, new Date('2026-12-31T20:00:00Z')).daysLeft).toBe(-1);
    expect(completionDeadline(2026, new Date('2026-12-31T10:00:00+08:00')).daysLeft).toBe(0);
    expect(completionDeadline(2027, new Date('2026-12-31T10:00:00+08:00')).daysLeft).toBe(365);
  });

  it('the value axis ends at a round number at or above the largest bar', () => {
    expect(axisTop(0)).toBe(0);
    expect(axisTop(7)).toBe(10);
    expect(axisTop(12_345)).toBe(20_000);
    expect(axisTop(50_000)).toBe(50_000);
    expect(axisTop(50_001)).toBe(100_000);
  });
});
