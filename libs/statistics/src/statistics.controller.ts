import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Allow,
  AppError,
  attachmentDisposition,
  CSV_CONTENT_TYPE,
  Ctx,
  ErrorCode,
  type RequestContext,
  Role,
  sendAttachment,
  XLSX_CONTENT_TYPE,
} from '@bangfu/core';
import { ChannelShareService } from './channel-share.service';
import { channelShareSheet, indicatorsSheet, salesStatsSheet, type Sheet, toCsv, toXlsx } from './export';
import { IndicatorsService } from './indicators.service';
import { LabelService } from './labels';
import { SalesStatsService } from './sales-stats.service';
import { SalesGroupBy, StatsSide } from './statistics.types';

const READERS = [Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];

function single(query: Record<string, unknown>, field: string, required = true): string {
  const v = query[field];
  if (v === undefined || v === '') {
    if (required && field !== 'regionCode')
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} is required`, { field });
    return '';
  }
  if (typeof v !== 'string') throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must be given once`, { field });
  return v;
}

function oneOf<T extends string>(values: Record<string, T>, raw: string, field: string, fallback?: T): T {
  if (raw === '' && fallback) return fallback;
  if (!Object.values(values).includes(raw as T))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must be one of ${Object.values(values).join(', ')}`, {
      field,
    });
  return raw as T;
}

/**
 * GET /api/exports/{sales-stats,assistance-indicators,channel-certified-share}.{csv,xlsx}: the same
 * figures as the GraphQL queries (same token, same scope rules: FORBIDDEN outside the caller's region).
 */
@Controller('api/exports')
export class StatisticsExportController {
  constructor(
    private readonly sales: SalesStatsService,
    private readonly indicators: IndicatorsService,
    private readonly channelShare: ChannelShareService,
    private readonly labels: LabelService,
  ) {}

  @Get('sales-stats.csv')
  @Allow(...READERS)
  async salesCsv(@Ctx() ctx: RequestContext, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.send(res, 'csv', 'sales-stats', '销售统计', await this.salesSheet(ctx, q));
  }

  @Get('sales-stats.xlsx')
  @Allow(...READERS)
  async salesXlsx(@Ctx() ctx: RequestContext, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.send(res, 'xlsx', 'sales-stats', '销售统计', await this.salesSheet(ctx, q));
  }

  @Get('assistance-indicators.csv')
  @Allow(...READERS)
  async indicatorsCsv(@Ctx() ctx: RequestContext, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.send(res, 'csv', 'assistance-indicators', '帮扶指标', await this.indicatorsSheet(ctx, q));
  }

  @Get('assistance-indicators.xlsx')
  @Allow(...READERS)
  async indicatorsXlsx(@Ctx() ctx: RequestContext, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.send(res, 'xlsx', 'assistance-indicators', '帮扶指标', await this.indicatorsSheet(ctx, q));
  }

  @Get('channel-certified-share.csv')
  @Allow(...READERS)
  async shareCsv(@Ctx() ctx: RequestContext, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.send(res, 'csv', 'channel-certified-share', '认定产品占比', await this.shareSheet(ctx, q));
  }

  @Get('channel-certified-share.xlsx')
  @Allow(...READERS)
  async shareXlsx(@Ctx() ctx: RequestContext, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.send(res, 'xlsx', 'channel-certified-share', '认定产品占比', await this.shareSheet(ctx, q));
  }

  private async salesSheet(ctx: RequestContext, q: Record<string, unknown>): Promise<Sheet> {
    const groupBy = oneOf(SalesGroupBy, single(q, 'groupBy'), 'groupBy');
    const side = oneOf(StatsSide, single(q, 'side', false), 'side', StatsSide.ORIGIN);
    return salesStatsSheet(
      await this.sales.salesStats(ctx, single(q, 'regionCode'), single(q, 'from'), single(q, 'to'), groupBy, side),
    );
  }

  private async indicatorsSheet(ctx: RequestContext, q: Record<string, unknown>): Promise<Sheet> {
    return indicatorsSheet(await this.indicators.indicators(ctx, single(q, 'regionCode'), single(q, 'date')));
  }

  private async shareSheet(ctx: RequestContext, q: Record<string, unknown>): Promise<Sheet> {
    const side = oneOf(StatsSide, single(q, 'side', false), 'side', StatsSide.ORIGIN);
    const report = await this.channelShare.report(
      ctx,
      single(q, 'regionCode'),
      single(q, 'from'),
      single(q, 'to'),
      side,
    );
    return channelShareSheet(report, await this.labels.regionPath(ctx, report.regionCode));
  }

  private async send(res: Response, ext: 'csv' | 'xlsx', base: string, zh: string, sheet: Sheet): Promise<void> {
    const body = ext === 'csv' ? Buffer.from(toCsv(sheet), 'utf8') : await toXlsx(sheet);
    const contentType = ext === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE;
    sendAttachment(res, contentType, body, attachmentDisposition(base, ext, zh));
  }
}
