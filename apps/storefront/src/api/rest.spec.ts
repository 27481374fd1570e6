import { describe, expect, it } from 'vitest';
import { fileNameOf } from './rest';

describe('export file names', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(
      fileNameOf(`attachment; filename="orders-1.xlsx"; filename*=UTF-8''${encodeURIComponent('单位订单.xlsx')}`, 'x'),
    ).toBe('单位订单.xlsx');
    expect(fileNameOf('attachment; filename="orders-1.csv"', 'x')).toBe('orders-1.csv');
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''%E0%A4%A`, 'x')).toBe('a.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
