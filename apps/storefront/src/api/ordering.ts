// Ordering and payment: checkout, orders, shipping, payments (see DESIGN.md's order lifecycle).
import { batch } from '../lib/batch-query';
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';
import type {
  CartProductFragment,
  OrderDetailFieldsFragment,
  OrderStatus,
  OrderSummaryFieldsFragment,
  ShippedLotFragment,
  SupplierOrderFieldsFragment,
} from './generated/graphql';

export type SupplierOrderData = SupplierOrderFieldsFragment;
export type OrderLineData = SupplierOrderData['lines'][number];
export type Allocation = OrderLineData['allocations'][number];
export type OrderSummary = OrderSummaryFieldsFragment;
export type OrderDetail = OrderDetailFieldsFragment;
/** A status change of an order or of one supplier's part of it. */
export type StatusMove = SupplierOrderData['history'][number] | OrderDetail['history'][number];
export type OrderDocumentData = OrderDetail['documents'][number];
export type PaymentData = OrderDetail['payments'][number];
export type PaymentSetup = PaymentSetupData['paymentSetup'];
export type PaymentOptions = PaymentOptionsData['paymentOptions'];
export type PayOrderResult = PayOrderData['payOrder'];
export type PendingTransfer = PaymentsAwaitingData['paymentsAwaitingConfirmation'][number];
export type LotRef = ShippedLotFragment;
export type CheckoutChannel = CheckoutChannelsData['channels'][number];
export type CartProduct = CartProductFragment;

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
] as const satisfies readonly OrderStatus[];

export const SUPPLIER_ORDER = graphql(`
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
`);

export const ORDER_SUMMARY = graphql(`
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
`);

export const ORDER_DETAIL = graphql(`
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
      ...PaymentFields
    }
  }
`);

/** A payment as the order page lists it; recording a bank transfer answers with the same fields. */
export const PAYMENT_FIELDS = graphql(`
  fragment PaymentFields on Payment {
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
`);

// Why a cart's line cannot be ordered, in an order and in a purchase request alike (procurement.ts).
export const INSUFFICIENT_STOCK = graphql(`
  fragment InsufficientStock on InsufficientStockError {
    code
    message
    variantId
    requested
    available
  }
`);
export const PRODUCT_UNAVAILABLE = graphql(`
  fragment ProductUnavailable on ProductUnavailableError {
    code
    message
    variantId
    reason
  }
`);
export const CERTIFICATION_INVALID = graphql(`
  fragment CertificationInvalid on CertificationInvalidError {
    code
    message
    variantId
    productId
    certificationStatus
  }
`);
export const INVALID_ORDER_INPUT = graphql(`
  fragment InvalidOrderInput on InvalidOrderInputError {
    code
    message
    field
  }
`);

export const PLACE_ORDER = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on Order {
        id
        orderNo
      }
      ...InsufficientStock
      ...ProductUnavailable
      ...CertificationInvalid
      ...InvalidOrderInput
      ... on PurchaseRequestRequiredError {
        code
        message
      }
    }
  }
`);
export type PlaceOrderData = ResultOf<typeof PLACE_ORDER>;

export const ORDERS = graphql(`
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
`);
export type OrdersData = ResultOf<typeof ORDERS>;

export const ORDER = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      ...OrderDetailFields
    }
  }
`);
export type OrderData = ResultOf<typeof ORDER>;

export const CANCEL_ORDER = graphql(`
  mutation CancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {
      ...OrderDetailFields
    }
  }
`);

export const CONFIRM_ORDER = graphql(`
  mutation ConfirmOrder($orderId: ID!) {
    confirmOrder(orderId: $orderId) {
      ...OrderDetailFields
    }
  }
`);

export const EXTEND_PAYMENT_DEADLINE = graphql(`
  mutation ExtendPaymentDeadline($orderId: ID!) {
    extendPaymentDeadline(orderId: $orderId) {
      ...OrderDetailFields
    }
  }
`);

export const ACCEPT_ORDER = graphql(`
  mutation AcceptOrder($orderId: ID!, $input: AcceptOrderInput!) {
    acceptOrder(orderId: $orderId, input: $input) {
      ...OrderDetailFields
    }
  }
`);

export const SETTLE_ORDER = graphql(`
  mutation SettleOrder($orderId: ID!) {
    settleOrder(orderId: $orderId) {
      ...OrderDetailFields
    }
  }
`);

