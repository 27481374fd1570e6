import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { procurementErrorText } from './procurement-errors';

describe('procurement errors', () => {
  it('explains approval refusals with amounts in yuan, in both languages', () => {
    const error = {
      code: 'APPROVAL_LIMIT_EXCEEDED',
      details: { totalAmount: 632000, approvalLimit: 500000, field: 'id' },
    };
    expect(procurementErrorText(translator('zh-CN'), error)).toBe('申请金额 ¥6,320.00 超过您的审批限额 ¥5,000.00');
    expect(procurementErrorText(translator('en'), error)).toBe(
      'The request (¥6,320.00) exceeds your approval limit (¥5,000.00)',
    );
    expect(procurementErrorText(translator('zh-CN'), { code: 'SELF_APPROVAL', details: {} })).toBe(
      '不能审批自己提交的采购申请',
    );
  });

  it('writes the jurisdiction minimum as a percentage', () => {
    expect(
      procurementErrorText(translator('zh-CN'), { code: 'RATIO_BELOW_MINIMUM', details: { minimumBps: 3000 } }),
    ).toContain('30%');
  });

  it('falls back to the generic message for unknown codes', () => {
    expect(procurementErrorText(translator('en'), { code: 'SOMETHING_ELSE', details: {} })).toBe(
      translator('en')('error.UNKNOWN'),
    );
  });
});
