import { fenToYuan, formatYuan } from '@bangfu/locale';

// Money is integer fen end to end (DESIGN: never floats). Amounts typed in yuan are converted with
// string arithmetic, so "0.1" + "0.2" style rounding can never reach the API.

const YUAN = /^(\d{1,13})(?:\.(\d{0,2}))?$/;

/**
 * "12.5" → 1250, "3" → 300, "0.01" → 1, "¥1,234.50" → 123450. Returns null for anything that is
 * not a non-negative amount with at most two decimals (negative, "1.234", "abc", "1e3", empty).
 */
export function parseYuanToFen(input: string): number | null {
  const text = input
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/,/g, '');
  if (text.startsWith('.')) return parseYuanToFen(`0${text}`);
  const m = YUAN.exec(text);
  if (!m) return null;
  const [, whole, frac = ''] = m;
  const digits = `${whole}${frac.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const fen = Number(digits);
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Yuan text for a fen amount, without currency sign or grouping: 1250 → "12.50" (for form fields). */
export function fenToYuanText(fen: number): string {
  return Number.isSafeInteger(fen) ? fenToYuan(fen) : '';
}

/** Display form: 123450 → "¥1,234.50" (the server's formatter, @bangfu/locale); null/undefined → "—". */
export function formatFen(fen: number | null | undefined): string {
  return fen === null || fen === undefined || !Number.isSafeInteger(fen) ? '—' : formatYuan(fen);
}
