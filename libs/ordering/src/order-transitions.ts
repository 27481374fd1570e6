import {
  allGuards,
  AppError,
  defineStateMachine,
  ErrorCode,
  guard as coreGuard,
  type TransitionGuard,
} from '@bangfu/core';
import {
  ActorKind,
  BuyerKind,
  type Order,
  OrderStatus,
  type SupplierOrder,
  SupplierOrderStatus,
} from './ordering.entities';
import { OrderingErrorCode } from './ordering.errors';

const { BUYER, APPROVER, SUPPLIER, PLATFORM_ADMIN, SYSTEM, COUNTER } = ActorKind;
const S = OrderStatus;

/** What a guard sees: the locked order row and its supplier orders. */
export interface GuardContext {
  order: Order;
  supplierOrders: SupplierOrder[];
}

/** A guard returns null when the move may happen, else why not. */
export type Guard = TransitionGuard<GuardContext>;

const guard = coreGuard<GuardContext>;
const all = allGuards<GuardContext>;

export interface OrderTransition {
  from: OrderStatus[];
  to: OrderStatus;
  actors: ActorKind[];
  guard?: Guard;
  /** Shown in README and error messages. */
  note: string;
}

const live = (g: GuardContext) => g.supplierOrders.filter((so) => so.status !== SupplierOrderStatus.CANCELLED);
const shipped = (so: SupplierOrder) =>
  so.status === SupplierOrderStatus.SHIPPED || so.status === SupplierOrderStatus.DELIVERED;

const nothingShipped = guard(
  OrderingErrorCode.ORDER_ALREADY_SHIPPED,
  'Part of the order has already shipped',
  (g) => !g.supplierOrders.some(shipped),
);
const unpaid = guard(
  OrderingErrorCode.ORDER_PAID,
  'The order is paid: refund it instead',
  (g) => !(g.order.paidAmount > 0),
);
const agency = guard(
  OrderingErrorCode.AGENCY_ORDERS_ONLY,
  'Only agency (budget unit) orders can do this',
  (g) => g.order.buyerKind === BuyerKind.AGENCY,
);
const fullyPaid = guard(
  OrderingErrorCode.ORDER_NOT_PAID,
  'The order is not paid in full',
  (g) => g.order.paidAmount === g.order.totalAmount,
);
/** An agency order leaves PLACED for money or pay-on-delivery only after the unit's policy approved it. */
const approvedIfAgency = guard(
  OrderingErrorCode.ORDER_NOT_APPROVED,
  'This agency order has not passed the unit’s approval (spending limit and approver); it cannot be paid or confirmed',
  (g) => !(g.order.buyerKind === BuyerKind.AGENCY && !g.order.approvedAt),
);
const delivered = guard(
  OrderingErrorCode.ORDER_NOT_DELIVERED,
  'The order is not delivered yet',
  (g) => !!g.order.deliveredAt,
);

