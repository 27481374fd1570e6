import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, AppError, Ctx, ErrorCode, type RequestContext, Role } from '@bangfu/core';
import { PaymentClockService } from './payment-clock.service';
import { OVERDUE_COLUMNS, overdueTitle, rankingColumns, rankingRows, rankingTitle } from './supervision-export';
import { SupervisionService } from './supervision.service';
import { SupervisionGroupBy } from './supervision.types';
import { exportFormat, sendTable } from './table-export';

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

  @Get('ranking.:format')
  @Allow(...SUPERVISORS)
  async ranking(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const ext = exportFormat(format);
    const r = await this.rankingReport(ctx, q);
    await sendTable(res, ext, {
      title: rankingTitle(r),
      columns: rankingColumns(r),
      rows: rankingRows(r),
      sheetName: '完成情况',
      fileBase: `completion-${r.year}`,
      zhName: '预留份额完成情况',
    });
  }

  @Get('overdue.:format')
  @Allow(...SUPERVISORS)
  async overdue(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const ext = exportFormat(format);
    const { report, place } = await this.overdueReport(ctx, q);
    await sendTable(res, ext, {
      title: overdueTitle(report, place),
      columns: OVERDUE_COLUMNS,
      rows: report.entries,
      sheetName: '逾期账款',
      fileBase: `overdue-${report.asOf}`,
      zhName: '逾期账款',
    });
  }

  private rankingReport(ctx: RequestContext, q: Record<string, unknown>) {
    const groupBy = String(q.groupBy ?? 'COUNTY') as SupervisionGroupBy;
    if (!Object.values(SupervisionGroupBy).includes(groupBy))
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'groupBy must be CITY, COUNTY, DEPARTMENT or UNIT', {
        field: 'groupBy',
      });
    const year = int(q.year, 'year');
    if (year === null) throw new AppError(ErrorCode.BAD_USER_INPUT, 'year is required', { field: 'year' });
    return this.supervision.ranking(ctx, {
      regionCode: str(q.regionCode, 'regionCode'),
      year,
      month: int(q.month, 'month'),
      groupBy,
    });
  }

  private async overdueReport(ctx: RequestContext, q: Record<string, unknown>) {
    const regionCode = str(q.regionCode, 'regionCode');
    const report = await this.clock.report(
      ctx,
      { regionCode: regionCode === '000000000000' ? null : regionCode, overdueOnly: true },
      typeof q.asOf === 'string' ? q.asOf : null,
    );
    const place =
      regionCode === '000000000000' ? '全国' : (await this.supervision.regionPath(ctx, regionCode)).join('');
    return { report, place };
  }
}
