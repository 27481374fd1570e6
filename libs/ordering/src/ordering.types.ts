import { OrderingErrorCode } from './ordering.errors';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ALL_ERROR_CODES, ErrorCode, Paginated, resultUnion } from '@bangfu/core';
import { LineCertificationStatus, Order, OrderStatus } from './ordering.entities';

@InputType({
  description: 'One line of a checkout. There is deliberately no price field: prices come from the catalogue',
})
export class OrderLineInput {
  @Field(() => ID) variantId: string;
  @Field(() => Int, { description: 'A whole number of units, 1 to 10,000' }) quantity: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => String, {
    description:
      'Chosen by the client per checkout (e.g. a UUID); retries with the same key and payload return the same order',
  })
  idempotencyKey: string;
  @Field(() => ID) channelId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The agency (budget unit) buying at agency prices; omitted for retail',
  })
  buyerOrgId?: string | null;
  @Field(() => [OrderLineInput], { description: '1 to 50 lines, one per variant' }) lines: OrderLineInput[];
  @Field(() => ID, {
    nullable: true,
    description:
      'Retail only: agency staff buying with their own money name the unit they work for (reported in its staff figures); defaults to your only agency',
  })
  staffOfOrgId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Retail: one of your addresses (myAddresses), copied onto the order as its delivery address. Required for channels that ship when ORDER_DELIVERY_ADDRESS_REQUIRED is on',
  })
  addressId?: string | null;
}

@ObjectType({ description: 'Fewer units are available than the line asks for; nothing was reserved' })
export class InsufficientStockError {
  @Field(() => ALL_ERROR_CODES) code = ErrorCode.INSUFFICIENT_STOCK;
  @Field(() => String) message: string;
  @Field(() => ID) variantId: string;
  @Field(() => Int) requested: number;
  @Field(() => Int) available: number;
}

export enum UnavailableReason {
  UNKNOWN_VARIANT = 'UNKNOWN_VARIANT',
  VARIANT_INACTIVE = 'VARIANT_INACTIVE',
  PRODUCT_NOT_PUBLISHED = 'PRODUCT_NOT_PUBLISHED',
  SUPPLIER_NOT_APPROVED = 'SUPPLIER_NOT_APPROVED',
  NOT_IN_CHANNEL = 'NOT_IN_CHANNEL',
}
registerEnumType(UnavailableReason, { name: 'ProductUnavailableReason' });

@ObjectType({ description: 'The variant cannot be bought in this channel' })
export class ProductUnavailableError {
  @Field(() => ALL_ERROR_CODES) code = ErrorCode.PRODUCT_UNAVAILABLE;
  @Field(() => String) message: string;
  @Field(() => ID) variantId: string;
  @Field(() => UnavailableReason) reason: UnavailableReason;
}

@ObjectType({
  description:
    'The channel sells certified assistance products only, and this product holds no certificate valid today',
})
export class CertificationInvalidError {
  @Field(() => ALL_ERROR_CODES) code = ErrorCode.CERTIFICATION_INVALID;
  @Field(() => String) message: string;
  @Field(() => ID) variantId: string;
  @Field(() => ID) productId: string;
  @Field(() => LineCertificationStatus) certificationStatus: LineCertificationStatus;
}

@ObjectType({
  description: 'The checkout itself is malformed (quantities, lines, channel); `field` points at the culprit',
})
export class InvalidOrderInputError {
  @Field(() => ALL_ERROR_CODES, {
    description:
      'INVALID_QUANTITY, QUANTITY_TOO_LARGE, DUPLICATE_LINE, TOO_MANY_LINES, NO_LINES, UNKNOWN_CHANNEL, CHANNEL_DISABLED, INVALID_IDEMPOTENCY_KEY, AMOUNT_TOO_LARGE, UNKNOWN_ADDRESS, STAFF_UNIT_REQUIRED, STAFF_ORDER_IS_RETAIL, DELIVERY_ADDRESS_REQUIRED',
  })
  code: string;
  @Field(() => String) message: string;
  @Field(() => String, { nullable: true }) field: string | null;
}

@ObjectType({
  description:
    'An order the agency pays must pass the unit’s procurement policy (spending limit, approval, split-basket checks), and none is in force here: submit the basket with submitPurchaseRequest',
})
export class PurchaseRequestRequiredError {
  @Field(() => ALL_ERROR_CODES) code = OrderingErrorCode.PURCHASE_REQUEST_REQUIRED;
  @Field(() => String) message: string;
}

export const PlaceOrderResult = resultUnion('PlaceOrderResult', [
  Order,
  InsufficientStockError,
  ProductUnavailableError,
  CertificationInvalidError,
  InvalidOrderInputError,
  PurchaseRequestRequiredError,
]);
/** What creating an order can answer (the checkout's own refusals). */
export type PlaceOrderOutcome =
  Order | InsufficientStockError | ProductUnavailableError | CertificationInvalidError | InvalidOrderInputError;
/** What the public checkout (`placeOrder`) can answer: also that an agency basket needs the procurement policy. */
export type CheckoutOutcome = PlaceOrderOutcome | PurchaseRequestRequiredError;

/** The supplier's shipping queue tabs; SupplierOrderTabs.where says what each one holds. */
export enum SupplierOrderTab {
  TO_SHIP = 'TO_SHIP',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  ALL = 'ALL',
}
registerEnumType(SupplierOrderTab, {
  name: 'SupplierOrderTab',
  description:
    'TO_SHIP: the supplier’s part awaits shipment and the order can ship (PAID, CONFIRMED for pay on delivery, or FULFILLING); SHIPPED; DELIVERED; ALL',
});

@ObjectType({
  description: 'How many orders each shipping-queue tab holds, counted by the server (not from loaded pages)',
})
export class SupplierOrderCounts {
  @Field(() => Int) toShip: number;
  @Field(() => Int) shipped: number;
  @Field(() => Int) delivered: number;
  @Field(() => Int) all: number;
}

@InputType()
export class OrderFilter {
  @Field(() => OrderStatus, { nullable: true }) status?: OrderStatus | null;
  @Field(() => ID, { nullable: true }) buyerOrgId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The user who placed it (retail buyers have no unit)' })
  buyerUserId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Part of the order number or invoice number (platform admins: also tracking numbers)',
  })
  search?: string | null;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
  @Field(() => SupplierOrderTab, {
    nullable: true,
    description: 'A shipping-queue tab of supplierId’s part (requires supplierId)',
  })
  tab?: SupplierOrderTab | null;
  @Field(() => ID, { nullable: true }) channelId?: string | null;
  @Field(() => String, { nullable: true, description: 'Placed on or after this day (Asia/Shanghai), e.g. 2026-01-01' })
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'Placed on or before this day (Asia/Shanghai), inclusive' }) to?:
    string | null;
}

@InputType()
export class AcceptOrderInput {
  @Field(() => String, { description: '发票号码' }) invoiceNo: string;
  @Field(() => [String], {
    description: 'fileKeys returned by POST /files/orders/:orderId/documents (invoice, inspection report)',
  })
  documents: string[];
}

export const OrderConnection = Paginated(Order);
