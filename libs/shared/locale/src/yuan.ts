export interface YuanFormat {
  /** Put '¥' after the sign (default true). */
  symbol?: boolean;
  /** Thousands separators (default true). */
  grouping?: boolean;
}

/**
 * Integer fen as yuan text by string arithmetic (no floating point, exact for every safe integer):
 * 123456 → "¥1,234.56", -5 → "-¥0.05"; `{ symbol: false, grouping: false }` → "1234.56" (see fenToYuan).
 * A non-integer is a bug upstream (money is integer fen end to end) and throws.
 */
export function formatYuan(fen: number, { symbol = true, grouping = true }: YuanFormat = {}): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2);
  return `${fen < 0 ? '-' : ''}${symbol ? '¥' : ''}${grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole}.${digits.slice(-2)}`;
}

/** Plain decimal yuan for CSV/XLSX cells, bank files and form fields: 123456 → "1234.56", -120 → "-1.20". */
export function fenToYuan(fen: number): string {
  return formatYuan(fen, { symbol: false, grouping: false });
}
