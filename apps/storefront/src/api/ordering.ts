// Ordering and payment: checkout, orders, shipping, payments (see DESIGN.md's order lifecycle).
import type { PlaceOrderAnswer } from '../lib/checkout';
import type { ConnectionPage } from '../lib/use-connection';

export const ORDER_STATUSES = [
  'PENDING_APPROVAL',
  'PLACED',
  'PAID',
  'CONFIRMED',
  'FULFILLING',
  'DELIVERED',
  'ACCEPTED',
  'SETTLED',
  'REJECTED',
  'CANCELLED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;

export interface Allocation {
  id: string;
  lotId: string | null;
  quantity: number;
}

export interface OrderLineData {
  id: string;
  variantId: string;
  productId: string;
  productTitle: string;
  sku: string;
  spec: string;
  unit: string;
  priceKind: 'RETAIL' | 'AGENCY' | string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  refundedAmount: number;
  certified: boolean;
  certificationStatus: string;
  certificateNo: string | null;
  allocations: Allocation[];
}

export interface StatusMove {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  reason: string | null;
  createdAt: string;
}

export interface SupplierOrderData {
  id: string;
  orderId: string;
  supplierId: string;
  status: 'AWAITING_SHIPMENT' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | string;
  subtotal: number;
  carrier: string | null;
  trackingNo: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  deliveryProof: string | null;
  lines: OrderLineData[];
  history: StatusMove[];
}

export interface OrderDocumentData {
  id: string;
  orderId: string;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  fileName: string | null;
  inAcceptance: boolean;
  createdAt: string;
  url: string;
}

export interface PaymentData {
  id: string;
  provider: string;
  method: string;
  status: string;
  amount: number;
  reference: string | null;
  paidAt: string | null;
  confirmedAt: string | null;
  rejectedReason: string | null;
  createdAt: string;
}

export interface OrderSummary {
  id: string;
  orderNo: string;
  status: string;
  buyerKind: 'CUSTOMER' | 'AGENCY' | string;
  buyerUserId: string;
  buyerOrgId: string | null;
  channelId: string;
  paymentMode: 'PREPAY' | 'PAY_ON_DELIVERY' | string;
  totalAmount: number;
  paidAmount: number;
  refundedAmount: number;
  paymentDueAt: string | null;
  wholeOrderVisible: boolean;
  createdAt: string;
  supplierOrders: SupplierOrderData[];
}

export interface OrderDetail extends OrderSummary {
  paymentDeadlineExtended: boolean;
  invoiceNo: string | null;
  paidAt: string | null;
  deliveredAt: string | null;
  acceptedAt: string | null;
  settledAt: string | null;
  cancelledAt: string | null;
  history: StatusMove[];
  documents: OrderDocumentData[];
  payments: PaymentData[];
}

const SUPPLIER_ORDER = /* GraphQL */ `
  fragment SupplierOrderFields on SupplierOrder {
    id
    orderId
    supplierId
    status
    subtotal
    carrier
    trackingNo
    shippedAt
    deliveredAt
    deliveryProof
    lines {
      id
      variantId
      productId
      productTitle
      sku
      spec
      unit
      priceKind
      unitPrice
      quantity
      lineTotal
      refundedAmount
      certified
      certificationStatus
      certificateNo
      allocations {
        id
        lotId
        quantity
      }
    }
    history {
      id
      fromStatus
      toStatus
      actorKind
      reason
      createdAt
    }
  }
`;

const ORDER_SUMMARY = /* GraphQL */ `
  fragment OrderSummaryFields on Order {
    id
    orderNo
    status
    buyerKind
    buyerUserId
    buyerOrgId
    channelId
    paymentMode
    totalAmount
    paidAmount
    refundedAmount
    paymentDueAt
    wholeOrderVisible
    createdAt
    supplierOrders {
      ...SupplierOrderFields
    }
  }
  ${SUPPLIER_ORDER}
`;

const ORDER_DETAIL = /* GraphQL */ `
  fragment OrderDetailFields on Order {
    ...OrderSummaryFields
    paymentDeadlineExtended
    invoiceNo
    paidAt
    deliveredAt
    acceptedAt
    settledAt
    cancelledAt
    history {
      id
      fromStatus
      toStatus
      actorKind
      reason
      createdAt
    }
    documents {
      id
      orderId
      storageKey
      contentType
      sizeBytes
      fileName
      inAcceptance
      createdAt
      url
    }
    payments {
      id
      provider
      method
      status
      amount
      reference
      paidAt
      confirmedAt
      rejectedReason
      createdAt
    }
  }
  ${ORDER_SUMMARY}
`;

export const PLACE_ORDER = /* GraphQL */ `
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on Order {
        id
        orderNo
      }
      ... on InsufficientStockError {
        code
        message
        variantId
        requested
        available
      }
      ... on ProductUnavailableError {
        code
        message
        variantId
        reason
      }
      ... on CertificationInvalidError {
        code
        message
        variantId
        productId
        certificationStatus
      }
      ... on InvalidOrderInputError {
        code
        message
        field
      }
    }
  }
`;
export type PlaceOrderData = { placeOrder: PlaceOrderAnswer };

export const ORDERS = /* GraphQL */ `
  query Orders($filter: OrderFilter, $first: Int, $after: String) {
    orders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OrderSummaryFields
        }
      }
    }
  }
  ${ORDER_SUMMARY}
`;
export type OrdersData = { orders: ConnectionPage<OrderSummary> };

export const ORDER = /* GraphQL */ `
  query Order($id: ID!) {
    order(id: $id) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL}
`;
export type OrderData = { order: OrderDetail };

export const CANCEL_ORDER = /* GraphQL */ `
  mutation CancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL}
`;

export const CONFIRM_ORDER = /* GraphQL */ `
  mutation ConfirmOrder($orderId: ID!) {
    confirmOrder(orderId: $orderId) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL}
`;

export const EXTEND_PAYMENT_DEADLINE = /* GraphQL */ `
  mutation ExtendPaymentDeadline($orderId: ID!) {
    extendPaymentDeadline(orderId: $orderId) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL}
`;

export const ACCEPT_ORDER = /* GraphQL */ `
  mutation AcceptOrder($orderId: ID!, $input: AcceptOrderInput!) {
    acceptOrder(orderId: $orderId, input: $input) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL}
`;

export const SETTLE_ORDER = /* GraphQL */ `
  mutation SettleOrder($orderId: ID!) {
    settleOrder(orderId: $orderId) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL}
`;

export const SHIP_SUPPLIER_ORDER = /* GraphQL */ `
  mutation ShipSupplierOrder($supplierOrderId: ID!, $carrier: String!, $trackingNo: String!) {
    shipSupplierOrder(supplierOrderId: $supplierOrderId, carrier: $carrier, trackingNo: $trackingNo) {
      ...SupplierOrderFields
    }
  }
  ${SUPPLIER_ORDER}
`;
export type ShipData = { shipSupplierOrder: SupplierOrderData };

export const CONFIRM_DELIVERY = /* GraphQL */ `
  mutation ConfirmDelivery($supplierOrderId: ID!, $proof: String) {
    confirmDelivery(supplierOrderId: $supplierOrderId, proof: $proof) {
      ...SupplierOrderFields
    }
  }
  ${SUPPLIER_ORDER}
`;
export type ConfirmDeliveryData = { confirmDelivery: SupplierOrderData };

// --- Payments ---------------------------------------------------------------------------------

export interface PaymentSetup {
  stripeEnabled: boolean;
  publishableKey: string | null;
  methods: string[];
}

export const PAYMENT_SETUP = /* GraphQL */ `
  query PaymentSetup {
    paymentSetup {
      stripeEnabled
      publishableKey
      methods
    }
  }
`;
export type PaymentSetupData = { paymentSetup: PaymentSetup };

export interface PaymentOptions {
  orderId: string;
  payable: boolean;
  online: string[];
  publishableKey: string | null;
  bankTransfer: {
    amount: number;
    reference: string;
    payeeName: string | null;
    bankName: string | null;
    accountNo: string | null;
  } | null;
  transferPending: boolean;
  payOnDelivery: boolean;
}

/** What the server will accept for this order from this caller (libs/payment paymentOptions). */
export const PAYMENT_OPTIONS = /* GraphQL */ `
  query PaymentOptions($orderId: ID!) {
    paymentOptions(orderId: $orderId) {
      orderId
      payable
      online
      publishableKey
      transferPending
      payOnDelivery
      bankTransfer {
        amount
        reference
        payeeName
        bankName
        accountNo
      }
    }
  }
`;
export type PaymentOptionsData = { paymentOptions: PaymentOptions };

export interface PayOrderResult {
  paymentId: string;
  clientSecret: string;
  amount: number;
  method: string;
  publishableKey: string | null;
}

export const PAY_ORDER = /* GraphQL */ `
  mutation PayOrder($orderId: ID!, $method: PaymentMethod!) {
    payOrder(orderId: $orderId, method: $method) {
      paymentId
      clientSecret
      amount
      method
      publishableKey
    }
  }
`;
export type PayOrderData = { payOrder: PayOrderResult };

export const RECORD_BANK_TRANSFER = /* GraphQL */ `
  mutation RecordBankTransfer($input: RecordBankTransferInput!) {
    recordBankTransfer(input: $input) {
      id
      provider
      method
      status
      amount
      reference
      paidAt
      confirmedAt
      rejectedReason
      createdAt
    }
  }
`;
export interface PendingTransfer extends PaymentData {
  orderId: string;
}

export const PAYMENTS_AWAITING_CONFIRMATION = /* GraphQL */ `
  query PaymentsAwaitingConfirmation {
    paymentsAwaitingConfirmation {
      id
      orderId
      provider
      method
      status
      amount
      reference
      paidAt
      confirmedAt
      rejectedReason
      createdAt
    }
  }
`;
export type PaymentsAwaitingData = { paymentsAwaitingConfirmation: PendingTransfer[] };

export const CONFIRM_BANK_TRANSFER = /* GraphQL */ `
  mutation ConfirmBankTransfer($paymentId: ID!) {
    confirmBankTransfer(paymentId: $paymentId) {
      id
      status
    }
  }
`;

export const REJECT_BANK_TRANSFER = /* GraphQL */ `
  mutation RejectBankTransfer($paymentId: ID!, $reason: String!) {
    rejectBankTransfer(paymentId: $paymentId, reason: $reason) {
      id
      status
    }
  }
`;

// --- Names for ids the order carries ------------------------------------------------------------

export const SUPPLIER_NAME_SELECTION = '{ id name }';

export interface LotRef {
  id: string;
  lotNo: string;
  harvestedOn: string;
}

export interface CheckoutChannel {
  id: string;
  kind: string;
  name: string;
  online: boolean;
  assistanceOnly: boolean;
  status: string;
}

export const CHECKOUT_CHANNELS = /* GraphQL */ `
  query CheckoutChannels {
    channels {
      id
      kind
      name
      online
      assistanceOnly
      status
    }
  }
`;
export type CheckoutChannelsData = { channels: CheckoutChannel[] };

/** The online hall (线上专馆) sells every published product: the default channel of a web checkout. */
export function defaultChannel(channels: readonly CheckoutChannel[]): CheckoutChannel | null {
  const active = channels.filter((c) => c.status === 'ACTIVE');
  return active.find((c) => c.kind === 'HALL' && c.online) ?? active[0] ?? null;
}

export const CART_PRODUCT_SELECTION = /* GraphQL */ `
  {
    id
    title
    supplier {
      id
      name
    }
    certification {
      status
    }
    variants {
      id
      spec
      unit
      retailPrice
      agencyPrice
      stockAvailable
      active
    }
  }
`;
