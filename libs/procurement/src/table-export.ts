import type { Response } from 'express';
import {
  attachmentDisposition,
  CSV_CONTENT_TYPE,
  lazyModule,
  notFound,
  sendAttachment,
  XLSX_CONTENT_TYPE,
} from '@bangfu/core';
import { type Column, toCsv } from './export.service';

// exceljs is loaded on the first export, not at start: tens of MB the API would otherwise hold for a rare download.
const excel = lazyModule<typeof import('exceljs')>('exceljs');

export type ExportFormat = 'csv' | 'xlsx';

/** The extension of an export route (`orders.:format`): csv or xlsx, anything else is a route that does not exist. */
export function exportFormat(format: string): ExportFormat {
  if (format === 'csv' || format === 'xlsx') return format;
  throw notFound('Export format', format);
}

/** One table of an export: its columns and rows, the sheet and file names, and a notice's title line if any. */
export interface ExportTable<R> {
  columns: ReadonlyArray<Column<R>>;
  rows: R[];
  sheetName: string;
  /** ASCII file name (without extension) and the Chinese one browsers show. */
  fileBase: string;
  zhName: string;
  title?: string;
}

/**
 * XLSX: the title row when given (merged, bold), the header row, the rows; both frozen. Money as yuan
 * numbers formatted #,##0.00 so the spreadsheet can sum them.
 */
export async function tableXlsx<R>(
  t: Pick<ExportTable<R>, 'columns' | 'rows' | 'sheetName' | 'title'>,
): Promise<Buffer> {
  const headerRow = t.title === undefined ? 1 : 2;
  const workbook = new (excel().Workbook)();
  const sheet = workbook.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = t.columns.map((c) => ({ width: c.width, style: c.money ? { numFmt: '#,##0.00' } : {} }));
  if (t.title !== undefined) {
    sheet.addRow([t.title]);
    sheet.mergeCells(1, 1, 1, t.columns.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
  }
  sheet.addRow(t.columns.map((c) => c.header));
  sheet.getRow(headerRow).font = { bold: true };
  for (const r of t.rows) sheet.addRow(t.columns.map((c) => (c.money ? (c.value(r) as number) / 100 : c.value(r))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers an export endpoint with the table as a CSV (UTF-8 with BOM, see toCsv) or XLSX download. */
export async function sendTable<R>(res: Response, format: ExportFormat, t: ExportTable<R>): Promise<void> {
  const disposition = attachmentDisposition(t.fileBase, format, t.zhName);
  if (format === 'csv') sendAttachment(res, CSV_CONTENT_TYPE, toCsv(t.columns, t.rows, t.title), disposition);
  else sendAttachment(res, XLSX_CONTENT_TYPE, await tableXlsx(t), disposition);
}
