import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Allow, Ctx, PUBLIC, type RequestContext } from '@bangfu/core';
import { type CounterResult, CounterSalesService } from './counter-sales.service';

/** POST /counters/:deviceId/sales — public route; the HMAC signature is the authentication. */
@Controller('counters')
export class CounterController {
  constructor(private readonly sales: CounterSalesService) {}

  @Post(':deviceId/sales')
  @Allow(PUBLIC)
  @HttpCode(200)
  report(
    @Ctx() ctx: RequestContext,
    @Param('deviceId') deviceId: string,
    @Req() req: Request & { rawBody?: Buffer },
  ): Promise<CounterResult> {
    return this.sales.receive(ctx, {
      deviceId,
      headers: req.headers,
      rawBody: req.rawBody,
      body: req.body,
      ip: req.ip ?? null,
    });
  }
}
