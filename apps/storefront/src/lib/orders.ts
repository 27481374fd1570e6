// What a reader of an order may do next, mirrored from the server's rules (libs/ordering
// order-transitions.ts, fulfilment, payment) so the page offers only moves that can succeed.
// The server still decides every call.
import type { Me } from '../api/operations';
import type { OrderDetail, OrderSummary, PaymentData, SupplierOrderData } from '../api/ordering';
import type { MessageKey } from '../i18n/translate';
import { hasRole, organizationsWith, SUPPLIER_ROLES } from './roles';

/** Order statuses in which a supplier order may ship: paid (prepay), confirmed (pay on delivery), already fulfilling. */
export const SHIPPABLE_ORDER_STATUSES: ReadonlySet<string> = new Set(['PAID', 'CONFIRMED', 'FULFILLING']);
export const FINAL_ORDER_STATUSES: ReadonlySet<string> = new Set(['CANCELLED', 'REJECTED', 'REFUNDED']);
const CANCELLABLE: ReadonlySet<string> = new Set(['PENDING_APPROVAL', 'PLACED', 'CONFIRMED']);
const POD_PAYABLE: ReadonlySet<string> = new Set(['CONFIRMED', 'FULFILLING', 'DELIVERED', 'ACCEPTED']);
const ACCEPTABLE: ReadonlySet<string> = new Set(['DELIVERED', 'PARTIALLY_REFUNDED']);
const SETTLEABLE: ReadonlySet<string> = new Set(['DELIVERED', 'ACCEPTED', 'PARTIALLY_REFUNDED']);

export const isShipped = (so: Pick<SupplierOrderData, 'status'>) =>
  so.status === 'SHIPPED' || so.status === 'DELIVERED';

type PayState = Pick<OrderSummary, 'status' | 'paymentMode' | 'paidAmount'>;

/** Whether money can be applied to the order now (payment's notPayableReason). */
export function isPayable(order: PayState): boolean {
  if (order.paidAmount > 0) return false;
  if (order.status === 'PLACED' && order.paymentMode === 'PREPAY') return true;
  return order.paymentMode === 'PAY_ON_DELIVERY' && POD_PAYABLE.has(order.status);
}

export interface Viewer {
  userId: string | null;
  /** Agencies the user acts for as buyer (PURCHASER, AGENCY_ADMIN). */
  agencyOrgIds: string[];
  supplierOrgIds: string[];
  admin: boolean;
  agencyRole: boolean;
}

export function viewerOf(me: Me | null | undefined): Viewer {
  return {
    userId: me?.id ?? null,
    agencyOrgIds: organizationsWith(me, 'PURCHASER', 'AGENCY_ADMIN').map((o) => o.id),
    supplierOrgIds: organizationsWith(me, ...SUPPLIER_ROLES).map((o) => o.id),
    admin: hasRole(me, 'PLATFORM_ADMIN'),
    agencyRole: hasRole(me, 'PURCHASER', 'AGENCY_ADMIN'),
  };
}

/** The buyer or the buying unit's staff (an agency admin of a parent unit is only known to the server). */
export function isBuyerSide(
  order: Pick<OrderSummary, 'wholeOrderVisible' | 'buyerUserId' | 'buyerOrgId'>,
  viewer: Viewer,
): boolean {
  if (!order.wholeOrderVisible || !viewer.userId) return false;
  if (order.buyerUserId === viewer.userId) return true;
  return !!order.buyerOrgId && viewer.agencyOrgIds.includes(order.buyerOrgId);
}

/** Where the order page's breadcrumb leads back to: the viewer's own order list, or a plain label for oversight roles. */
export type OrderCrumb = { to: string | null; label: MessageKey };

