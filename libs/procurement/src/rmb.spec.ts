import { describe, expect, it } from 'vitest';
import { toCsv } from './export.service';
import { fenToYuan, formatYuan } from '@bangfu/money';
import { rmbUppercase } from './rmb';

describe('rmbUppercase (人民币大写)', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1050, '壹拾元伍角整'],
    [10500, '壹佰零伍元整'],
    [101000, '壹仟零壹拾元整'],
    [1050000, '壹万零伍佰元整'],
    [12345678, '壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
    [1000010000, '壹仟万零壹佰元整'],
    [10001000000, '壹亿零壹万元整'],
    [10000000100, '壹亿零壹元整'],
    [-250, '负贰元伍角整'],
  ])('%i fen → %s', (fen, text) => {
    expect(rmbUppercase(fen)).toBe(text);
  });

  it('formats yuan exactly', () => {
    // documents.ts writes amounts as formatYuan(…, { symbol: false }) after its own ¥.
    expect(formatYuan(123456789, { symbol: false })).toBe('1,234,567.89');
    expect(formatYuan(-5, { symbol: false })).toBe('-0.05');
    expect(fenToYuan(100001)).toBe('1000.01');
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, quotes, neutralises formulas but keeps negative amounts as numbers', () => {
    const csv = toCsv<{ name: string; fen: number }>(
      [
        { header: '名称', width: 10, value: (r) => r.name },
        { header: '金额（元）', width: 10, value: (r) => r.fen, money: true },
      ],
      [
        { name: '=HYPERLINK("x")', fen: -30_000 },
        { name: '茶叶, 250g', fen: 12_345 },
      ],
    );
    expect(csv).toBe('\uFEFF名称,金额（元）\r\n"\'=HYPERLINK(""x"")",-300.00\r\n"茶叶, 250g",123.45\r\n');
  });
});
