import { ChannelErrorCode } from './channel.errors';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  ErrorCode,
  APP_CONFIG,
  type AppConfig,
  AppError,
  Db,
  isUuid,
  Principal,
  REDIS,
  redisKey,
  type RequestContext,
  uniqueViolation,
} from '@bangfu/core';
import { VariantService } from '@bangfu/catalog';
import { UserService } from '@bangfu/identity';
import { LedgerService, sharesOfLines } from '@bangfu/ledger';
import {
  ActorKind,
  CertificationInvalidError,
  CheckoutService,
  FulfilmentService,
  InsufficientStockError,
  MAX_LINES,
  MAX_QUANTITY,
  Order,
  OrderService,
  OrderStatus,
  type PlaceOrderOutcome,
  ProductUnavailableError,
  UnavailableReason,
} from '@bangfu/ordering';
import { CHANNEL_CONFIG, type ChannelConfig } from './channel.config';
import {
  Channel,
  ChannelKind,
  ChannelStatus,
  CounterRejection,
  CounterReport,
  type CounterReportLine,
} from './channel.entities';
import { MAX_CLOCK_SKEW_SECONDS, verifyCounterSignature } from './counter-signature';

export interface CounterRequest {
  deviceId: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
  body: unknown;
  ip: string | null;
}

export interface CounterResult {
  reportId: string;
  status: 'RECORDED' | 'DUPLICATE';
  counterReportId: string;
  /** The order the report became. */
  orderId: string | null;
}