/**
 * The order lifecycle as data. A move not listed from the current status is INVALID_TRANSITION;
 * a listed move by the wrong kind of actor is FORBIDDEN; a failing guard is TRANSITION_GUARD_FAILED.
 */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { from: [S.PENDING_APPROVAL], to: S.PLACED, actors: [APPROVER, SYSTEM], note: 'purchase request approved' },
  { from: [S.PENDING_APPROVAL], to: S.REJECTED, actors: [APPROVER, SYSTEM], note: 'purchase request rejected' },
  { from: [S.PENDING_APPROVAL], to: S.CANCELLED, actors: [BUYER, SYSTEM], note: 'withdrawn before approval' },
  {
    from: [S.PLACED],
    to: S.PAID,
    actors: [SYSTEM],
    guard: all(approvedIfAgency, fullyPaid),
    note: 'payment received (prepay)',
  },
  {
    from: [S.PLACED],
    to: S.CONFIRMED,
    actors: [BUYER, SYSTEM],
    guard: all(agency, approvedIfAgency, unpaid),
    note: 'agency chooses pay on delivery (货到付款)',
  },
  {
    from: [S.PLACED, S.CONFIRMED],
    to: S.CANCELLED,
    actors: [BUYER, PLATFORM_ADMIN, SYSTEM],
    guard: all(nothingShipped, unpaid),
    note: 'cancelled before shipment (buyer, or payment deadline passed)',
  },
  {
    from: [S.PAID, S.CONFIRMED],
    to: S.FULFILLING,
    actors: [SYSTEM, SUPPLIER],
    guard: guard(OrderingErrorCode.NOTHING_SHIPPED, 'No supplier order has shipped', (g) =>
      g.supplierOrders.some(shipped),
    ),
    note: 'first supplier order shipped',
  },
  {
    from: [S.FULFILLING],
    to: S.DELIVERED,
    actors: [SYSTEM, BUYER, SUPPLIER],
    guard: guard(OrderingErrorCode.NOT_ALL_DELIVERED, 'Not every supplier order is delivered', (g) =>
      live(g).every((so) => so.status === SupplierOrderStatus.DELIVERED),
    ),
    note: 'every supplier order delivered',
  },
  {
    from: [S.DELIVERED, S.PARTIALLY_REFUNDED],
    to: S.ACCEPTED,
    actors: [BUYER],
    guard: all(
      agency,
      delivered,
      guard(OrderingErrorCode.ORDER_ALREADY_ACCEPTED, 'The order is already accepted', (g) => !g.order.acceptedAt),
    ),
    note: 'agency acceptance (验收) with invoice and inspection documents',
  },
  {
    from: [S.DELIVERED, S.ACCEPTED, S.PARTIALLY_REFUNDED],
    to: S.SETTLED,
    actors: [PLATFORM_ADMIN, SYSTEM],
    guard: all(
      fullyPaid,
      delivered,
      guard(
        OrderingErrorCode.ORDER_NOT_ACCEPTED,
        'An agency order is settled after its acceptance (验收)',
        (g) => !(g.order.buyerKind === BuyerKind.AGENCY && !g.order.acceptedAt),
      ),
      guard(OrderingErrorCode.ORDER_ALREADY_SETTLED, 'The order is already settled', (g) => !g.order.settledAt),
    ),
    note: 'settled: after acceptance (agency) or delivery (retail), paid in full',
  },
  {
    from: [S.PAID, S.FULFILLING, S.DELIVERED, S.ACCEPTED, S.SETTLED, S.PARTIALLY_REFUNDED],
    to: S.REFUNDED,
    actors: [SYSTEM],
    guard: guard(
      OrderingErrorCode.NOT_FULLY_REFUNDED,
      'Refunds do not cover the paid amount',
      (g) => g.order.refundedAmount > 0 && g.order.refundedAmount === g.order.paidAmount,
    ),
    note: 'everything paid was refunded',
  },
  {
    from: [S.DELIVERED, S.ACCEPTED, S.SETTLED, S.PARTIALLY_REFUNDED],
    to: S.PARTIALLY_REFUNDED,
    actors: [SYSTEM],
    guard: guard(
      OrderingErrorCode.NOT_PARTIALLY_REFUNDED,
      'Not a partial refund',
      (g) => g.order.refundedAmount > 0 && g.order.refundedAmount < g.order.paidAmount,
    ),
    note: 'part of the paid amount refunded (after delivery)',
  },
];

/** Statuses in which stock reservations of unshipped supplier orders are given back. */
export const RELEASING_STATUSES: ReadonlySet<OrderStatus> = new Set([S.CANCELLED, S.REJECTED, S.REFUNDED]);

/** The order lifecycle: `ORDER_TRANSITIONS` checked and documented by the core state-machine helper. */
export const ORDER_MACHINE = defineStateMachine<OrderStatus, GuardContext, OrderTransition>({
  name: 'Order',
  states: Object.values(OrderStatus),
  // Checkout creates agency orders awaiting the unit's approval, every other order PLACED.
  initial: [S.PENDING_APPROVAL, S.PLACED],
  transitions: ORDER_TRANSITIONS,
  message: (from, to) => `An order in ${from} cannot become ${to}`,
  columns: [{ header: 'Actors', cell: (t) => t.actors.join(', ') }],
});

export function findTransition(from: OrderStatus, to: OrderStatus): OrderTransition | undefined {
  return ORDER_MACHINE.moves(from, to)[0];
}

/**
 * Where a refund takes the order once `refundedAfter` fen of what was paid are refunded: REFUNDED when that is
 * all of it, else PARTIALLY_REFUNDED; REFUND_NOT_ALLOWED when the lifecycle has no such move from the order's
 * status. `beforeDelivery` says what the caller may do instead before delivery (a partial refund needs it).
 */
