import { PassThrough } from 'node:stream';
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
 * numbers formatted #,##0.00 so the spreadsheet can sum them. Written by exceljs's streaming writer, each
 * row committed as it is added: an export of 50,000 orders would otherwise hold every cell as an object
 * until the end (hundreds of MB), more than the API's heap limit allows (docs/OPERATIONS.md, Memory).
 */
export async function tableXlsx<R>(
  t: Pick<ExportTable<R>, 'columns' | 'rows' | 'sheetName' | 'title'>,
): Promise<Buffer> {
  const headerRow = t.title === undefined ? 1 : 2;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = t.columns.map((c) => ({ width: c.width, style: c.money ? { numFmt: '#,##0.00' } : {} }));
  if (t.title !== undefined) {
    const title = sheet.addRow([t.title]);
    title.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, t.columns.length);
    title.commit();
  }
  const header = sheet.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const r of t.rows)
    sheet.addRow(t.columns.map((c) => (c.money ? (c.value(r) as number) / 100 : c.value(r)))).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Answers an export endpoint with the table as a CSV (UTF-8 with BOM, see toCsv) or XLSX download. */
export async function sendTable<R>(res: Response, format: ExportFormat, t: ExportTable<R>): Promise<void> {
  const disposition = attachmentDisposition(t.fileBase, format, t.zhName);
  if (format === 'csv') sendAttachment(res, CSV_CONTENT_TYPE, toCsv(t.columns, t.rows, t.title), disposition);
  else sendAttachment(res, XLSX_CONTENT_TYPE, await tableXlsx(t), disposition);
}
