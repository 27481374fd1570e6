import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, FINDING_STATUSES, FINDING_SUBJECTS, cleanFindingFilter } from '../../api/oversight';
import { isMessageKey, translator } from '../../i18n/translate';
import { figureValue } from './figures';

describe('finding figures', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('shows each unit in its form: yuan, percent, minutes, rules by name', () => {
    expect(figureValue({ name: 'soldPrice', value: 1_380_050, unit: 'FEN', text: null }, zh)).toBe('¥13,800.50');
    expect(figureValue({ name: 'windowShare', value: 9523, unit: 'BPS', text: null }, zh)).toBe('95.23%');
    expect(figureValue({ name: 'spanMinutes', value: 12, unit: 'MINUTES', text: null }, en)).toBe('12 min');
    expect(figureValue({ name: 'rules', value: 0, unit: 'TEXT', text: 'ABOVE_REFERENCE,SUDDEN_RISE' }, zh)).toBe(
      '高于市场参考价 · 价格突涨',
    );
    expect(figureValue({ name: 'sku', value: 0, unit: 'TEXT', text: 'FJS-GT-500' }, zh)).toBe('FJS-GT-500');
    expect(figureValue({ name: 'orderCount', value: 5, unit: 'COUNT', text: null }, zh)).toBe('5');
    expect(figureValue({ name: 'lineKind', value: 0, unit: 'TEXT', text: 'PURCHASE_PAYMENT' }, zh)).toBe('收购款');
  });

  it('names every kind, status and subject of the API', () => {
    for (const k of FINDING_KINDS)
      expect(isMessageKey(`findingKind.${k}`) && isMessageKey(`findingKind.${k}.doc`), k).toBe(true);
    for (const s of FINDING_STATUSES) expect(isMessageKey(`findingStatus.${s}`), s).toBe(true);
    for (const s of FINDING_SUBJECTS) expect(isMessageKey(`findingSubject.${s}`), s).toBe(true);
  });

  it('sends only the filters that are set', () => {
    expect(cleanFindingFilter({ status: 'OPEN', kind: '', subjectType: ' ', regionCode: ' 5206 ' })).toEqual({
      status: 'OPEN',
      regionCode: '5206',
    });
  });
});
