// ECharts options for the statistics dashboard, as plain data (testable without a browser). Amounts
// arrive in fen; the axes show yuan in a compact form, the tooltips the exact amount via formatFen.
import { formatFen } from './money';

export interface Series {
  name: string;
  /** Fen per category, in the categories' order. */
  values: number[];
  stack?: string;
  color?: string;
}

const PALETTE = ['#2f6b3a', '#c98b2b', '#3b6ea5', '#a0463c', '#6b5ca5', '#4d8f8b', '#8a8f3c', '#b0678f'];

/** Axis text: 0 → "0", 12_345_600 fen → "12.3万" (zh) / "123.5K" (en); the tooltip has the exact figure. */
export function compactYuan(fen: number, locale: string): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (locale.startsWith('zh')) {
    if (abs >= 1e8) return `${+(yuan / 1e8).toFixed(2)}亿`;
    if (abs >= 1e4) return `${+(yuan / 1e4).toFixed(1)}万`;
    return String(+yuan.toFixed(2));
  }
  if (abs >= 1e6) return `${+(yuan / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${+(yuan / 1e3).toFixed(1)}K`;
  return String(+yuan.toFixed(2));
}

interface TooltipParam {
  seriesName?: string;
  name?: string;
  marker?: string;
  dataIndex: number;
  seriesIndex?: number;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Bars (or a line) per category: money in fen, yuan on the value axis, exact amounts in the tooltip. */
export function moneyChartOption(opts: {
  categories: string[];
  series: Series[];
  locale: string;
  kind?: 'bar' | 'line';
  horizontal?: boolean;
}) {
  const { categories, series, locale, kind = 'bar', horizontal = false } = opts;
  const valueAxis = {
    type: 'value',
    axisLabel: { formatter: (v: number) => compactYuan(v * 100, locale) },
    splitLine: { lineStyle: { color: '#e6e2d8' } },
  };
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: { interval: 0, hideOverlap: true, width: horizontal ? 110 : 90, overflow: 'truncate' },
    axisTick: { alignWithLabel: true },
    inverse: horizontal,
  };
  return {
    color: series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]),
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: kind === 'bar' ? 'shadow' : 'line' },
      confine: true,
      formatter: (params: TooltipParam[] | TooltipParam) => {
        const list = Array.isArray(params) ? params : [params];
        if (!list.length) return '';
        const i = list[0].dataIndex;
        const lines = list.map(
          (p) =>
            `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}：${formatFen(series[p.seriesIndex ?? 0]?.values[i])}`,
        );
        return [escapeHtml(categories[i] ?? ''), ...lines].join('<br/>');
      },
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: kind,
      stack: s.stack,
      barMaxWidth: 40,
      emphasis: { focus: 'series' },
      data: s.values.map((fen) => fen / 100),
    })),
  };
}

/** A ring of shares (e.g. certified vs uncertified); tooltip with the amount and the percentage. */
export function shareRingOption(opts: { items: Array<{ name: string; fen: number; color?: string }> }) {
  const { items } = opts;
  return {
    color: items.map((it, i) => it.color ?? PALETTE[i % PALETTE.length]),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; dataIndex: number; percent: number; marker?: string }) =>
        `${p.marker ?? ''}${escapeHtml(p.name)}：${formatFen(items[p.dataIndex]?.fen)}（${p.percent.toFixed(1)}%）`,
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{d}%' },
        data: items.map((it) => ({ name: it.name, value: it.fen / 100 })),
      },
    ],
  };
}
