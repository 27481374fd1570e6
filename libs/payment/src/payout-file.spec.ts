import { describe, expect, it } from 'vitest';
import { loadPaymentConfig } from './payment.config';
import { csvText } from '@bangfu/core';
import { fenToYuan } from '@bangfu/money';
import { payoutCsv } from './payout-file';
import { maskAccountNo } from './payout.resolver';

describe('fenToYuan (string arithmetic)', () => {
  it('formats every amount exactly with two decimals', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(10)).toBe('0.10');
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(-120)).toBe('-1.20');
    // Where floating point would show 90071992547409.9 or round: strings stay exact.
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenToYuan(1_000_000_000_001)).toBe('10000000000.01');
    expect(() => fenToYuan(1.5)).toThrow();
  });
});

describe('CSV', () => {
  it('quotes separators and quotes, and neutralises formula cells', () => {
    const cell = (value: string) => csvText([[value]], { bom: false }).slice(0, -2);
    expect(cell('plain')).toBe('plain');
    expect(cell('a,b')).toBe('"a,b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('=1+1')).toBe("'=1+1");
    expect(cell('+86')).toBe("'+86");
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes a BOM, a header and one CRLF line per payout', () => {
    const csv = payoutCsv([
      {
        supplierId: 's1',
        supplierName: '江口县合作社',
        bankName: '农行',
        bankAccountName: '合作社',
        bankAccountNo: '6228480012345678',
        amount: 100005,
        reference: 'PO-1',
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'supplier_id,supplier_name,bank_name,bank_account_name,bank_account_no,amount_yuan,currency,reference',
      's1,江口县合作社,农行,合作社,6228480012345678,1000.05,CNY,PO-1',
      '',
    ]);
  });

  it('neutralises a supplier name a spreadsheet would run as a formula', () => {
    const line = {
      supplierId: 's1',
      bankName: '农行',
      bankAccountName: '-x',
      bankAccountNo: '1',
      amount: -5,
      reference: 'R',
    };
    const csv = payoutCsv([{ ...line, supplierName: '=HYPERLINK("http://x","点我")' }]);
    expect(csv.slice(1).split('\r\n')[1]).toBe(`s1,"'=HYPERLINK(""http://x"",""点我"")",农行,'-x,1,-0.05,CNY,R`);
  });
});

describe('payment configuration', () => {
  it('enables Stripe only with a secret key and validates the rest', () => {
    expect(loadPaymentConfig({})).toEqual({ stripe: null });
    expect(loadPaymentConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_x12345678' })).toEqual({ stripe: null });
    expect(
      loadPaymentConfig({
        STRIPE_SECRET_KEY: 'sk_test_1',
        STRIPE_API_HOST: '127.0.0.1',
        STRIPE_API_PORT: '12111',
        STRIPE_API_PROTOCOL: 'http',
      }).stripe,
    ).toEqual({
      secretKey: 'sk_test_1',
      webhookSecret: null,
      publishableKey: null,
      host: '127.0.0.1',
      port: 12111,
      protocol: 'http',
    });
    expect(() => loadPaymentConfig({ STRIPE_SECRET_KEY: 'nope' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadPaymentConfig({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_API_PROTOCOL: 'ftp' })).toThrow(
      /STRIPE_API_PROTOCOL/,
    );
  });

  it('masks bank account numbers for non-admins', () => {
    expect(maskAccountNo('6228480012345678901')).toBe('****8901');
    expect(maskAccountNo(null)).toBeNull();
  });
});
