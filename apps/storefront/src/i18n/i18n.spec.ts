import { describe, expect, it } from 'vitest';
import { dictionaries, errorText, format, LOCALES, roleName, translator } from './translate';
import { zhCN } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const source = Object.keys(zhCN).sort();

  for (const locale of LOCALES) {
    it(`${locale} has exactly the zh-CN keys, none empty, same placeholders`, () => {
      const dict = dictionaries[locale] as Record<string, string>;
      expect(Object.keys(dict).sort()).toEqual(source);
      for (const key of source) {
        expect(dict[key].trim(), key).not.toBe('');
        expect(placeholders(dict[key]), key).toEqual(placeholders((zhCN as Record<string, string>)[key]));
      }
    });
  }

  it('names every role of the API in both languages', () => {
    const roles = ['PURCHASER', 'APPROVER', 'AGENCY_ADMIN', 'SUPPLIER_ADMIN', 'SUPPLIER_STAFF', 'FARMER', 'COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN', 'CUSTOMER'];
    for (const role of roles) {
      expect(roleName(translator('zh-CN'), role)).not.toBe(role);
      expect(roleName(translator('en'), role)).not.toBe(role);
    }
    expect(roleName(translator('zh-CN'), 'PURCHASER')).toBe('采购人');
    expect(roleName(translator('en'), 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});

describe('format and errorText', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('translates API error codes with their details', () => {
    expect(errorText(translator('zh-CN'), { code: 'INVALID_CREDENTIALS' })).toBe('账号或密码不正确');
    expect(errorText(translator('en'), { code: 'RATE_LIMITED', details: { retryAfterSeconds: 42 } })).toContain('42 s');
    expect(errorText(translator('en'), { code: 'NO_SUCH_CODE' })).toBe(translator('en')('error.UNKNOWN'));
  });
});
