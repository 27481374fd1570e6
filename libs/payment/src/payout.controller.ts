import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx, isUuid, notFound, type RequestContext, Role } from '@bangfu/core';
import { PayoutService } from './payout.service';

/** GET /api/payouts/:batchId.csv — the bank payout file of a batch (platform admin, bearer token). */
@Controller('api/payouts')
export class PayoutController {
  constructor(private readonly payouts: PayoutService) {}

  @Get(':batchId.csv')
  @Allow(Role.PLATFORM_ADMIN)
  async csv(
    @Ctx() ctx: RequestContext,
    @Param('batchId') batchId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    if (!isUuid(batchId)) throw notFound('PayoutBatch', batchId);
    const body = await this.payouts.bankFile(ctx, batchId);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="payout-${batchId}.csv"`);
    res.setHeader('cache-control', 'no-store');
    return body;
  }
}
