import { randomUUID } from 'node:crypto';
import { Db, type RequestContext } from '@bangfu/core';
import type { Fen } from '@bangfu/money';
import { PaymentCoreService } from './payment-core.service';
import { Payment, PaymentMethod, PaymentProviderKind, PaymentStatus } from './payment.entities';

/**
 * SEED ONLY (libs/demo's retail order where Stripe is configured but nobody will send the webhook):
 * the customer's WeChat Pay payment recorded as its intent would have been, then applied by
 * `applySucceeded` — the code the `payment_intent.succeeded` webhook runs. Kept here so that only
 * payment's code writes its table; never call it from a request path.
 */
export async function seedStripePaymentSucceeded(
  db: Db,
  core: PaymentCoreService,
  ctx: RequestContext,
  order: { id: string; orderNo: string; totalAmount: Fen; buyerUserId: string },
): Promise<void> {
  await db.transaction(ctx, async (tx) => {
    const payment = db.repo(tx, Payment).create({
      id: randomUUID(),
      orderId: order.id,
      provider: PaymentProviderKind.STRIPE,
      method: PaymentMethod.WECHAT_PAY,
      status: PaymentStatus.REQUIRES_PAYMENT,
      amount: order.totalAmount,
      attempt: 1,
      idempotencyKey: `bangfu-order-${order.id}-attempt-1`,
      providerRef: `pi_demo_${order.orderNo}`,
      recordedByUserId: order.buyerUserId,
    });
    await db.repo(tx, Payment).insert(payment);
    await core.applySucceeded(tx, payment.id, { amount: order.totalAmount });
  });
}
