import { describe, expect, it } from 'vitest';
import {
  barHeights,
  bpsToPercentText,
  gaugeArc,
  parsePercentToBps,
  periodRange,
  reservedAmountOf,
  shanghaiMonth,
  shanghaiYear,
} from './agency';

describe('ratios', () => {
  it('parses percent text into basis points without floats', () => {
    expect(parsePercentToBps('10')).toBe(1000);
    expect(parsePercentToBps('12.5')).toBe(1250);
    expect(parsePercentToBps('0.05')).toBe(5);
    expect(parsePercentToBps('.5')).toBe(50);
    expect(parsePercentToBps('30%')).toBe(3000);
    expect(parsePercentToBps('100')).toBe(10000);
    expect(parsePercentToBps('100.01')).toBeNull();
    expect(parsePercentToBps('-1')).toBeNull();
    expect(parsePercentToBps('1.234')).toBeNull();
    expect(parsePercentToBps('abc')).toBeNull();
    expect(parsePercentToBps('')).toBeNull();
  });

  it('prints basis points as percent text', () => {
    expect(bpsToPercentText(1000)).toBe('10');
    expect(bpsToPercentText(1250)).toBe('12.5');
    expect(bpsToPercentText(5)).toBe('0.05');
    expect(bpsToPercentText(0)).toBe('0');
  });

  it('computes the reserved amount rounded half up, like the server', () => {
    expect(reservedAmountOf(1_234_567, 1250)).toBe(154_321); // 154,320.875
    expect(reservedAmountOf(200_000_000, 1500)).toBe(30_000_000);
    expect(reservedAmountOf(1, 5000)).toBe(1); // 0.5 → 1
    expect(reservedAmountOf(1, 4999)).toBe(0);
    expect(reservedAmountOf(9_007_199_254_740_991, 10000)).toBe(9_007_199_254_740_991);
  });
});

describe('Beijing calendar', () => {
  it('uses Asia/Shanghai for the year and month', () => {
    const newYearEve = new Date('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 in Beijing
    expect(shanghaiYear(newYearEve)).toBe(2027);
    expect(shanghaiMonth(newYearEve)).toBe('2027-01');
    expect(shanghaiMonth(newYearEve, -1)).toBe('2026-12');
    expect(shanghaiMonth(newYearEve, -13)).toBe('2025-12');
  });

  it('turns period choices into month ranges', () => {
    const now = new Date('2026-03-15T04:00:00Z');
    expect(periodRange('thisMonth', now)).toEqual({ from: '2026-03', to: '2026-03' });
    expect(periodRange('last3', now)).toEqual({ from: '2026-01', to: '2026-03' });
    expect(periodRange('last12', now)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(periodRange('thisYear', now)).toEqual({ from: '2026-01', to: '2026-03' });
  });
});

describe('chart geometry', () => {
  it('draws the gauge arc from the left end to the fraction', () => {
    expect(gaugeArc(0)).toBe('M 20 100 A 80 80 0 0 1 20 100');
    expect(gaugeArc(0.5)).toBe('M 20 100 A 80 80 0 0 1 100 20');
    expect(gaugeArc(1)).toBe('M 20 100 A 80 80 0 0 1 180 100');
    expect(gaugeArc(3)).toBe(gaugeArc(1));
    expect(gaugeArc(Number.NaN)).toBe(gaugeArc(0));
  });

  it('scales bars to the largest month, keeping small positive months visible', () => {
    expect(barHeights([0, 50, 100, 1], 100)).toEqual([0, 50, 100, 1]);
    expect(barHeights([0, 0], 100)).toEqual([0, 0]);
    expect(barHeights([-10, 10], 80)).toEqual([0, 80]);
  });
});
