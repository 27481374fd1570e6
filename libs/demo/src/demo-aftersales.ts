import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ComplaintDecision,
  ComplaintKind,
  ComplaintPhotoService,
  ComplaintRemedy,
  ComplaintService,
  RatingService,
} from '@bangfu/aftersales';
import { Db, RequestContext } from '@bangfu/core';
import { AuthService, seedUserId } from '@bangfu/identity';
import {
  CheckoutService,
  FulfilmentService,
  Order,
  OrderService,
  OrderStateMachine,
  type SupplierOrder,
} from '@bangfu/ordering';
import type { DemoCatalogIds } from './seed-catalog';
import { payDemoRetailOrder } from './seed-activity';

/** A 1×1 PNG standing in for the customer's photo of the goods. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * After-sales (售后) for the demo: customer@ buys 梵净山黄牛肉 twice from the cattle farm in 铜仁
 * (520627, inside coordinator@'s 5206), both delivered. The first is rated 2 stars and complained about
 * (quality, with a photo); the farm answers and coordinator@ upholds it with a ¥69.00 refund through
 * the payment's refund path. The second complaint (delivery) is answered and awaits coordinator@'s
 * decision. The beef (not the tea) keeps farmer@'s and the README's tea households' figures unchanged.
 */
export async function seedDemoAftersales(app: INestApplicationContext, ids: DemoCatalogIds): Promise<void> {
  const db = app.get(Db);
  const system = RequestContext.system('demo-aftersales');
  const as = async (email: string): Promise<RequestContext> => {
    const userId = await seedUserId(db.manager(system), email);
    const principal = userId && (await app.get(AuthService).load(userId));
    if (!principal) throw new Error(`demo account ${email} cannot act`);
    return new RequestContext(`demo-aftersales-${randomUUID()}`, principal);
  };
  const customer = await as('customer@demo.bangfu');
  const farm = await as('cattle@demo.bangfu');
  const coordinator = await as('coordinator@demo.bangfu');
  const admin = await as('admin@demo.bangfu');
  const complaints = app.get(ComplaintService);

  const deliveredBeef = async (key: string): Promise<{ so: SupplierOrder; paidBy: 'TRANSFER' | 'WEBHOOK' }> => {
    const placed = await app.get(CheckoutService).placeOrder(customer, {
      idempotencyKey: key,
      channelId: ids.channelIds.get('hall-online')!,
      lines: [{ variantId: ids.variantIds.get('TR-BEEF-1KG')!, quantity: 1 }],
    });
    if (!(placed instanceof Order)) throw new Error(`demo after-sales order refused: ${JSON.stringify(placed)}`);
    const order = await app.get(OrderService).get(system, placed.id);
    const paidBy = await payDemoRetailOrder(
      app,
      customer,
      admin,
      order,
      new Date(),
      `DEMO-AFTERSALES-${order.orderNo}`,
    );
    const [so] = await app.get(OrderStateMachine).supplierOrders(system, order.id);
    await app.get(FulfilmentService).ship(farm, so.id, '顺丰冷链', `SF${order.orderNo.replace(/\D/g, '')}`);
    return { so: await app.get(FulfilmentService).confirmDelivery(customer, so.id, '已签收'), paidBy };
  };

  const { so: first, paidBy } = await deliveredBeef('demo-aftersales-1');
  await app
    .get(RatingService)
    .rate(customer, { supplierOrderId: first.id, score: 2, comment: '肉质发柴，冷链包装破损' });
  const upheld = await complaints.open(customer, {
    supplierOrderId: first.id,
    kind: ComplaintKind.QUALITY,
    description: '收到时冰袋已化，牛肉有异味，见照片。',
  });
  await app.get(ComplaintPhotoService).upload(customer, upheld.id, PHOTO, 'image/png');
  await complaints.answer(farm, upheld.id, '冷链车途中故障，同意退还一半货款。');
  // A payment applied as Stripe's webhook would (Stripe configured) never reached Stripe: it cannot be
  // refunded, so there that complaint stays answered, awaiting the coordinator like the second one.
  if (paidBy === 'TRANSFER')
    await complaints.decide(coordinator, upheld.id, {
      decision: ComplaintDecision.UPHOLD,
      remedy: ComplaintRemedy.REFUND,
      refundAmount: 6900,
      reason: '照片与物流记录显示冷链中断，退还一半货款。',
    });

  const { so: second } = await deliveredBeef('demo-aftersales-2');
  const open = await complaints.open(customer, {
    supplierOrderId: second.id,
    kind: ComplaintKind.DELIVERY,
    description: '约定周六送达，实际晚了三天。',
  });
  await complaints.answer(farm, open.id, '因降雪高速封路，已提前电话告知客户。');
}
