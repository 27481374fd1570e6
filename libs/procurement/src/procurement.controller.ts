import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, AppError, Ctx, ErrorCode, type RequestContext } from '@bangfu/core';
import { assertKnownId, UNIT_READERS } from './access';
import { DocumentService } from './document.service';
import { ExportService, FILING_COLUMNS, ORDER_COLUMNS } from './export.service';
import { exportFormat, sendTable } from './table-export';

/** Printable documents are self-contained: no scripts, no external resources. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function yearParam(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value))
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'year must be a four-digit year', { field: 'year' });
  return Number(value);
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

  @Get('procurement/units/:orgId/orders.:format')
  @Allow(...UNIT_READERS)
  async orders(
    @Ctx() ctx: RequestContext,
    @Param('orgId') orgId: string,
    @Param('format') format: string,
    @Query('year') year: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const ext = exportFormat(format);
    assertKnownId(orgId, 'Organization');
    const rows = await this.exports.orders(ctx, orgId, yearParam(year));
    await sendTable(res, ext, {
      columns: ORDER_COLUMNS,
      rows,
      sheetName: '订单',
      fileBase: `orders-${orgId}`,
      zhName: '单位订单',
    });
  }

  @Get('procurement/units/:orgId/filings.:format')
  @Allow(...UNIT_READERS)
  async filings(
    @Ctx() ctx: RequestContext,
    @Param('orgId') orgId: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const ext = exportFormat(format);
    assertKnownId(orgId, 'Organization');
    const rows = await this.exports.filingRows(ctx, orgId);
    await sendTable(res, ext, {
      columns: FILING_COLUMNS,
      rows,
      sheetName: '预留份额申报',
      fileBase: `filings-${orgId}`,
      zhName: '预留份额申报',
    });
  }

  private html(res: Response, body: string): void {
    res.status(200);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', HTML_CSP);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(body);
  }
}
