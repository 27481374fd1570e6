import type { Fen } from '@bangfu/money';

/**
 * Fen as yuan with two decimals by string arithmetic (no floating point): 123456 → "1234.56",
 * 5 → "0.05", -120 → "-1.20". Exact for every safe integer.
 */
export function fenToYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * One CSV cell (RFC 4180 quoting). Cells that a spreadsheet would run as a formula (= + - @, tab,
 * CR) get a leading apostrophe: supplier names are user input and the file is opened in Excel.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface BankPayoutLine {
  supplierId: string;
  supplierName: string;
  bankName: string;
  bankAccountName: string;
  bankAccountNo: string;
  amount: Fen;
  reference: string;
}

export const PAYOUT_CSV_HEADER = [
  'supplier_id',
  'supplier_name',
  'bank_name',
  'bank_account_name',
  'bank_account_no',
  'amount_yuan',
  'currency',
  'reference',
];

/** The bank payout file: a UTF-8 BOM (so Excel reads the Chinese names), a header, one line per supplier, CRLF. */
export function payoutCsv(lines: BankPayoutLine[]): string {
  const rows = [
    PAYOUT_CSV_HEADER,
    ...lines.map((l) => [
      l.supplierId,
      l.supplierName,
      l.bankName,
      l.bankAccountName,
      l.bankAccountNo,
      fenToYuan(l.amount),
      'CNY',
      l.reference,
    ]),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
