import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, AppError, Ctx, ErrorCode, type RequestContext, Role } from '@bangfu/core';
import { PaymentClockService } from './payment-clock.service';
import {
  OVERDUE_COLUMNS,
  overdueTitle,
  rankingColumns,
  rankingRows,
  rankingTitle,
  titledCsv,
  titledXlsx,
} from './supervision-export';
import { SupervisionService } from './supervision.service';
import { SupervisionGroupBy } from './supervision.types';

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

function send(res: Response, type: string, body: string | Buffer, base: string, ext: string, zhName: string): void {
  res.status(200);
  res.setHeader('content-type', type);
  res.setHeader(
    'content-disposition',
    `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${zhName}.${ext}`)}`,
  );
  res.setHeader('cache-control', 'private, no-store');
  res.end(body);
}
const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

  @Get('ranking.csv')
  @Allow(...SUPERVISORS)
  async rankingCsv(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.ranking(ctx, q);
    send(
      res,
      CSV,
      titledCsv(rankingTitle(r), rankingColumns(r), rankingRows(r)),
      `completion-${r.year}`,
      'csv',
      '预留份额完成情况',
    );
  }

  @Get('ranking.xlsx')
  @Allow(...SUPERVISORS)
  async rankingXlsx(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.ranking(ctx, q);
    send(
      res,
      XLSX,
      await titledXlsx('完成情况', rankingTitle(r), rankingColumns(r), rankingRows(r)),
      `completion-${r.year}`,
      'xlsx',
      '预留份额完成情况',
    );
  }

  @Get('overdue.csv')
  @Allow(...SUPERVISORS)
  async overdueCsv(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { report, place } = await this.overdue(ctx, q);
    send(
      res,
      CSV,
      titledCsv(overdueTitle(report, place), OVERDUE_COLUMNS, report.entries),
      `overdue-${report.asOf}`,
      'csv',
      '逾期账款',
    );
  }

  @Get('overdue.xlsx')
  @Allow(...SUPERVISORS)
  async overdueXlsx(
    @Ctx() ctx: RequestContext,
    @Query() q: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { report, place } = await this.overdue(ctx, q);
    send(
      res,
      XLSX,
      await titledXlsx('逾期账款', overdueTitle(report, place), OVERDUE_COLUMNS, report.entries),
      `overdue-${report.asOf}`,
      'xlsx',
      '逾期账款',
    );
  }

  private ranking(ctx: RequestContext, q: Record<string, unknown>) {
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

  private async overdue(ctx: RequestContext, q: Record<string, unknown>) {
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
