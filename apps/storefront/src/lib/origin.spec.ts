import { describe, expect, it } from 'vitest';
import { originLabel } from './origin';

describe('originLabel', () => {
  it('names the province and county of a village origin', () => {
    const path = [
      { code: '520000000000', name: '贵州省', level: 1 },
      { code: '520600000000', name: '铜仁市', level: 2 },
      { code: '520621000000', name: '江口县', level: 3 },
      { code: '520621102000', name: '太平镇', level: 4 },
      { code: '520621102205', name: '云舍村村民委员会', level: 5 },
    ];
    expect(originLabel({ name: '云舍村村民委员会', path })).toBe('贵州省 江口县');
    expect(originLabel({ name: '铜仁市', path: path.slice(0, 2) })).toBe('铜仁市');
    expect(originLabel(null)).toBe('');
  });
});