export function refundTarget(
  order: Pick<Order, 'status' | 'paidAmount'>,
  refundedAfter: number,
  beforeDelivery: string,
): OrderStatus {
  const target = refundedAfter === order.paidAmount ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
  if (!findTransition(order.status, target)) {
    throw new AppError(
      ErrorCode.REFUND_NOT_ALLOWED,
      target === OrderStatus.PARTIALLY_REFUNDED
        ? `A partial refund is possible once the order is delivered (it is ${order.status}); before that, ${beforeDelivery}`
        : `An order in ${order.status} cannot be refunded`,
      { status: order.status },
    );
  }
  return target;
}

/** What a supplier-order guard sees: the supplier order and the kind of channel its order was placed in. */
export interface SupplierOrderGuardContext {
  supplierOrder: SupplierOrder;
  channelKind: string;
}

export interface SupplierOrderTransition {
  from: SupplierOrderStatus[];
  to: SupplierOrderStatus;
  actors: ActorKind[];
  guard?: TransitionGuard<SupplierOrderGuardContext>;
  note: string;
}

/** Counter (专柜) sales hand the goods over at the counter; no other order may be moved that way. */
const counterChannel = coreGuard<SupplierOrderGuardContext>(
  OrderingErrorCode.NOT_A_COUNTER_ORDER,
  'Only an order placed in a counter (专柜) channel is handed over at the counter',
  (g) => g.channelKind === 'COUNTER',
);

export const SUPPLIER_ORDER_TRANSITIONS: readonly SupplierOrderTransition[] = [
  {
    from: [SupplierOrderStatus.AWAITING_SHIPMENT],
    to: SupplierOrderStatus.SHIPPED,
    actors: [SUPPLIER],
    note: 'shipped with carrier and tracking number',
  },
  {
    from: [SupplierOrderStatus.SHIPPED],
    to: SupplierOrderStatus.DELIVERED,
    actors: [BUYER, SUPPLIER, SYSTEM],
    note: 'delivery confirmed (supplier with proof)',
  },
  {
    from: [SupplierOrderStatus.AWAITING_SHIPMENT],
    to: SupplierOrderStatus.CANCELLED,
    actors: [SYSTEM],
    note: 'the order was cancelled, rejected or refunded before shipment',
  },
  {
    from: [SupplierOrderStatus.AWAITING_SHIPMENT],
    to: SupplierOrderStatus.SHIPPED,
    actors: [COUNTER],
    guard: counterChannel,
    note: 'handed over at the counter (专柜) that reported the sale',
  },
  {
    from: [SupplierOrderStatus.SHIPPED],
    to: SupplierOrderStatus.DELIVERED,
    actors: [COUNTER],
    guard: counterChannel,
    note: 'taken away by the counter customer',
  },
];

/** The supplier-order lifecycle; a supplier order is created AWAITING_SHIPMENT with its order. */
export const SUPPLIER_ORDER_MACHINE = defineStateMachine<
  SupplierOrderStatus,
  SupplierOrderGuardContext,
  SupplierOrderTransition
>({
  name: 'SupplierOrder',
  states: Object.values(SupplierOrderStatus),
  initial: [SupplierOrderStatus.AWAITING_SHIPMENT],
  transitions: SUPPLIER_ORDER_TRANSITIONS,
  message: (from, to) => `A supplier order in ${from} cannot become ${to}`,
  columns: [{ header: 'Actors', cell: (t) => t.actors.join(', ') }],
});

/** The move from → to; with an actor, the entry listing that actor when there is one (a move may have an entry per kind of actor). */
export function findSupplierOrderTransition(
  from: SupplierOrderStatus,
  to: SupplierOrderStatus,
  actor?: ActorKind,
): SupplierOrderTransition | undefined {
  const moves = SUPPLIER_ORDER_MACHINE.moves(from, to);
  return (actor && moves.find((t) => t.actors.includes(actor))) || moves[0];
}

/** What README.md's States section is generated from (`npm run docs:states`). */
export const ORDERING_STATE_MACHINES = [ORDER_MACHINE, SUPPLIER_ORDER_MACHINE];

/** Outbox event type written when an order enters a status. */
export function eventTypeFor(status: OrderStatus): string {
  if (status === S.PARTIALLY_REFUNDED) return 'order.refunded';
  return `order.${status.toLowerCase()}`;
}
