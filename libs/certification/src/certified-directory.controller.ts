import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { Allow, AppError, csvText, Ctx, ErrorCode, PUBLIC, type RequestContext, lazyModule } from '@bangfu/core';
import type { CertifiedDirectoryFilter } from './certification.types';
import { type DirectoryRow, CertifiedDirectoryService } from './certified-directory.service';

// exceljs is loaded on the first export, not at start: tens of MB the API would otherwise hold for a rare download.
const excel = lazyModule<typeof import('exceljs')>('exceljs');

/** Column order and Chinese headers of both exports. */
export const DIRECTORY_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (r: DirectoryRow) => string }> = [
  { header: '证书编号', width: 22, value: (r) => r.certificateNo },
  { header: '产品名称', width: 36, value: (r) => r.productTitle },
  { header: '供应商', width: 32, value: (r) => r.supplierName },
  { header: '产地', width: 36, value: (r) => r.origin },
  { header: '认定机构', width: 28, value: (r) => r.issuer },
  { header: '批次', width: 16, value: (r) => r.batch },
  { header: '有效期起', width: 12, value: (r) => r.validFrom },
  { header: '有效期止', width: 12, value: (r) => r.validTo },
];

/** Above this the caller is asked to narrow the filter instead of downloading the whole country. */
export const EXPORT_MAX_ROWS = 50_000;

function single(value: unknown, field: string): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must be given once`, { field });
  return value;
}

/** GET /api/exports/certified-directory.{csv,xlsx}: the public directory as a spreadsheet, streamed in batches. */
@Controller('api/exports')
export class CertifiedDirectoryExportController {
  constructor(private readonly directory: CertifiedDirectoryService) {}

  @Get('certified-directory.csv')
  @Allow(PUBLIC)
  async csv(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const f = await this.prepare(ctx, query);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', this.disposition(f.validOn, 'csv'));
    // The BOM makes Excel read the file as UTF-8 instead of the system code page (GBK on Chinese Windows).
    res.write(csvText([DIRECTORY_COLUMNS.map((c) => c.header)]));
    try {
      for await (const rows of this.directory.batches(ctx, f)) {
        // Product titles and issuers are user input: csvText neutralises formula cells.
        const chunk = csvText(
          rows.map((r) => DIRECTORY_COLUMNS.map((c) => c.value(r))),
          { bom: false },
        );
        if (!res.write(chunk)) await once(res, 'drain');
      }
      res.end();
    } catch (e) {
      res.destroy(e as Error);
    }
  }

  @Get('certified-directory.xlsx')
  @Allow(PUBLIC)
  async xlsx(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const f = await this.prepare(ctx, query);
    res.status(200);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', this.disposition(f.validOn, 'xlsx'));
    try {
      const workbook = new (excel().stream.xlsx.WorkbookWriter)({
        stream: res,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('帮扶产品名录', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = DIRECTORY_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const rows of this.directory.batches(ctx, f)) {
        for (const r of rows) sheet.addRow(DIRECTORY_COLUMNS.map((c) => c.value(r))).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      res.destroy(e as Error);
    }
  }

  private async prepare(ctx: RequestContext, query: Record<string, unknown>) {
    const filter: CertifiedDirectoryFilter = {
      regionCode: single(query.regionCode, 'regionCode'),
      categoryId: single(query.categoryId, 'categoryId'),
      supplierId: single(query.supplierId, 'supplierId'),
      validOn: single(query.validOn, 'validOn'),
    };
    const f = this.directory.normalize(filter);
    const total = await this.directory.count(ctx, f);
    if (total > EXPORT_MAX_ROWS) {
      throw new AppError(
        ErrorCode.EXPORT_TOO_LARGE,
        `${total} rows match; narrow the filter (e.g. by region) to at most ${EXPORT_MAX_ROWS}`,
        { total },
      );
    }
    return f;
  }

  private disposition(validOn: string, ext: string): string {
    const name = `帮扶产品名录-${validOn}.${ext}`;
    return `attachment; filename="certified-directory-${validOn}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  }
}
