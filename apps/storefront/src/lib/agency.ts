// Pure helpers of the agency portal and the farmer's income page: ratios typed in percent, the
// reserved amount the server will compute, chart geometry and the "current year" on Beijing time.

import { addMonths, shanghaiMonth as monthOf } from '@bangfu/locale';

const PERCENT = /^(\d{1,3})(?:\.(\d{0,2}))?$/;

/** "12.5" → 1250 basis points, "10" → 1000, "0.05" → 5; null for anything else or above 100%. */
export function parsePercentToBps(input: string): number | null {
  const text = input.trim().replace(/%$/, '').trim();
  const m = PERCENT.exec(text.startsWith('.') ? `0${text}` : text);
  if (!m) return null;
  const bps = Number(`${m[1]}${(m[2] ?? '').padEnd(2, '0')}`);
  return bps <= 10000 ? bps : null;
}

/** 1250 → "12.5", 1000 → "10", 5 → "0.05" (no float arithmetic). */
export function bpsToPercentText(bps: number): string {
  const text = String(Math.abs(bps)).padStart(3, '0');
  const frac = text.slice(-2).replace(/0+$/, '');
  return `${bps < 0 ? '-' : ''}${text.slice(0, -2)}${frac ? `.${frac}` : ''}`;
}

/** budget × bps / 10000 rounded half up to the fen, as the server does (exact, BigInt). */
export function reservedAmountOf(budgetFen: number, bps: number): number {
  const product = BigInt(budgetFen) * BigInt(bps);
  return Number((product * 2n + 10000n) / 20000n);
}

/** The year in Asia/Shanghai (where completion years are counted). */
export { shanghaiYear } from '@bangfu/locale';

/** "YYYY-MM" of a date in Asia/Shanghai, optionally shifted by whole months. */
export function shanghaiMonth(now: Date = new Date(), shift = 0): string {
  return addMonths(monthOf(now), shift);
}

export type IncomePeriod = 'thisMonth' | 'last3' | 'last12' | 'thisYear';
export const INCOME_PERIODS: readonly IncomePeriod[] = ['thisMonth', 'last3', 'last12', 'thisYear'];

/** The months (inclusive) a period choice covers. */
export function periodRange(period: IncomePeriod, now: Date = new Date()): { from: string; to: string } {
  const to = shanghaiMonth(now);
  switch (period) {
    case 'thisMonth':
      return { from: to, to };
    case 'last3':
      return { from: shanghaiMonth(now, -2), to };
    case 'last12':
      return { from: shanghaiMonth(now, -11), to };
    case 'thisYear':
      return { from: `${to.slice(0, 4)}-01`, to };
  }
}

/** A point on a circle of radius r around (cx, cy); angle in degrees, 0 = pointing left, 180 = right. */
function polar(cx: number, cy: number, r: number, deg: number): [number, number] {
  const rad = Math.PI - (deg * Math.PI) / 180;
  return [cx + r * Math.cos(rad), cy - r * Math.sin(rad)];
}

/** The SVG path of a half-circle gauge arc from 0 to `fraction` (clamped to 0–1). */
export function gaugeArc(fraction: number, cx = 100, cy = 100, r = 80): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const [x0, y0] = polar(cx, cy, r, 0);
  const [x1, y1] = polar(cx, cy, r, f * 180);
  const round = (n: number) => Math.round(n * 100) / 100;
  return `M ${round(x0)} ${round(y0)} A ${r} ${r} 0 0 1 ${round(x1)} ${round(y1)}`;
}

/** Bar heights (0–max) for monthly amounts, scaled to `scaleTop` (default: the largest); all zero when there is nothing. */
export function barHeights(amounts: readonly number[], max: number, scaleTop?: number): number[] {
  const top = Math.max(0, scaleTop ?? 0, ...amounts);
  if (top <= 0) return amounts.map(() => 0);
  return amounts.map((a) => (a > 0 ? Math.max(1, Math.round((a / top) * max)) : 0));
}
