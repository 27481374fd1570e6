import { AppError, defineErrorCodes, ErrorCode } from '@bangfu/core';

/** The codes ordering answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const OrderingErrorCode = defineErrorCodes('ordering', {
  AGENCY_ORDERS_ONLY: 'AGENCY_ORDERS_ONLY',
  AMOUNT_TOO_LARGE: 'AMOUNT_TOO_LARGE',
  CHANNEL_DISABLED: 'CHANNEL_DISABLED',
  DELIVERY_ADDRESS_REQUIRED: 'DELIVERY_ADDRESS_REQUIRED',
  DELIVERY_PROOF_REQUIRED: 'DELIVERY_PROOF_REQUIRED',
  DOCUMENTS_REQUIRED: 'DOCUMENTS_REQUIRED',
  DOCUMENT_NOT_FOUND: 'DOCUMENT_NOT_FOUND',
  DUPLICATE_LINE: 'DUPLICATE_LINE',
  INVALID_IDEMPOTENCY_KEY: 'INVALID_IDEMPOTENCY_KEY',
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  NOTHING_SHIPPED: 'NOTHING_SHIPPED',
  NOT_A_COUNTER_ORDER: 'NOT_A_COUNTER_ORDER',
  NOT_ALL_DELIVERED: 'NOT_ALL_DELIVERED',
  NOT_FULLY_REFUNDED: 'NOT_FULLY_REFUNDED',
  NOT_PARTIALLY_REFUNDED: 'NOT_PARTIALLY_REFUNDED',
  NO_LINES: 'NO_LINES',
  NO_PAYMENT_DEADLINE: 'NO_PAYMENT_DEADLINE',
  ORDER_ALREADY_ACCEPTED: 'ORDER_ALREADY_ACCEPTED',
  ORDER_ALREADY_PAID: 'ORDER_ALREADY_PAID',
  ORDER_ALREADY_SETTLED: 'ORDER_ALREADY_SETTLED',
  ORDER_ALREADY_SHIPPED: 'ORDER_ALREADY_SHIPPED',
  ORDER_NOT_ACCEPTED: 'ORDER_NOT_ACCEPTED',
  ORDER_NOT_APPROVED: 'ORDER_NOT_APPROVED',
  ORDER_NOT_DELIVERED: 'ORDER_NOT_DELIVERED',
  ORDER_NOT_PAID: 'ORDER_NOT_PAID',
  ORDER_NOT_SHIPPABLE: 'ORDER_NOT_SHIPPABLE',
  ORDER_PAID: 'ORDER_PAID',
  PAYMENT_DEADLINE_ALREADY_EXTENDED: 'PAYMENT_DEADLINE_ALREADY_EXTENDED',
  PAYMENT_DEADLINE_PASSED: 'PAYMENT_DEADLINE_PASSED',
  PURCHASE_REQUEST_REQUIRED: 'PURCHASE_REQUEST_REQUIRED',
  QUANTITY_TOO_LARGE: 'QUANTITY_TOO_LARGE',
  REFUND_ID_REUSED: 'REFUND_ID_REUSED',
  STAFF_ORDER_IS_RETAIL: 'STAFF_ORDER_IS_RETAIL',
  STAFF_UNIT_REQUIRED: 'STAFF_UNIT_REQUIRED',
  TOO_MANY_DOCUMENTS: 'TOO_MANY_DOCUMENTS',
  TOO_MANY_LINES: 'TOO_MANY_LINES',
  UNKNOWN_ADDRESS: 'UNKNOWN_ADDRESS',
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
});

/**
 * REFUND_EXCEEDS_PAID for an order-level refund above what can still be refunded: recording a refund here and
 * starting one in payment refuse it with the same message and details. `pending`: refunds already started.
 */
export function refundExceedsPaid(
  order: { paidAmount: number; refundedAmount: number },
  refundable: number,
  requested: number,
  pending?: number,
): AppError {
  return new AppError(
    ErrorCode.REFUND_EXCEEDS_PAID,
    `Only ${refundable} fen of the ${order.paidAmount} fen paid can still be refunded`,
    {
      field: 'amount',
      paid: order.paidAmount,
      refunded: order.refundedAmount,
      ...(pending === undefined ? {} : { pending }),
      requested,
    },
  );
}
