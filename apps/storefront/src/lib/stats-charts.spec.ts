import { describe, expect, it } from 'vitest';
import { compactYuan, moneyChartOption, shareRingOption } from './stats-charts';

describe('chart options for the statistics dashboard', () => {
  it('writes axis amounts compactly in yuan from fen', () => {
    expect(compactYuan(0, 'zh-CN')).toBe('0');
    expect(compactYuan(12_345, 'zh-CN')).toBe('123.45');
    expect(compactYuan(12_345_600, 'zh-CN')).toBe('12.3万');
    expect(compactYuan(134_700_000_000, 'zh-CN')).toBe('13.47亿');
    expect(compactYuan(12_345_600, 'en')).toBe('123.5K');
  });

  it('plots yuan but shows the exact fen amount in the tooltip', () => {
    const option = moneyChartOption({
      categories: ['专馆', '专区'],
      series: [{ name: '认定产品', values: [123_456, 1] }],
      locale: 'zh-CN',
    });
    expect(option.series[0].data).toEqual([1234.56, 0.01]);
    const text = option.tooltip.formatter([{ seriesName: '认定产品', dataIndex: 0, seriesIndex: 0, marker: '' }]);
    expect(text).toBe('专馆<br/>认定产品：¥1,234.56');
  });

  it('escapes names in tooltips (labels come from user-entered channel and supplier names)', () => {
    const option = moneyChartOption({
      categories: ['<b>x</b>'],
      series: [{ name: 'a&b', values: [100] }],
      locale: 'en',
    });
    expect(option.tooltip.formatter({ seriesName: 'a&b', dataIndex: 0, seriesIndex: 0 })).toBe(
      '&#60;b&#62;x&#60;/b&#62;<br/>a&#38;b：¥1.00',
    );
  });

  it('puts the value axis on x for horizontal bars', () => {
    const option = moneyChartOption({
      categories: ['江口县'],
      series: [{ name: 'n', values: [1] }],
      locale: 'zh-CN',
      horizontal: true,
    });
    expect(option.xAxis.type).toBe('value');
    expect(option.yAxis.type).toBe('category');
  });

  it('rings shares with amount and percentage', () => {
    const option = shareRingOption({
      items: [
        { name: '认定产品', fen: 9_000 },
        { name: '未认定产品', fen: 1_000 },
      ],
    });
    expect(option.series[0].data).toEqual([
      { name: '认定产品', value: 90 },
      { name: '未认定产品', value: 10 },
    ]);
    expect(option.tooltip.formatter({ name: '未认定产品', dataIndex: 1, percent: 10 })).toBe(
      '未认定产品：¥10.00（10.0%）',
    );
  });
});
