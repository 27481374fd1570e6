import { describe, expect, it } from 'vitest';
import { allocate, formatYuan, MoneyScalar } from './index';

describe('allocate (largest remainder)', () => {
  it('splits exactly and gives remainders to the largest fractions', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1001, [55, 30, 15])).toEqual([551, 300, 150]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('always sums to the whole over many random cases', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const total = Math.floor(rnd() * 10_000_000) - 1_000_000;
      const weights = Array.from(
        { length: 1 + Math.floor(rnd() * 7) },
        () => Math.floor(rnd() * 1000) + Number(n % 3 !== 0),
      );
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = allocate(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p) => expect(Number.isInteger(p)).toBe(true));
    }
  });

  it('refuses fractional totals and all-zero weights', () => {
    expect(() => allocate(1.5, [1])).toThrow(/integer/);
    expect(() => allocate(10, [0, 0])).toThrow(/zero/);
  });
});

describe('Money scalar', () => {
  it('accepts safe integers and refuses fractions and unsafe integers', () => {
    expect(MoneyScalar.parseValue(12345)).toBe(12345);
    expect(MoneyScalar.serialize('9007199254740991')).toBe(9007199254740991);
    expect(() => MoneyScalar.parseValue(1.5)).toThrow(/integer/);
    expect(() => MoneyScalar.parseValue('100')).toThrow(/integer/);
    expect(() => MoneyScalar.parseValue(2 ** 53)).toThrow(/integer/);
  });

  it('formats yuan for display', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(-5)).toBe('-¥0.05');
  });
});
