import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskName, normalizeIdNumber } from './masking';

describe('maskName', () => {
  it('keeps the family name and hides the rest', () => {
    expect(maskName('田大姐')).toBe('田**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王五')).toBe('王*');
    expect(maskName('王')).toBe('王*');
    expect(maskName(' 𠮷大哥 ')).toBe('𠮷**'); // a character outside the BMP stays whole
    expect(maskName('')).toBe('');
  });
});

describe('resident ID numbers', () => {
  it('accepts numbers with a correct check character, in either case', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    const id = `52062219850312002${idNumberCheckChar('52062219850312002')}`;
    expect(normalizeIdNumber(id)).toBe(id);
  });

  it('rejects wrong check characters and shapes', () => {
    expect(normalizeIdNumber('110105194912310021')).toBeNull();
    expect(normalizeIdNumber('01010519491231002X')).toBeNull();
    expect(normalizeIdNumber('1101051949123100')).toBeNull();
    expect(normalizeIdNumber('abc')).toBeNull();
  });
});