export function orderCrumb(
  order: Pick<OrderDetail, 'wholeOrderVisible' | 'buyerUserId' | 'buyerOrgId' | 'supplierOrders'>,
  viewer: Viewer,
): OrderCrumb {
  if (isBuyerSide(order, viewer)) return { to: '/orders', label: 'orders.title' };
  if (order.supplierOrders.some((so) => viewer.supplierOrgIds.includes(so.supplierId)))
    return { to: '/portal/supplier/orders', label: 'portal.tab.orders' };
  if (viewer.admin) return { to: '/portal/admin/orders', label: 'admin.nav.orders' };
  // Coordinators, auditors and approvers reach an order from their own pages; "my orders" would be wrong for them.
  return { to: null, label: 'order.crumb' };
}

export interface OrderActions {
  /** Show how to pay (online or offline). */
  pay: boolean;
  bankTransfer: boolean;
  payOnDelivery: boolean;
  extendDeadline: boolean;
  cancel: boolean;
  accept: boolean;
  uploadDocuments: boolean;
  settle: boolean;
  /** Supplier orders the viewer may confirm as delivered (buyer). */
  confirmDelivery: string[];
  /** Supplier orders the viewer may ship (the supplier's staff). */
  ship: string[];
}

type ActionOrder = Pick<
  OrderDetail,
  | 'status'
  | 'buyerKind'
  | 'buyerUserId'
  | 'buyerOrgId'
  | 'wholeOrderVisible'
  | 'paymentMode'
  | 'paidAmount'
  | 'refundedAmount'
  | 'totalAmount'
  | 'paymentDueAt'
  | 'paymentDeadlineExtended'
  | 'deliveredAt'
  | 'acceptedAt'
  | 'settledAt'
> & {
  supplierOrders: Array<Pick<SupplierOrderData, 'id' | 'status' | 'supplierId'>>;
  payments: Array<Pick<PaymentData, 'status'>>;
};

export function orderActions(order: ActionOrder, viewer: Viewer): OrderActions {
  const buyer = isBuyerSide(order, viewer);
  const agency = order.buyerKind === 'AGENCY';
  const anyShipped = order.supplierOrders.some(isShipped);
  const holdsMoney = order.paidAmount > 0 && order.paidAmount > order.refundedAmount;
  const payable = isPayable(order);
  const transferPending = order.payments.some((p) => p.status === 'AWAITING_CONFIRMATION');
  const final = FINAL_ORDER_STATUSES.has(order.status);
  return {
    pay: buyer && payable,
    bankTransfer: buyer && payable && agency && viewer.agencyRole && !transferPending,
    payOnDelivery: buyer && agency && viewer.agencyRole && order.status === 'PLACED' && order.paidAmount === 0,
    extendDeadline:
      buyer &&
      agency &&
      viewer.agencyRole &&
      order.status === 'PLACED' &&
      order.paymentMode === 'PREPAY' &&
      !!order.paymentDueAt &&
      !order.paymentDeadlineExtended,
    cancel:
      (buyer || (viewer.admin && order.status !== 'PENDING_APPROVAL')) &&
      CANCELLABLE.has(order.status) &&
      !anyShipped &&
      !holdsMoney,
    accept: buyer && agency && viewer.agencyRole && ACCEPTABLE.has(order.status) && !order.acceptedAt,
    uploadDocuments: buyer && agency && !final && !order.acceptedAt,
    settle:
      viewer.admin &&
      SETTLEABLE.has(order.status) &&
      order.paidAmount === order.totalAmount &&
      !!order.deliveredAt &&
      (!agency || !!order.acceptedAt) &&
      !order.settledAt,
    confirmDelivery: buyer ? order.supplierOrders.filter((so) => so.status === 'SHIPPED').map((so) => so.id) : [],
    ship: SHIPPABLE_ORDER_STATUSES.has(order.status)
      ? order.supplierOrders
          .filter((so) => so.status === 'AWAITING_SHIPMENT' && viewer.supplierOrgIds.includes(so.supplierId))
          .map((so) => so.id)
      : [],
  };
}

// --- The supplier's work list ------------------------------------------------------------------

export type QueueState = 'toShip' | 'awaitingPayment' | 'shipped' | 'closed';

