import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 BOM (default true): Excel then reads UTF-8 instead of the system code page (GBK). */
  bom?: boolean;
  /** How a number in column `column` (0-based) is written, e.g. money columns as exact yuan; String(n) by default. */
  number?: (value: number, column: number) => string;
}

/**
 * CSV text for spreadsheets, by csv-stringify: RFC 4180 quoting, CRLF after every row, empty cells for
 * null/undefined, and formula-injection escaping — a text cell starting with = + - @, tab or CR (or the
 * full-width ＝ ＋ － ＠) gets a leading apostrophe, so Excel shows supplier names and other user input
 * instead of running them. Numbers are never escaped: a negative amount stays a number. Every CSV export
 * goes through here.
 */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvValue>>, options: CsvOptions = {}): string {
  const formatNumber = options.number ?? ((n: number) => String(n));
  const text = stringify(rows as CsvValue[][], {
    record_delimiter: '\r\n',
    // Quote cells holding a lone \n or \r too (csv-stringify only checks the record delimiter once it is set).
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { number: (value, context) => formatNumber(value, context.index) },
  });
  return options.bom === false ? text : `\uFEFF${text}`;
}
