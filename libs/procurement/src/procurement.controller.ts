import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, AppError, Ctx, ErrorCode, type RequestContext, Role, lazyModule } from '@bangfu/core';
import { assertKnownId } from './access';
import { DocumentService } from './document.service';
import { type Column, ExportService, FILING_COLUMNS, ORDER_COLUMNS, toCsv } from './export.service';

// exceljs is loaded on the first export, not at start: tens of MB the API would otherwise hold for a rare download.
const excel = lazyModule<typeof import('exceljs')>('exceljs');

const UNIT_READERS = [
  Role.PURCHASER,
  Role.APPROVER,
  Role.AGENCY_ADMIN,
  Role.COORDINATOR,
  Role.AUDITOR,
  Role.PLATFORM_ADMIN,
];

/** Printable documents are self-contained: no scripts, no external resources. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function yearParam(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value))
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'year must be a four-digit year', { field: 'year' });
  return Number(value);
}

function disposition(base: string, ext: string, zhName: string): string {
  return `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${zhName}.${ext}`)}`;
}

/**
 * Documents and exports over REST (Bearer token, like GraphQL): the purchase order and acceptance
 * record as print-ready HTML, a unit's orders and filings as CSV (UTF-8 with BOM) and XLSX.
 */
@Controller('api')
export class ProcurementController {
  constructor(
    private readonly documents: DocumentService,
    private readonly exports: ExportService,
  ) {}

  @Get('procurement/requests/:id/po.html')
  @Allow(...UNIT_READERS)
  async purchaseOrder(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    this.html(res, await this.documents.purchaseOrderHtml(ctx, id));
  }

  @Get('orders/:id/acceptance.html')
  @Allow(...UNIT_READERS)
  async acceptance(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    this.html(res, await this.documents.acceptanceRecordHtml(ctx, id));
  }

  @Get('procurement/units/:orgId/orders.csv')
  @Allow(...UNIT_READERS)
  async ordersCsv(
    @Ctx() ctx: RequestContext,
    @Param('orgId') orgId: string,
    @Query('year') year: unknown,
    @Res() res: Response,
  ): Promise<void> {
    assertKnownId(orgId, 'Organization');
    const rows = await this.exports.orders(ctx, orgId, yearParam(year));
    this.csv(res, toCsv(ORDER_COLUMNS, rows), disposition(`orders-${orgId}`, 'csv', '单位订单'));
  }

  @Get('procurement/units/:orgId/orders.xlsx')
  @Allow(...UNIT_READERS)
  async ordersXlsx(
    @Ctx() ctx: RequestContext,
    @Param('orgId') orgId: string,
    @Query('year') year: unknown,
    @Res() res: Response,
  ): Promise<void> {
    assertKnownId(orgId, 'Organization');
    const rows = await this.exports.orders(ctx, orgId, yearParam(year));
    await this.xlsx(res, '订单', ORDER_COLUMNS, rows, disposition(`orders-${orgId}`, 'xlsx', '单位订单'));
  }

  @Get('procurement/units/:orgId/filings.csv')
  @Allow(...UNIT_READERS)
  async filingsCsv(@Ctx() ctx: RequestContext, @Param('orgId') orgId: string, @Res() res: Response): Promise<void> {
    assertKnownId(orgId, 'Organization');
    const rows = await this.exports.filingRows(ctx, orgId);
    this.csv(res, toCsv(FILING_COLUMNS, rows), disposition(`filings-${orgId}`, 'csv', '预留份额申报'));
  }

  @Get('procurement/units/:orgId/filings.xlsx')
  @Allow(...UNIT_READERS)
  async filingsXlsx(@Ctx() ctx: RequestContext, @Param('orgId') orgId: string, @Res() res: Response): Promise<void> {
    assertKnownId(orgId, 'Organization');
    const rows = await this.exports.filingRows(ctx, orgId);
    await this.xlsx(res, '预留份额申报', FILING_COLUMNS, rows, disposition(`filings-${orgId}`, 'xlsx', '预留份额申报'));
  }

  private html(res: Response, body: string): void {
    res.status(200);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', HTML_CSP);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(body);
  }

  private csv(res: Response, body: string, contentDisposition: string): void {
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', contentDisposition);
    res.setHeader('cache-control', 'private, no-store');
    res.end(body);
  }

  private async xlsx<R>(
    res: Response,
    sheetName: string,
    columns: ReadonlyArray<Column<R>>,
    rows: R[],
    contentDisposition: string,
  ): Promise<void> {
    const workbook = new (excel().Workbook)();
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.money ? { numFmt: '#,##0.00' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) sheet.addRow(columns.map((c) => (c.money ? (c.value(r) as number) / 100 : c.value(r))));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    res.status(200);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', contentDisposition);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-length', String(buffer.length));
    res.end(buffer);
  }
}
