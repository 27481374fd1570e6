import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../api/ordering';
import { reasonKey } from '../lib/orders';
import {
  dictionaries,
  errorText,
  isMessageKey,
  type Locale,
  LOCALES,
  type MessageKey,
  type Namespace,
  NAMESPACES,
  noticeTitle,
  roleName,
  translator,
} from './translate';
import { zhCN } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const texts = (locale: Locale, ns: Namespace) => dictionaries[locale][ns] as Record<string, string>;

  for (const locale of LOCALES) {
    it(`${locale} has exactly the zh-CN keys in each namespace, none empty, same placeholders`, () => {
      expect(Object.keys(dictionaries[locale]).sort()).toEqual([...NAMESPACES].sort());
      for (const ns of NAMESPACES) {
        const source = Object.keys(zhCN[ns]).sort();
        expect(Object.keys(texts(locale, ns)).sort(), ns).toEqual(source);
        for (const key of source) {
          expect(texts(locale, ns)[key].trim(), key).not.toBe('');
          expect(placeholders(texts(locale, ns)[key]), key).toEqual(placeholders(texts('zh-CN', ns)[key]));
        }
      }
    });

    it(`${locale}: i18next gives every text as written, its placeholders filled`, () => {
      const t = translator(locale);
      for (const ns of NAMESPACES)
        for (const [key, text] of Object.entries(texts(locale, ns))) {
          const params = Object.fromEntries(placeholders(text).map((p) => [p, `<${p}>`]));
          const expected = text.replace(/\{(\w+)\}/g, (_all, p: string) => `<${p}>`);
          expect(t(key as MessageKey, params), key).toBe(expected);
        }
    });
  }

  it('keeps each key in one namespace only, so a key alone finds its text', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const ns of NAMESPACES)
      for (const key of Object.keys(zhCN[ns])) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${ns}`);
        seen.set(key, ns);
      }
    expect(twice).toEqual([]);
  });

  it('names every role of the API in both languages', () => {
    const roles = [
      'PURCHASER',
      'APPROVER',
      'AGENCY_ADMIN',
      'SUPPLIER_ADMIN',
      'SUPPLIER_STAFF',
      'FARMER',
      'COORDINATOR',
      'AUDITOR',
      'PLATFORM_ADMIN',
      'CUSTOMER',
    ];
    for (const role of roles) {
      expect(roleName(translator('zh-CN'), role)).not.toBe(role);
      expect(roleName(translator('en'), role)).not.toBe(role);
    }
    expect(roleName(translator('zh-CN'), 'PURCHASER')).toBe('采购人');
    expect(roleName(translator('en'), 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});

describe('placeholders and errorText', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(translator('en')('account.password.rules', { min: 10 })).toMatch(/^At least 10 characters/);
    expect(translator('en')('account.password.rules')).toMatch(/^At least \{min\} characters/);
    expect(translator('zh-CN')('account.password.rules', { lng: 'en', ns: 'x' } as never)).toMatch(/^至少 \{min\}/);
  });

  it('translates API error codes with their details', () => {
    expect(errorText(translator('zh-CN'), { code: 'INVALID_CREDENTIALS' })).toBe('账号或密码不正确');
    expect(errorText(translator('en'), { code: 'RATE_LIMITED', details: { retryAfterSeconds: 42 } })).toContain('42 s');
    expect(errorText(translator('en'), { code: 'NO_SUCH_CODE' })).toBe(translator('en')('error.UNKNOWN'));
  });
});

describe('ordering vocabulary', () => {
  // Enum values of the API (libs/ordering, libs/payment) the storefront shows by key.
  const enums: Record<string, readonly string[]> = {
    orderStatus: ORDER_STATUSES,
    supplierOrderStatus: ['AWAITING_SHIPMENT', 'SHIPPED', 'DELIVERED', 'CANCELLED'],
    paymentStatus: ['REQUIRES_PAYMENT', 'AWAITING_CONFIRMATION', 'SUCCEEDED', 'FAILED', 'CANCELED', 'REJECTED'],
    paymentMethod: ['CARD', 'ALIPAY', 'WECHAT_PAY', 'BANK_TRANSFER'],
    paymentMode: ['PREPAY', 'PAY_ON_DELIVERY'],
    actorKind: ['BUYER', 'APPROVER', 'SUPPLIER', 'PLATFORM_ADMIN', 'SYSTEM', 'COUNTER'],
    lineCert: ['CERTIFIED', 'PENDING', 'VERIFIED', 'EXPIRED', 'REVOKED', 'REJECTED', 'NOT_YET_VALID', 'NONE'],
    unavailableReason: [
      'UNKNOWN_VARIANT',
      'VARIANT_INACTIVE',
      'PRODUCT_NOT_PUBLISHED',
      'SUPPLIER_NOT_APPROVED',
      'NOT_IN_CHANNEL',
    ],
    orderInput: [
      'INVALID_QUANTITY',
      'QUANTITY_TOO_LARGE',
      'DUPLICATE_LINE',
      'TOO_MANY_LINES',
      'NO_LINES',
      'UNKNOWN_CHANNEL',
      'CHANNEL_DISABLED',
      'INVALID_IDEMPOTENCY_KEY',
      'AMOUNT_TOO_LARGE',
    ],
    error: [
      'ORDER_NOT_SHIPPABLE',
      'ORDER_PAID',
      'ORDER_ALREADY_SHIPPED',
      'IDEMPOTENCY_KEY_REUSED',
      'ORDER_NOT_PAYABLE',
      'BANK_TRANSFER_NOT_ALLOWED',
      'PAYMENT_AMOUNT_MISMATCH',
      'INVALID_DOCUMENT_TYPE',
    ],
  };

  it('names every status, method, actor and refusal the API sends', () => {
    for (const [domain, values] of Object.entries(enums)) {
      for (const v of values) expect(isMessageKey(`${domain}.${v}`), `${domain}.${v}`).toBe(true);
    }
    for (const reason of [
      'order placed',
      'payment received',
      'first supplier order shipped',
      'every supplier order delivered',
      'payment deadline passed',
      'handed over at the counter',
    ]) {
      const key = reasonKey(reason);
      expect(key && isMessageKey(key), reason).toBe(true);
    }
    expect(translator('zh-CN')('orderStatus.FULFILLING')).toBe('履约中');
    expect(translator('en')('supplierOrderStatus.SHIPPED')).toBe('Shipped');
  });
});

describe('noticeTitle', () => {
  it('translates order notifications by kind with their order number, and keeps the server title when it cannot', () => {
    const n = {
      kind: 'ORDER_PAID',
      title: '订单 BF1 已支付，请发货',
      data: JSON.stringify({ orderId: 'x', orderNo: 'BF1' }),
    };
    expect(noticeTitle(translator('en'), n)).toBe('Order BF1 is paid; please ship');
    expect(noticeTitle(translator('zh-CN'), n)).toBe('订单 BF1 已支付，请发货');
    expect(noticeTitle(translator('en'), { ...n, data: '{}' })).toBe(n.title);
    expect(noticeTitle(translator('en'), { kind: 'SUPPLIER_APPROVED', title: 'x', data: '{}' })).toBe(
      'Supplier admission approved',
    );
    expect(noticeTitle(translator('en'), { kind: 'SOMETHING_NEW', title: '新东西', data: '{}' })).toBe('新东西');
  });
});
