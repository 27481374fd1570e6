import { csvText } from '@bangfu/core';
import { type Fen, fenToYuan } from '@bangfu/money';

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
      l.amount,
      'CNY',
      l.reference,
    ]),
  ];
  // Supplier and account names are user input: csvText neutralises formula cells. The amount is exact yuan.
  return csvText(rows, { number: (fen) => fenToYuan(fen) });
}
