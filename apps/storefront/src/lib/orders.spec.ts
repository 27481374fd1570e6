import { describe, expect, it } from 'vitest';
import type { Me } from '../api/operations';
import type { Role, SupplierOrderStatus } from '../api/generated/graphql';
import type { OrderDetail, OrderSummary, PaymentData, SupplierOrderData } from '../api/ordering';
import {
  checkDocumentFile,
  checkShipment,
  formatBytes,
  isPayable,
  orderActions,
  orderCrumb,
  reasonKey,
  supplierQueue,
  viewerOf,
} from './orders';

const BUYER = 'u-buyer';
const AGENCY = 'org-agency';
const COOP = 'org-coop';
const FUNGI = 'org-fungi';

const so = (id: string, supplierId: string, status: SupplierOrderStatus = 'AWAITING_SHIPMENT'): SupplierOrderData => ({
  id,
  orderId: 'o1',
  supplierId,
  status,
  subtotal: 100,
  carrier: null,
  trackingNo: null,
  shippedAt: null,
  deliveredAt: null,
  deliveryProof: null,
  lines: [],
  history: [],
});

function order(over: Partial<OrderDetail> = {}): OrderDetail {
  return {
    id: 'o1',
    orderNo: 'BF1',
    status: 'PLACED',
    buyerKind: 'CUSTOMER',
    buyerUserId: BUYER,
    buyerOrgId: null,
    channelId: 'c',
    paymentMode: 'PREPAY',
    totalAmount: 200,
    paidAmount: 0,
    refundedAmount: 0,
    paymentDueAt: '2026-01-01T00:30:00Z',
    wholeOrderVisible: true,
    createdAt: '2026-01-01T00:00:00Z',
    supplierOrders: [so('s1', COOP), so('s2', FUNGI)],
    paymentDeadlineExtended: false,
    invoiceNo: null,
    paidAt: null,
    deliveredAt: null,
    acceptedAt: null,
    settledAt: null,
    cancelledAt: null,
    history: [],
    documents: [],
    payments: [],
    ...over,
  };
}

const member = (role: Role, organizationId: string | null) => ({
  role,
  regionPrefix: null as string | null,
  organization: organizationId
    ? { id: organizationId, name: organizationId, kind: 'AGENCY' as const, region: null }
    : null,
});
const me = (id: string, ...memberships: ReturnType<typeof member>[]): Me => ({
  id,
  displayName: id,
  email: null,
  roles: [...new Set(memberships.map((m) => m.role))],
  memberships,
});

const customer = viewerOf(me(BUYER, member('CUSTOMER', null)));
const stranger = viewerOf(me('u-other', member('CUSTOMER', null)));
const supplier = viewerOf(me('u-sup', member('SUPPLIER_ADMIN', COOP)));
const admin = viewerOf(me('u-admin', member('PLATFORM_ADMIN', null)));
const purchaser = viewerOf(me('u-purch', member('PURCHASER', AGENCY)));

describe('orderActions', () => {
  it('a retail buyer pays and may cancel an unpaid, unshipped order', () => {
    const a = orderActions(order(), customer);
    expect(a).toMatchObject({
      pay: true,
      cancel: true,
      bankTransfer: false,
      payOnDelivery: false,
      accept: false,
      ship: [],
      confirmDelivery: [],
    });
    expect(orderActions(order(), stranger)).toMatchObject({ pay: false, cancel: false });
  });

  it('nothing to pay or cancel once paid; the supplier ships its own part only', () => {
    const paid = order({ status: 'PAID', paidAmount: 200 });
    expect(orderActions(paid, customer)).toMatchObject({ pay: false, cancel: false });
    expect(
      orderActions({ ...paid, wholeOrderVisible: false, supplierOrders: [so('s1', COOP)] }, supplier).ship,
    ).toEqual(['s1']);
    expect(orderActions(order(), supplier).ship).toEqual([]);
  });

  it('no cancel after a shipment; the buyer confirms delivery of shipped parts', () => {
    const fulfilling = order({
      status: 'FULFILLING',
      paidAmount: 200,
      supplierOrders: [so('s1', COOP, 'SHIPPED'), so('s2', FUNGI)],
    });
    const a = orderActions(fulfilling, customer);
    expect(a.cancel).toBe(false);
    expect(a.confirmDelivery).toEqual(['s1']);
    expect(
      orderActions({ ...fulfilling, status: 'CONFIRMED', paidAmount: 0, paymentMode: 'PAY_ON_DELIVERY' }, customer)
        .cancel,
    ).toBe(false);
  });

  it('agency orders: bank transfer, pay on delivery, one extension, acceptance', () => {
    const agencyOrder = order({ buyerKind: 'AGENCY', buyerOrgId: AGENCY, buyerUserId: 'u-someone-else' });
    expect(orderActions(agencyOrder, purchaser)).toMatchObject({
      pay: true,
      bankTransfer: true,
      payOnDelivery: true,
      extendDeadline: true,
      uploadDocuments: true,
    });
    expect(orderActions({ ...agencyOrder, paymentDeadlineExtended: true }, purchaser).extendDeadline).toBe(false);
    const pending: PaymentData = {
      id: 'p',
      provider: 'BANK_TRANSFER',
      method: 'BANK_TRANSFER',
      status: 'AWAITING_CONFIRMATION',
      amount: 200,
      reference: 'R',
      paidAt: null,
      confirmedAt: null,
      rejectedReason: null,
      createdAt: '',
    };
    expect(orderActions({ ...agencyOrder, payments: [pending] }, purchaser).bankTransfer).toBe(false);
    const delivered = {
      ...agencyOrder,
      status: 'DELIVERED' as const,
      paidAmount: 200,
      deliveredAt: '2026-01-02T00:00:00Z',
    };
    expect(orderActions(delivered, purchaser).accept).toBe(true);
    expect(
      orderActions({ ...delivered, acceptedAt: '2026-01-03T00:00:00Z', status: 'ACCEPTED' }, purchaser).accept,
    ).toBe(false);
    // A customer's order has none of these.
    expect(orderActions(order(), customer)).toMatchObject({
      bankTransfer: false,
      payOnDelivery: false,
      extendDeadline: false,
      uploadDocuments: false,
    });
  });

  it('platform admins settle paid, delivered (and for agencies accepted) orders once', () => {
    const delivered = order({ status: 'DELIVERED', paidAmount: 200, deliveredAt: '2026-01-02T00:00:00Z' });
    expect(orderActions(delivered, admin).settle).toBe(true);
    expect(orderActions(delivered, customer).settle).toBe(false);
    expect(orderActions({ ...delivered, buyerKind: 'AGENCY' }, admin).settle).toBe(false);
    expect(orderActions({ ...delivered, settledAt: '2026-01-05T00:00:00Z' }, admin).settle).toBe(false);
    expect(orderActions({ ...delivered, paidAmount: 100 }, admin).settle).toBe(false);
  });

  it('mirrors the server on what is payable', () => {
    expect(isPayable({ status: 'PLACED', paymentMode: 'PREPAY', paidAmount: 0 })).toBe(true);
    expect(isPayable({ status: 'PLACED', paymentMode: 'PREPAY', paidAmount: 5 })).toBe(false);
    expect(isPayable({ status: 'CANCELLED', paymentMode: 'PREPAY', paidAmount: 0 })).toBe(false);
    expect(isPayable({ status: 'DELIVERED', paymentMode: 'PAY_ON_DELIVERY', paidAmount: 0 })).toBe(true);
    expect(isPayable({ status: 'PAID', paymentMode: 'PREPAY', paidAmount: 0 })).toBe(false);
  });
});