export function supplierOrderState(
  order: Pick<OrderSummary, 'status'>,
  so: Pick<SupplierOrderData, 'status'>,
): QueueState {
  if (isShipped(so)) return 'shipped';
  if (so.status === 'CANCELLED' || FINAL_ORDER_STATUSES.has(order.status)) return 'closed';
  if (SHIPPABLE_ORDER_STATUSES.has(order.status)) return 'toShip';
  return 'awaitingPayment';
}

export interface QueueEntry<O extends OrderSummary = OrderSummary> {
  order: O;
  supplierOrder: SupplierOrderData;
  state: QueueState;
}

/** One entry per supplier order of `supplierId`, in the orders' order (newest first). */
export function supplierQueue<O extends OrderSummary>(orders: readonly O[], supplierId: string): QueueEntry<O>[] {
  const entries: QueueEntry<O>[] = [];
  for (const order of orders) {
    for (const so of order.supplierOrders) {
      if (so.supplierId === supplierId)
        entries.push({ order, supplierOrder: so, state: supplierOrderState(order, so) });
    }
  }
  return entries;
}

// --- Shipping form --------------------------------------------------------------------------

/** Common carriers offered as suggestions; any other name may be typed. */
export const CARRIERS = [
  '顺丰速运',
  '中国邮政 EMS',
  '京东物流',
  '中通快递',
  '圆通速递',
  '韵达快递',
  '申通快递',
  '极兔速递',
  '德邦快递',
] as const;

export type ShipProblem = 'carrierRequired' | 'trackingRequired' | 'tooLong' | 'trackingFormat';

/** The same limits as the server (required, at most 100 characters), plus a plausible tracking number. */
export function checkShipment(
  carrier: string,
  trackingNo: string,
): { carrier?: ShipProblem; trackingNo?: ShipProblem } {
  const problems: { carrier?: ShipProblem; trackingNo?: ShipProblem } = {};
  const c = carrier.trim();
  const n = trackingNo.trim();
  if (!c) problems.carrier = 'carrierRequired';
  else if (c.length > 100) problems.carrier = 'tooLong';
  if (!n) problems.trackingNo = 'trackingRequired';
  else if (n.length > 100) problems.trackingNo = 'tooLong';
  else if (!/^[A-Za-z0-9-]{4,}$/.test(n)) problems.trackingNo = 'trackingFormat';
  return problems;
}

// --- History ------------------------------------------------------------------------------

/**
 * The server writes its own moves with fixed English reasons; those are shown translated (by key),
 * anything else (a buyer's cancellation reason) as written.
 */
const REASON_KEYS: Record<string, string> = {
  'order placed': 'placed',
  'payment received': 'paid',
  'payment received (pay on delivery)': 'paidOnDelivery',
  'pay on delivery': 'payOnDelivery',
  'first supplier order shipped': 'firstShipped',
  'every supplier order delivered': 'allDelivered',
  'accepted (验收)': 'accepted',
  settled: 'settled',
  'payment deadline extended': 'deadlineExtended',
  'payment deadline passed': 'deadlinePassed',
  'refunded at the payment provider': 'refundedAtProvider',
  'purchase request approved': 'requestApproved',
  'purchase request rejected': 'requestRejected',
  'cancelled before shipment (buyer, or payment deadline passed)': 'cancelledBeforeShipment',
  'shipped with carrier and tracking number': 'shipped',
  'delivery confirmed (supplier with proof)': 'deliveryConfirmed',
  'the order was cancelled, rejected or refunded before shipment': 'orderEnded',
  'sold at the counter': 'counterSold',
  'handed over at the counter': 'counterHandover',
  'taken at the counter': 'counterTaken',
};

export function reasonKey(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const key = REASON_KEYS[reason.trim()];
  return key ? `historyReason.${key}` : null;
}

// --- Documents ----------------------------------------------------------------------------

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function checkDocumentFile(file: { type: string; size: number }): 'type' | 'size' | 'empty' | null {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_DOCUMENT_BYTES) return 'size';
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
