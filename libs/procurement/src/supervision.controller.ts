import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, AppError, Ctx, ErrorCode, notFound, type RequestContext, Role } from '@bangfu/core';
import { PaymentClockService } from './payment-clock.service';
import type { PaymentClockEntry } from './payment-clock.types';
import { OVERDUE_COLUMNS, overdueTitle, rankingColumns, rankingRows, rankingTitle } from './supervision-export';
import { SupervisionService } from './supervision.service';
import { SupervisionGroupBy, type SupervisionRow } from './supervision.types';
import { exportFormat, type ExportTable, sendTable } from './table-export';

const SUPERVISORS = [Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];

const int = (value: unknown, field: string): number | null => {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must be a whole number`, { field });
  return Number(value);
};
const str = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !value)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} is required`, { field });
  return value;
};

/**
 * Supervision exports in the monthly-notice layout (Bearer token, same scope as GraphQL):
 * `GET /api/procurement/supervision/ranking.csv|xlsx?regionCode=&year=&month=&groupBy=` and
 * `GET /api/procurement/supervision/overdue.csv|xlsx?regionCode=&asOf=`.
 */
@Controller('api/procurement/supervision')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly clock: PaymentClockService,
  ) {}

  /** `ranking` or `overdue`, as csv or xlsx: the two reports differ only in how their table is built. */
  @Get(':report.:format')
  @Allow(...SUPERVISORS)
  async export(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Param('report') report: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const ext = exportFormat(format);
    if (report === 'ranking') return sendTable(res, ext, await this.rankingTable(ctx, q));
    if (report === 'overdue') return sendTable(res, ext, await this.overdueTable(ctx, q));
    throw notFound('Supervision export', report);
  }

  private async rankingTable(ctx: RequestContext, q: Record<string, unknown>): Promise<ExportTable<SupervisionRow>> {
    const groupBy = String(q.groupBy ?? 'COUNTY') as SupervisionGroupBy;
    if (!Object.values(SupervisionGroupBy).includes(groupBy))
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'groupBy must be CITY, COUNTY, DEPARTMENT or UNIT', {
        field: 'groupBy',
      });
    const year = int(q.year, 'year');
    if (year === null) throw new AppError(ErrorCode.BAD_USER_INPUT, 'year is required', { field: 'year' });
    const r = await this.supervision.ranking(ctx, {
      regionCode: str(q.regionCode, 'regionCode'),
      year,
      month: int(q.month, 'month'),
      groupBy,
    });
    return {
      title: rankingTitle(r),
      columns: rankingColumns(r),
      rows: rankingRows(r),
      sheetName: '完成情况',
      fileBase: `completion-${r.year}`,
      zhName: '预留份额完成情况',
    };
  }

  private async overdueTable(ctx: RequestContext, q: Record<string, unknown>): Promise<ExportTable<PaymentClockEntry>> {
    const regionCode = str(q.regionCode, 'regionCode');
    const report = await this.clock.report(
      ctx,
      { regionCode: regionCode === '000000000000' ? null : regionCode, overdueOnly: true },
      typeof q.asOf === 'string' ? q.asOf : null,
    );
    const place =
      regionCode === '000000000000' ? '全国' : (await this.supervision.regionPath(ctx, regionCode)).join('');
    return {
      title: overdueTitle(report, place),
      columns: OVERDUE_COLUMNS,
      rows: report.entries,
      sheetName: '逾期账款',
      fileBase: `overdue-${report.asOf}`,
      zhName: '逾期账款',
    };
  }
}