describe('supplierQueue', () => {
  it("lists the supplier's own parts with what can be done next", () => {
    const orders: OrderSummary[] = [
      order({ id: 'a', status: 'PLACED' }),
      order({ id: 'b', status: 'PAID', paidAmount: 200 }),
      order({
        id: 'c',
        status: 'FULFILLING',
        paidAmount: 200,
        supplierOrders: [so('c1', COOP, 'SHIPPED'), so('c2', FUNGI)],
      }),
      order({ id: 'd', status: 'CANCELLED', supplierOrders: [so('d1', COOP, 'CANCELLED')] }),
    ];
    expect(supplierQueue(orders, COOP).map((e) => [e.order.id, e.state])).toEqual([
      ['a', 'awaitingPayment'],
      ['b', 'toShip'],
      ['c', 'shipped'],
      ['d', 'closed'],
    ]);
    expect(supplierQueue(orders, FUNGI).map((e) => [e.order.id, e.state])).toEqual([
      ['a', 'awaitingPayment'],
      ['b', 'toShip'],
      ['c', 'toShip'],
    ]);
  });
});

describe('forms and labels', () => {
  it('checks shipments like the server, plus a plausible tracking number', () => {
    expect(checkShipment('顺丰速运', 'SF1234567890')).toEqual({});
    expect(checkShipment(' ', '')).toEqual({ carrier: 'carrierRequired', trackingNo: 'trackingRequired' });
    expect(checkShipment('x'.repeat(101), 'SF 12')).toEqual({ carrier: 'tooLong', trackingNo: 'trackingFormat' });
  });

  it('checks documents before uploading', () => {
    expect(checkDocumentFile({ type: 'application/pdf', size: 10 })).toBeNull();
    expect(checkDocumentFile({ type: 'text/plain', size: 10 })).toBe('type');
    expect(checkDocumentFile({ type: 'image/png', size: 0 })).toBe('empty');
    expect(checkDocumentFile({ type: 'image/jpeg', size: 11 * 1024 * 1024 })).toBe('size');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
  });

  it('translates the reasons the server writes and keeps people’s own words', () => {
    expect(reasonKey('order placed')).toBe('historyReason.placed');
    expect(reasonKey('first supplier order shipped')).toBe('historyReason.firstShipped');
    expect(reasonKey('买错了')).toBeNull();
    expect(reasonKey(null)).toBeNull();
  });
});

describe('orderCrumb', () => {
  it('leads each viewer back to their own order list; oversight roles get a plain label, not "my orders"', () => {
    expect(orderCrumb(order(), customer)).toEqual({ to: '/orders', label: 'orders.title' });
    expect(orderCrumb({ ...order(), wholeOrderVisible: false }, supplier)).toEqual({
      to: '/portal/supplier/orders',
      label: 'portal.tab.orders',
    });
    expect(orderCrumb(order(), admin)).toEqual({ to: '/portal/admin/orders', label: 'admin.nav.orders' });
    const auditor = viewerOf(me('u-aud', { ...member('AUDITOR', 'office'), regionPrefix: '5206' }));
    expect(orderCrumb(order(), auditor)).toEqual({ to: null, label: 'order.crumb' });
  });
});
