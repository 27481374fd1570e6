import { Injectable } from '@nestjs/common';
import { Db, prepared, type RequestContext } from '@bangfu/core';
import { type NotificationRecipient, NotificationService, type NotificationToSend } from '@bangfu/supplier';
import {
  ConsumesEvents,
  type EventConsumer,
  ORDER_EVENTS,
  type OrderEventPayload,
  type ReceivedEvent,
} from '@bangfu/events';

type Payload = OrderEventPayload & { supplierId?: string };

interface Message {
  title: string;
  /** Who hears about it. */
  buyer: boolean;
  suppliers: 'all' | 'event' | 'none';
}

/** Which order events notify whom, as data (zh-CN titles; the storefront localises by kind). */
const MESSAGES: Record<string, Message> = {
  'order.placed': { title: '新订单 {orderNo} 已下单', buyer: true, suppliers: 'all' },
  'order.pending_approval': { title: '订单 {orderNo} 待审批', buyer: true, suppliers: 'none' },
  'order.paid': { title: '订单 {orderNo} 已支付，请发货', buyer: true, suppliers: 'all' },
  'order.confirmed': { title: '订单 {orderNo} 已确认（货到付款），请发货', buyer: true, suppliers: 'all' },
  'order.cancelled': { title: '订单 {orderNo} 已取消', buyer: true, suppliers: 'all' },
  'order.rejected': { title: '订单 {orderNo} 未获批准', buyer: true, suppliers: 'none' },
  'order.shipped': { title: '订单 {orderNo} 已发货', buyer: true, suppliers: 'none' },
  'order.delivered': { title: '订单 {orderNo} 已全部送达', buyer: true, suppliers: 'all' },
  'supplier_order.delivered': { title: '订单 {orderNo} 的货物已签收', buyer: false, suppliers: 'event' },
  'order.accepted': { title: '订单 {orderNo} 已验收', buyer: true, suppliers: 'all' },
  'order.settled': { title: '订单 {orderNo} 已结算', buyer: true, suppliers: 'all' },
  'order.refunded': { title: '订单 {orderNo} 已退款', buyer: true, suppliers: 'all' },
  'order.payment_deadline_extended': { title: '订单 {orderNo} 付款期限已延长', buyer: true, suppliers: 'none' },
};

const COUNTER_SALE_EVENTS = new Set(['order.settled', 'order.refunded']);

/** Tells buyer and suppliers about order status changes through the in-app notification list. */
@Injectable()
@ConsumesEvents(...ORDER_EVENTS.filter((e) => e.eventName in MESSAGES))
export class OrderNotificationConsumer implements EventConsumer<Payload> {
  readonly consumer = 'ordering.notifications';
  constructor(
    private readonly notifications: NotificationService,
    private readonly db: Db,
  ) {}

  handle(ctx: RequestContext, event: ReceivedEvent<Payload>): Promise<void> {
    return this.handleBatch(ctx, [event]);
  }

  /** The notifications of a batch of events in one statement. */
  async handleBatch(ctx: RequestContext, events: ReceivedEvent<Payload>[]): Promise<void> {
    const items: NotificationToSend[] = [];
    for (const event of events) {
      const item = await this.notificationOf(ctx, event);
      if (item) items.push(item);
    }
    await this.notifications.notifyEach(ctx, items);
  }

  private async notificationOf(ctx: RequestContext, event: ReceivedEvent<Payload>): Promise<NotificationToSend | null> {
    const message = MESSAGES[event.type];
    const p = event.payload;
    // A counter (专柜) sale is complete when reported: nobody is asked to ship it, and its buyer is the
    // counter's walk-in account, which nobody reads. Suppliers hear about its settlement and refunds.
    const counter = await this.isCounterOrder(ctx, p.channelId);
    if (counter && !COUNTER_SALE_EVENTS.has(event.type)) return null;
    // order.paid → ORDER_PAID, supplier_order.delivered → SUPPLIER_ORDER_DELIVERED
    const kind = event.type.replace('.', '_').toUpperCase();
    const input = {
      kind,
      title: message.title.replace('{orderNo}', p.orderNo),
      data: { orderId: p.orderId, orderNo: p.orderNo, status: p.status, eventId: event.id },
    };
    const recipients: NotificationRecipient[] = [];
    if (message.buyer && !counter) recipients.push(p.buyerOrgId ? { orgId: p.buyerOrgId } : { userId: p.buyerUserId });
    const suppliers =
      message.suppliers === 'all'
        ? [...new Set(p.supplierOrders.map((so) => so.supplierId))]
        : message.suppliers === 'event' && p.supplierId
          ? [p.supplierId]
          : [];
    for (const supplierId of suppliers) recipients.push({ orgId: supplierId });
    return { recipients, input };
  }

  /**
   * A channel's kind never changes once created (channel lib: no update touches it), so it is read once
   * per channel and process rather than once per event (issue 16, W3). Channels are few; the map is
   * emptied should it ever grow past 10,000.
   */
  private readonly counterChannels = new Map<string, boolean>();

  private async isCounterOrder(ctx: RequestContext, channelId: string): Promise<boolean> {
    const known = this.counterChannels.get(channelId);
    if (known !== undefined) return known;
    const rows: Array<{ kind: string }> = await this.db
      .manager(ctx)
      .query(prepared(`SELECT kind FROM channel_directory WHERE id = $1`), [channelId]);
    if (!rows[0]) return false; // not cached: an unknown channel is an anomaly to see again, not a fact
    if (this.counterChannels.size >= 10_000) this.counterChannels.clear();
    this.counterChannels.set(channelId, rows[0].kind === 'COUNTER');
    return rows[0].kind === 'COUNTER';
  }
}
