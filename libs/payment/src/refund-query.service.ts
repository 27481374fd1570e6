import { Injectable } from '@nestjs/common';
import { Db, pageSize, type RequestContext } from '@bangfu/core';
import { PaymentRefund, RefundStatus } from './payment.entities';

/** Platform finance's view of refunds across all orders (the admin console's refunds section). */
@Injectable()
export class RefundQueryService {
  constructor(private readonly db: Db) {}

  /** Newest first, optionally one status (e.g. FAILED ones to follow up); callers are platform admins. */
  recent(ctx: RequestContext, status?: RefundStatus | null, first?: number | null): Promise<PaymentRefund[]> {
    return this.db
      .repo(ctx, PaymentRefund)
      .find({ where: status ? { status } : {}, order: { createdAt: 'DESC', id: 'DESC' }, take: pageSize(first, 50) });
  }
}