const ReportBody = z.strictObject({
  reportId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'reportId: 1–100 letters, digits, . _ : -'),
  soldAt: z.iso.datetime({ offset: true }),
  lines: z
    .array(
      z.strictObject({
        variantId: z.string().refine(isUuid, 'variantId must be a variant id'),
        quantity: z.number().int().positive().max(10_000),
        unitPrice: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .min(1)
    .max(200),
});
type ReportBody = z.infer<typeof ReportBody>;

/** A refusal with its HTTP status; every refusal is also written to counter_rejection. */
export function counterRefusal(
  code: string,
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  const e = new AppError(code, message, details);
  Object.defineProperty(e, 'httpStatus', { value: status });
  return e;
}

function header(headers: CounterRequest['headers'], name: string): string | null {
  const v = headers[name];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

function sameLines(a: CounterReportLine[], b: CounterReportLine[]): boolean {
  const key = (lines: CounterReportLine[]) =>
    lines.map((l) => `${l.variantId.toLowerCase()}|${l.quantity}|${l.unitPrice}`).join(',');
  return key(a) === key(b);
}

/**
 * Sales reports from smart counters (专柜), authenticated by an HMAC over timestamp, nonce and raw
 * body. Order of checks: device → channel enabled → signature → freshness → body → already recorded
 * (idempotent answer) → nonce → variants, prices, placement → stock. See libs/channel/README.md.
 */
@Injectable()
export class CounterSalesService {
  private readonly log = new Logger('CounterSales');
  constructor(
    private readonly db: Db,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CHANNEL_CONFIG) private readonly channelConfig: ChannelConfig,
    private readonly checkout: CheckoutService,
    private readonly orders: OrderService,
    private readonly fulfilment: FulfilmentService,
    private readonly ledger: LedgerService,
    private readonly variants: VariantService,
    private readonly users: UserService,
  ) {}

  async receive(ctx: RequestContext, req: CounterRequest): Promise<CounterResult> {
    let channelId: string | null = null;
    try {
      const channel = await this.findCounter(ctx, req.deviceId);
      if (!channel)
        throw counterRefusal(
          ChannelErrorCode.UNKNOWN_DEVICE,
          404,
          `No counter is registered as ${req.deviceId.slice(0, 64)}`,
        );
      channelId = channel.id;
      if (channel.status !== ChannelStatus.ACTIVE)
        throw counterRefusal(ChannelErrorCode.CHANNEL_DISABLED, 403, 'This counter is disabled');
      return await this.record(ctx, channel, req);
    } catch (e) {
      if (e instanceof AppError) await this.logRejection(ctx, req.deviceId, channelId, e.code, req.ip);
      throw e;
    }
  }

  private async findCounter(
    ctx: RequestContext,
    deviceId: string,
  ): Promise<(Channel & { deviceSecret: string }) | null> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(deviceId)) return null;
    const channel = await this.db
      .repo(ctx, Channel)
      .createQueryBuilder('c')
      .addSelect('c.deviceSecret')
      .where('c.device_id = :d', { d: deviceId })
      .getOne();
    return channel && channel.kind === ChannelKind.COUNTER && channel.deviceSecret
      ? (channel as Channel & { deviceSecret: string })
      : null;
  }

  private async record(
    ctx: RequestContext,
    channel: Channel & { deviceSecret: string },
    req: CounterRequest,
  ): Promise<CounterResult> {
    const timestamp = header(req.headers, 'x-bangfu-timestamp');
    const nonce = header(req.headers, 'x-bangfu-nonce');
    const signature = header(req.headers, 'x-bangfu-signature');
    if (!timestamp || !nonce || !signature) {
      throw counterRefusal(
        ChannelErrorCode.MISSING_SIGNATURE,
        401,
        'Send x-bangfu-timestamp, x-bangfu-nonce and x-bangfu-signature headers',
      );
    }
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(nonce))
      throw counterRefusal(ChannelErrorCode.INVALID_NONCE, 400, 'x-bangfu-nonce must be 8–128 letters, digits, _ or -');
    if (!req.rawBody)
      throw counterRefusal(
        ChannelErrorCode.INVALID_REPORT,
        400,
        'The body must be JSON (content-type: application/json)',
      );
    if (!verifyCounterSignature(channel.deviceSecret, timestamp, nonce, req.rawBody, signature)) {
      throw counterRefusal(ErrorCode.BAD_SIGNATURE, 401, 'The signature does not match');
    }
    const now = Math.floor(Date.now() / 1000);
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      throw counterRefusal(
        ChannelErrorCode.STALE_TIMESTAMP,
        401,
        `x-bangfu-timestamp must be unix seconds within ${MAX_CLOCK_SKEW_SECONDS}s of the server clock (now ${now})`,
      );
    }
    const parsed = ReportBody.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw counterRefusal(
        ChannelErrorCode.INVALID_REPORT,
        400,
        `${issue.path.join('.') || 'body'}: ${issue.message}`,
        {
          field: issue.path.join('.'),
        },
      );
    }
    const body = parsed.data;
    const soldAt = new Date(body.soldAt);
    // Same tolerance as the request timestamp: a counter clock a little ahead is fine, a sale dated later is not.
    if (soldAt.getTime() > Date.now() + MAX_CLOCK_SKEW_SECONDS * 1000) {
      throw counterRefusal(
        ChannelErrorCode.INVALID_REPORT,
        400,
        `soldAt is in the future (more than ${MAX_CLOCK_SKEW_SECONDS}s ahead of the server clock)`,
        { field: 'soldAt' },
      );
    }

    // The reportId is the idempotency key: a retry (new nonce) or a replay (same nonce) of a recorded
    // report has no further effect, so it gets the first answer instead of an error.
    const existing = await this.answerIfRecorded(ctx, channel.id, body, soldAt);
    if (existing) return existing;
    // Checked after the idempotent answer on purpose: a counter retrying a report it did record (lost
    // response) still gets DUPLICATE, however late; only new sales older than the window are refused.
    const maxAgeDays = this.channelConfig.counterReportMaxAgeDays;
    if (soldAt.getTime() < Date.now() - maxAgeDays * 86_400_000) {
      throw counterRefusal(
        ChannelErrorCode.REPORT_TOO_OLD,
        400,
        `soldAt is more than ${maxAgeDays} day(s) ago; sales that old are not accepted from a counter`,
        {
          field: 'soldAt',
          maxAgeDays,
        },
      );
    }

    // Nonces are kept a little longer than the freshness window; older requests fail as stale anyway.
    const claimed = await this.redis.set(
      redisKey(this.config, 'counter-nonce', channel.id, nonce),
      '1',
      'EX',
      MAX_CLOCK_SKEW_SECONDS * 2 + 60,
      'NX',
    );
    if (claimed !== 'OK')
      throw counterRefusal(
        ChannelErrorCode.NONCE_REUSED,
        409,
        'This nonce was already used; sign each attempt with a new nonce',
      );

    const lines: CounterReportLine[] = body.lines.map((l) => ({
      variantId: l.variantId.toLowerCase(),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    }));
    let recorded: { counterReportId: string; orderId: string } | null;
    try {
      recorded = await this.db.transaction(ctx, (tx) => this.write(tx, channel, body.reportId, nonce, soldAt, lines));
    } catch (e) {
      if (uniqueViolation(e, 'counter_report_channel_id_nonce_key')) {
        throw counterRefusal(
          ChannelErrorCode.NONCE_REUSED,
          409,
          'This nonce was already used; sign each attempt with a new nonce',
        );
      }
      throw e;
    }
    if (recorded === null) {
      // Lost a race with a concurrent retry of the same report: answer as that one did.
      const again = await this.answerIfRecorded(ctx, channel.id, body, soldAt);
      if (again) return again;
      throw new Error('counter report vanished after a conflict');
    }
    this.log.log(
      `counter ${channel.deviceId} report ${body.reportId} recorded (${lines.length} line(s)) as order ${recorded.orderId}`,
    );
    return { reportId: body.reportId, status: 'RECORDED', ...recorded };
  }

  private async answerIfRecorded(
    ctx: RequestContext,
    channelId: string,
    body: ReportBody,
    soldAt: Date,
  ): Promise<CounterResult | null> {
    const prior = await this.db.repo(ctx, CounterReport).findOneBy({ channelId, reportId: body.reportId });
    if (!prior) return null;
    const lines = body.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice }));
    if (prior.reportedAt.getTime() !== soldAt.getTime() || !sameLines(prior.lines, lines)) {
      throw counterRefusal(
        ChannelErrorCode.REPORT_ID_CONFLICT,
        409,
        `Report ${body.reportId} was already recorded with different contents`,
      );
    }
    return { reportId: body.reportId, status: 'DUPLICATE', counterReportId: prior.id, orderId: prior.orderId };
  }

  /**
   * Validates lines against the catalog and the channel, stores the report and turns it into a
   * settled counter order, all or nothing. Returns null when a concurrent request stored the same
   * reportId first.
   */
  private async write(
    ctx: RequestContext,
    channel: Channel,
    reportId: string,
    nonce: string,
    soldAt: Date,
    lines: CounterReportLine[],
  ): Promise<{ counterReportId: string; orderId: string } | null> {
    const m = this.db.manager(ctx);
    const ids = [...new Set(lines.map((l) => l.variantId))];
    // Catalog's variants, then which of their products this counter sells (two queries per report).
    const forSale = await this.variants.forSale(ctx, ids);
    const placed: Array<{ product_id: string }> = forSale.length
      ? await m.query(`SELECT product_id FROM channel_product WHERE channel_id = $1 AND product_id = ANY($2::uuid[])`, [
          channel.id,
          forSale.map((v) => v.productId),
        ])
      : [];
    const placedIds = new Set(placed.map((r) => r.product_id));
    const byId = new Map(
      forSale.map((v) => [
        v.variantId,
        { id: v.variantId, retail_price: v.retailPrice, placed: placedIds.has(v.productId) },
      ]),
    );
    let total = 0;
    // A variant on several lines becomes one order line (settleAsOrder): its sum is what checkout limits, and the
    // report line that passes the limit is the one to name (checkout would name a line of the merged order).
    const sold = new Map<string, number>();
    for (const [i, line] of lines.entries()) {
      const quantity = (sold.get(line.variantId) ?? 0) + line.quantity;
      sold.set(line.variantId, quantity);
      if (quantity > MAX_QUANTITY)
        throw counterRefusal(
          ChannelErrorCode.INVALID_REPORT,
          400,
          `lines.${i}: a report may sell at most ${MAX_QUANTITY} units of one variant`,
          { field: `lines.${i}.quantity`, max: MAX_QUANTITY },
        );
      const v = byId.get(line.variantId);
      if (!v)
        throw counterRefusal(ErrorCode.UNKNOWN_VARIANT, 400, `lines.${i}.variantId: no such variant`, {
          field: `lines.${i}.variantId`,
        });
      if (!v.placed)
        throw counterRefusal(
          ChannelErrorCode.PRODUCT_NOT_IN_CHANNEL,
          400,
          `lines.${i}: the product is not placed in this counter`,
          {
            field: `lines.${i}.variantId`,
          },
        );
      if (Number(v.retail_price) !== line.unitPrice) {
        throw counterRefusal(
          ChannelErrorCode.PRICE_MISMATCH,
          400,
          `lines.${i}.unitPrice ${line.unitPrice} differs from the retail price ${v.retail_price}`,
          {
            field: `lines.${i}.unitPrice`,
            retailPrice: Number(v.retail_price),
          },
        );
      }
      total += line.quantity * line.unitPrice;
    }
    if (!Number.isSafeInteger(total))
      throw counterRefusal(ChannelErrorCode.INVALID_REPORT, 400, 'The report total is out of range', {
        field: 'lines',
      });
    if (ids.length > MAX_LINES)
      throw counterRefusal(
        ChannelErrorCode.INVALID_REPORT,
        400,
        `A report may hold at most ${MAX_LINES} different variants (one order)`,
        { field: 'lines' },
      );

    const inserted: Array<{ id: string }> = await m.query(
      `INSERT INTO counter_report (channel_id, report_id, nonce, reported_at, lines, total_amount)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (channel_id, report_id) DO NOTHING RETURNING id`,
      [channel.id, reportId, nonce, soldAt, JSON.stringify(lines), total],
    );
    if (inserted.length === 0) return null;
    const counterReportId = inserted[0].id;
    const orderId = await this.settleAsOrder(ctx, channel, counterReportId, reportId, lines, total);
    await m.query(`UPDATE counter_report SET order_id = $2 WHERE id = $1`, [counterReportId, orderId]);
    return { counterReportId, orderId };
  }

  /**
   * The report becomes an order in the counter's channel, in the caller's transaction: placed by the
   * counter's walk-in account at retail prices (stock reserved like any checkout), paid and settled by
   * the counter operator (COUNTER_SETTLEMENT posting: the operator owes the cash, each supplier is owed
   * its part), handed over at the counter (units taken from lots FIFO, so attribution knows the
   * households) and SETTLED. Any refusal rolls the whole report back.
   */
  private async settleAsOrder(
    ctx: RequestContext,
    channel: Channel,
    counterReportId: string,
    reportId: string,
    lines: CounterReportLine[],
    total: number,
  ): Promise<string> {
    const buyer = await this.walkInBuyer(ctx, channel);
    // The protocol allows a variant on several lines; an order has one line per variant.
    const merged = new Map<string, number>();
    for (const line of lines) merged.set(line.variantId, (merged.get(line.variantId) ?? 0) + line.quantity);
    const outcome = await this.checkout.placeOrder(
      ctx.withPrincipal(buyer),
      {
        idempotencyKey: `counter-report:${counterReportId}`,
        channelId: channel.id,
        buyerOrgId: null,
        lines: [...merged].map(([variantId, quantity]) => ({ variantId, quantity })),
      },
      { buyerUserId: buyer.userId },
    );
    if (!(outcome instanceof Order)) throw refusalFor(outcome, lines);
    if (outcome.totalAmount !== total)
      throw new Error(
        `counter report ${reportId}: order total ${outcome.totalAmount} differs from the report total ${total}`,
      );

    const orderId = outcome.id;
    await this.orders.markPaid(ctx, orderId, { paymentId: `counter-report:${counterReportId}`, amount: total });
    await this.ledger.postCounterSettlement(ctx, {
      orderId,
      channelId: channel.id,
      parts: sharesOfLines(await this.orders.lines(ctx, orderId)),
      reference: reportId,
    });
    await this.fulfilment.handOverAtCounter(ctx, orderId, reportId);
    await this.orders.transition(ctx, orderId, OrderStatus.SETTLED, {
      actor: ActorKind.SYSTEM,
      reason: 'settled by the counter operator',
      data: { counterReportId, reportId },
    });
    return orderId;
  }

  /**
   * Counter customers are anonymous: each counter has one walk-in buyer account (disabled, with a
   * random password nobody knows, so it can never sign in) that its orders are placed under as retail
   * (CUSTOMER) orders. Created on the counter's first sale; concurrent first sales share it.
   */
  private async walkInBuyer(ctx: RequestContext, channel: Channel): Promise<Principal> {
    const email = `counter-${channel.id}@walk-in.bangfu.invalid`;
    const displayName = `专柜散客 ${channel.deviceId ?? channel.id}`.slice(0, 100);
    return new Principal(await this.users.ensureDisabledAccount(ctx, email, displayName), displayName, []);
  }

  private async logRejection(
    ctx: RequestContext,
    deviceId: string,
    channelId: string | null,
    reason: string,
    ip: string | null,
  ): Promise<void> {
    try {
      await this.db
        .repo(ctx, CounterRejection)
        .insert({ deviceId: deviceId.slice(0, 64) || '?', channelId, reason, remoteIp: ip });
    } catch (e) {
      this.log.error(`could not log counter rejection ${reason} for ${deviceId.slice(0, 64)}: ${(e as Error).message}`);
    }
    this.log.log(`counter request refused: ${reason} device=${deviceId.slice(0, 64)} ip=${ip ?? '?'}`);
  }
}

