import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayStart,
  daysBetween,
  fenToYuan,
  formatShanghaiTime,
  formatYuan,
  isCalendarDate,
  isCalendarMonth,
  monthBounds,
  monthsBetween,
  monthStart,
  parseTimestamp,
  shanghaiDate,
  shanghaiMonth,
  shanghaiPeriod,
  shanghaiYear,
  toBusinessDate,
} from './index';

describe('yuan', () => {
  it('formats integer fen exactly, with or without symbol and grouping', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuan(100000000)).toBe('¥1,000,000.00');
    expect(formatYuan(123456, { symbol: false })).toBe('1,234.56');
    expect(formatYuan(123456, { grouping: false })).toBe('¥1234.56');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(10)).toBe('0.10');
    expect(fenToYuan(-120)).toBe('-1.20');
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
    expect(() => fenToYuan(1.5)).toThrow(/integer/);
  });
});

describe('Asia/Shanghai business dates', () => {
  it('reads the Shanghai calendar at the UTC day boundary (16:00Z is the next day)', () => {
    expect(shanghaiDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(shanghaiDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    expect(shanghaiMonth(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01');
    expect(shanghaiYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(shanghaiPeriod(new Date('2026-03-31T16:30:00Z'))).toEqual({ year: 2026, month: 4 });
    expect(formatShanghaiTime(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01 00:30');
  });

  it('parses dates and months strictly', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
    expect(isCalendarDate(' 2026-01-05')).toBe(false);
    expect(isCalendarMonth('2026-12')).toBe(true);
    expect(isCalendarMonth('2026-13')).toBe(false);
    expect(parseTimestamp('2026-01-31T10:00:00+08:00')?.toISOString()).toBe('2026-01-31T02:00:00.000Z');
    expect(parseTimestamp('2026-01-31T10:00:00')).toBeNull();
    expect(parseTimestamp('2026-01-31T10:00:00', { zoned: false })).not.toBeNull();
    expect(toBusinessDate(' 2026-01-31 ')).toBe('2026-01-31');
    expect(toBusinessDate('2026-01-31T16:30:00Z')).toBe('2026-02-01');
    expect(toBusinessDate('2026-02-30')).toBeNull();
    expect(toBusinessDate('tomorrow')).toBeNull();
  });

  it('turns days and months into instants, bounds and steps', () => {
    expect(dayStart('2026-01-31').toISOString()).toBe('2026-01-30T16:00:00.000Z');
    expect(dayStart('2026-01-31', 'end').toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(monthStart('2026-12', 'end').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
    expect(daysBetween('2026-12-25', '2026-12-31')).toBe(6);
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(monthsBetween('2026-13', '2027-01')).toEqual([]);
  });
});
