import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, withCheckChar } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts real published codes', () => {
    // 国家市场监督管理总局's own example and a listed company's code
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode(withCheckChar('93520621MA6DKT8Y1'))).toBe(true);
  });

  it('refuses a wrong check character, forbidden letters and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('9135010OM000100Y43')).toBe(false);
  });
});