export const SHIP_SUPPLIER_ORDER = graphql(`
  mutation ShipSupplierOrder($supplierOrderId: ID!, $carrier: String!, $trackingNo: String!) {
    shipSupplierOrder(supplierOrderId: $supplierOrderId, carrier: $carrier, trackingNo: $trackingNo) {
      ...SupplierOrderFields
    }
  }
`);
export type ShipData = ResultOf<typeof SHIP_SUPPLIER_ORDER>;

export const CONFIRM_DELIVERY = graphql(`
  mutation ConfirmDelivery($supplierOrderId: ID!, $proof: String) {
    confirmDelivery(supplierOrderId: $supplierOrderId, proof: $proof) {
      ...SupplierOrderFields
    }
  }
`);
export type ConfirmDeliveryData = ResultOf<typeof CONFIRM_DELIVERY>;

// --- Payments ---------------------------------------------------------------------------------

export const PAYMENT_SETUP = graphql(`
  query PaymentSetup {
    paymentSetup {
      stripeEnabled
      publishableKey
      methods
    }
  }
`);
export type PaymentSetupData = ResultOf<typeof PAYMENT_SETUP>;

/** What the server will accept for this order from this caller (libs/payment paymentOptions). */
export const PAYMENT_OPTIONS = graphql(`
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
`);
export type PaymentOptionsData = ResultOf<typeof PAYMENT_OPTIONS>;

export const PAY_ORDER = graphql(`
  mutation PayOrder($orderId: ID!, $method: PaymentMethod!) {
    payOrder(orderId: $orderId, method: $method) {
      paymentId
      clientSecret
      amount
      method
      publishableKey
    }
  }
`);
export type PayOrderData = ResultOf<typeof PAY_ORDER>;

export const RECORD_BANK_TRANSFER = graphql(`
  mutation RecordBankTransfer($input: RecordBankTransferInput!) {
    recordBankTransfer(input: $input) {
      ...PaymentFields
    }
  }
`);

export const PAYMENTS_AWAITING_CONFIRMATION = graphql(`
  query PaymentsAwaitingConfirmation {
    paymentsAwaitingConfirmation {
      orderId
      ...PaymentFields
    }
  }
`);
export type PaymentsAwaitingData = ResultOf<typeof PAYMENTS_AWAITING_CONFIRMATION>;

export const CONFIRM_BANK_TRANSFER = graphql(`
  mutation ConfirmBankTransfer($paymentId: ID!) {
    confirmBankTransfer(paymentId: $paymentId) {
      id
      status
    }
  }
`);

export const REJECT_BANK_TRANSFER = graphql(`
  mutation RejectBankTransfer($paymentId: ID!, $reason: String!) {
    rejectBankTransfer(paymentId: $paymentId, reason: $reason) {
      id
      status
    }
  }
`);

// --- Names for ids the order carries ------------------------------------------------------------

export const SUPPLIER_NAME = graphql(`
  fragment SupplierName on Supplier {
    id
    name
  }
`);
/** An order's supplier names, read in one request. */
export const SUPPLIER_NAMES = batch('SupplierNames', 'supplier', SUPPLIER_NAME);

export const SHIPPED_LOT = graphql(`
  fragment ShippedLot on Lot {
    id
    lotNo
    harvestedOn
  }
`);
/** Lot numbers of a supplier order's shipped variants (one list per variant), read in one request. */
export const SHIPPED_LOTS = batch('ShippedLots', 'lots', SHIPPED_LOT, 'variantId');

export const CHECKOUT_CHANNELS = graphql(`
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
`);
export type CheckoutChannelsData = ResultOf<typeof CHECKOUT_CHANNELS>;

/** The online hall (线上专馆) sells every published product: the default channel of a web checkout. */
export function defaultChannel(channels: readonly CheckoutChannel[]): CheckoutChannel | null {
  const active = channels.filter((c) => c.status === 'ACTIVE');
  return active.find((c) => c.kind === 'HALL' && c.online) ?? active[0] ?? null;
}

/** The cart's products, read in one request (lib/use-priced-cart). */
export const CART_PRODUCT = graphql(`
  fragment CartProduct on Product {
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
`);
export const CART_PRODUCTS = batch('CartProducts', 'product', CART_PRODUCT);