/** A checkout refusal as the counter protocol's refusal, pointing at the first report line concerned. */
function refusalFor(outcome: Exclude<PlaceOrderOutcome, Order>, lines: CounterReportLine[]): AppError {
  const index = (variantId: string) =>
    Math.max(
      0,
      lines.findIndex((l) => l.variantId === String(variantId).toLowerCase()),
    );
  if (outcome instanceof InsufficientStockError) {
    const i = index(outcome.variantId);
    return counterRefusal(
      ErrorCode.INSUFFICIENT_STOCK,
      409,
      `lines.${i}: not enough stock for ${outcome.requested} (${outcome.available} available)`,
      {
        field: `lines.${i}.quantity`,
        variantId: outcome.variantId,
        available: outcome.available,
      },
    );
  }
  if (outcome instanceof ProductUnavailableError) {
    const i = index(outcome.variantId);
    if (outcome.reason === UnavailableReason.UNKNOWN_VARIANT)
      return counterRefusal(ErrorCode.UNKNOWN_VARIANT, 400, `lines.${i}.variantId: no such variant`, {
        field: `lines.${i}.variantId`,
      });
    if (outcome.reason === UnavailableReason.NOT_IN_CHANNEL)
      return counterRefusal(
        ChannelErrorCode.PRODUCT_NOT_IN_CHANNEL,
        400,
        `lines.${i}: the product is not placed in this counter`,
        {
          field: `lines.${i}.variantId`,
        },
      );
    return counterRefusal(ErrorCode.PRODUCT_UNAVAILABLE, 409, `lines.${i}: ${outcome.message}`, {
      field: `lines.${i}.variantId`,
      reason: outcome.reason,
    });
  }
  if (outcome instanceof CertificationInvalidError) {
    const i = index(outcome.variantId);
    return counterRefusal(ErrorCode.CERTIFICATION_INVALID, 409, `lines.${i}: ${outcome.message}`, {
      field: `lines.${i}.variantId`,
      certificationStatus: outcome.certificationStatus,
    });
  }
  return counterRefusal(ChannelErrorCode.INVALID_REPORT, 400, outcome.message, {
    field: outcome.field ?? 'lines',
    reason: outcome.code,
  });
}
