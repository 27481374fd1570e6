import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, parseYuanToFen } from './money';

describe('parseYuanToFen', () => {
  it('converts yuan text to integer fen without floating point', () => {
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('12.50')).toBe(1250);
    expect(parseYuanToFen('3')).toBe(300);
    expect(parseYuanToFen('0.01')).toBe(1);
    expect(parseYuanToFen('.5')).toBe(50);
    expect(parseYuanToFen('12.')).toBe(1200);
    expect(parseYuanToFen('0')).toBe(0);
    expect(parseYuanToFen(' ¥1,234.56 ')).toBe(123456);
    // 0.29 * 100 is 28.999999999999996 in floating point; string arithmetic gives 29.
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.15')).toBe(115);
  });

  it('refuses negatives, extra decimals, exponents and garbage', () => {
    for (const bad of ['', ' ', '-1', '1.234', '1e3', 'abc', '12,5.0.1', '1.2.3', '+5', '¥', '99999999999999']) {
      expect(parseYuanToFen(bad), bad).toBeNull();
    }
  });
});

describe('formatFen and fenToYuanText', () => {
  it('shows fen as yuan with two decimals and grouping', () => {
    expect(formatFen(1250)).toBe('¥12.50');
    expect(formatFen(1)).toBe('¥0.01');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-505)).toBe('-¥5.05');
    expect(formatFen(null)).toBe('—');
    expect(formatFen(1.5)).toBe('—');
  });

  it('round-trips through the form text', () => {
    for (const fen of [0, 1, 10, 99, 100, 1250, 9999999]) expect(parseYuanToFen(fenToYuanText(fen))).toBe(fen);
    expect(fenToYuanText(5)).toBe('0.05');
  });
});
