import type { RequestContext } from '@bangfu/core';
import { defineEvent, isEvent, type PayloadOf, type ReceivedEvent } from './domain-event';

/**
 * Ordering's events: the contract between ordering (the publisher) and every lib that reacts to
 * orders (attribution, statistics, procurement, payment, oversight, notifications). It lives here, not
 * in ordering, because some consumers cannot depend on ordering (catalog → attribution, and ordering
 * depends on catalog). The wire names (`type` of the outbox row) are the ones stored since the outbox
 * began; the classes give them types and versions.
 */

export type BuyerKindName = 'AGENCY' | 'CUSTOMER';

/** What every order status event carries (who, where, how much, the supplier orders). */
export interface OrderEventPayload {
  orderId: string;
  orderNo: string;
  status: string;
  from: string | null;
  buyerKind: BuyerKindName;
  buyerUserId: string;
  buyerOrgId: string | null;
  channelId: string;
  paymentMode: string;
  supplierOrderIds: string[];
  supplierOrders: Array<{ id: string; supplierId: string; status: string; subtotal: number }>;
  amounts: { total: number; paid: number; refunded: number };
  /** Only on OrderPlaced (the lines checkout just wrote); counting facts travel in OrderCounted / OrderRefunded. */
  lines?: OrderEventLine[];
  [extra: string]: unknown;
}

export interface OrderEventLine {
  lineId: string;
  supplierOrderId: string;
  supplierId: string;
  variantId: string;
  productId: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  refundedAmount: number;
  certified: boolean;
}

/** A line as it counts: the order-time snapshot, and the lots its units were shipped from. */
export interface CountedLine extends OrderEventLine {
  channelId: string;
  originRegionCode: string;
  /** Shipment allocations in shipping order; lotId null for units shipped without a lot. */
  allocations: Array<{ lotId: string | null; quantity: number }>;
}

export interface CountedRefund {
  refundId: string;
  /** The clock time of the history row that recorded it (its period), ISO-8601. */
  occurredAt: string;
  lines: Array<{ lineId: string; amount: number }>;
}

/**
 * The facts DESIGN's "What counts" is computed from, as of the event: when the order counted (agency:
 * acceptance; retail: the later of payment and delivery; null: not yet), its lines with their lots, and
 * its refunds. Attribution and statistics compute from these alone.
 */
export interface OrderFacts {
  orderId: string;
  orderNo: string;
  buyerKind: BuyerKindName;
  buyerUserId: string;
  buyerOrgId: string | null;
  channelId: string;
  /** ISO-8601. */
  placedAt: string;
  /** ISO-8601, or null while the order does not count. */
  countedAt: string | null;
  lines: CountedLine[];
  refunds: CountedRefund[];
}

export type SupplierOrderEventPayload = OrderEventPayload & { supplierOrderId: string; supplierId: string };

export class OrderPlaced extends defineEvent<OrderEventPayload>('order.placed') {}
export class OrderPendingApproval extends defineEvent<OrderEventPayload>('order.pending_approval') {}
export class OrderPaid extends defineEvent<OrderEventPayload>('order.paid') {}
export class OrderConfirmed extends defineEvent<OrderEventPayload>('order.confirmed') {}
export class OrderFulfilling extends defineEvent<OrderEventPayload>('order.fulfilling') {}
export class OrderDelivered extends defineEvent<OrderEventPayload>('order.delivered') {}
export class OrderAccepted extends defineEvent<OrderEventPayload>('order.accepted') {}
export class OrderSettled extends defineEvent<OrderEventPayload>('order.settled') {}
export class OrderRejected extends defineEvent<OrderEventPayload>('order.rejected') {}
export class OrderCancelled extends defineEvent<OrderEventPayload>('order.cancelled') {}
export class OrderPaymentDeadlineExtended extends defineEvent<OrderEventPayload>('order.payment_deadline_extended') {}

/** A supplier order shipped (wire name `order.shipped`): the lots its units came from. */
export class SupplierOrderShipped extends defineEvent<
  SupplierOrderEventPayload & {
    carrier: string;
    trackingNo: string;
    allocations: Array<{ orderLineId: string; lotId: string | null; quantity: number }>;
    counterSale?: boolean;
  }
>('order.shipped') {}
export class SupplierOrderDelivered extends defineEvent<SupplierOrderEventPayload & { counterSale?: boolean }>(
  'supplier_order.delivered',
) {}

/**
 * A refund was recorded (the order is REFUNDED or PARTIALLY_REFUNDED). Version 2: carries the order's
 * facts after the refund (`facts.countedAt` null when it does not count yet), so the reversal is
 * computed from the payload.
 */
export class OrderRefunded extends defineEvent<
  OrderEventPayload & { refund?: { refundId: string; amount: number }; facts: OrderFacts }
>('order.refunded', 2) {}

/**
 * The move that made the order count (agency acceptance; retail: delivered when paid, or paid when
 * delivered), published right after that move's status event in the same transaction.
 */
export class OrderCounted extends defineEvent<OrderFacts>('order.counted') {}

/** The events that carry an order's facts (what attribution and statistics consume). */
export type OrderFactsPayload = PayloadOf<OrderCounted> | PayloadOf<OrderRefunded>;

/** The facts in an OrderCounted or OrderRefunded event. */
export function orderFactsIn(event: ReceivedEvent<OrderFactsPayload>): OrderFacts {
  return isEvent(event, OrderCounted) ? event.payload : (event.payload as PayloadOf<OrderRefunded>).facts;
}

/** Every event ordering publishes, by wire name (what the status machine looks up for a status). */
export const ORDER_EVENTS = [
  OrderPlaced,
  OrderPendingApproval,
  OrderPaid,
  OrderConfirmed,
  OrderFulfilling,
  OrderDelivered,
  OrderAccepted,
  OrderSettled,
  OrderRejected,
  OrderCancelled,
  OrderPaymentDeadlineExtended,
  SupplierOrderShipped,
  SupplierOrderDelivered,
  OrderRefunded,
  OrderCounted,
] as const;

export function orderEventNamed(name: string): (typeof ORDER_EVENTS)[number] {
  const cls = ORDER_EVENTS.find((c) => c.eventName === name);
  if (!cls) throw new Error(`No order event is named ${name}`);
  return cls;
}

/**
 * Ordering's read side for the libs that react to orders but cannot depend on ordering (attribution:
 * catalog imports it, ordering imports catalog). Ordering provides it app-wide under
 * ORDER_FACTS_READER; the by-id paths (repairs, reconciliation) use it, the event paths use the payload.
 */
export interface OrderFactsReader {
  /** The facts of these orders as OrderCounted would carry them now (unknown ids are left out). */
  facts(ctx: RequestContext, orderIds: string[]): Promise<OrderFacts[]>;
  /** Locks the order row in the caller's transaction, as ordering's moves do; false when there is none. */
  lockOrder(ctx: RequestContext, orderId: string): Promise<boolean>;
  /** Orders that may have counted or been refunded in [from, to): a superset, a day of slack each side. */
  orderIdsTouching(ctx: RequestContext, from: Date, to: Date): Promise<string[]>;
}
export const ORDER_FACTS_READER = Symbol('ORDER_FACTS_READER');
