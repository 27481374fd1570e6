import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AddressSnapshot } from '@bangfu/identity';
import { fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrderStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  PLACED = 'PLACED',
  PAID = 'PAID',
  CONFIRMED = 'CONFIRMED',
  FULFILLING = 'FULFILLING',
  DELIVERED = 'DELIVERED',
  ACCEPTED = 'ACCEPTED',
  SETTLED = 'SETTLED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
}

export enum SupplierOrderStatus {
  AWAITING_SHIPMENT = 'AWAITING_SHIPMENT',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

export enum BuyerKind {
  CUSTOMER = 'CUSTOMER',
  AGENCY = 'AGENCY',
}

export enum PaymentMode {
  PREPAY = 'PREPAY',
  PAY_ON_DELIVERY = 'PAY_ON_DELIVERY',
}

export enum PriceKind {
  RETAIL = 'RETAIL',
  AGENCY = 'AGENCY',
}

/** Who moved an order: the table of transitions says which kinds may make each move. */
export enum ActorKind {
  BUYER = 'BUYER',
  APPROVER = 'APPROVER',
  SUPPLIER = 'SUPPLIER',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  /** Payments, jobs, other domains acting on facts (a payment arrived, a deadline passed). */
  SYSTEM = 'SYSTEM',
  /** A smart counter (专柜) reporting a sale: the goods were handed over at the counter. */
  COUNTER = 'COUNTER',
}

/** The certification status snapshotted on a line: the effective status on the order day. */
export enum LineCertificationStatus {
  CERTIFIED = 'CERTIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  REJECTED = 'REJECTED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  NONE = 'NONE',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description:
    'PENDING_APPROVAL → PLACED → PAID | CONFIRMED → FULFILLING → DELIVERED → ACCEPTED → SETTLED; REJECTED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED',
});
registerEnumType(SupplierOrderStatus, {
  name: 'SupplierOrderStatus',
  description: 'AWAITING_SHIPMENT → SHIPPED → DELIVERED; CANCELLED when the order is cancelled before it ships',
});
registerEnumType(BuyerKind, { name: 'BuyerKind' });
registerEnumType(PaymentMode, {
  name: 'PaymentMode',
  description: 'PREPAY (pay before shipment) or PAY_ON_DELIVERY (agencies only, 货到付款)',
});
registerEnumType(PriceKind, { name: 'PriceKind' });
registerEnumType(ActorKind, { name: 'OrderActorKind' });
registerEnumType(LineCertificationStatus, {
  name: 'LineCertificationStatus',
  description: 'Certification on the order day; NONE when the product had no certification',
});

const money = (name: string) => ({ name, type: 'bigint' as const, transformer: fenTransformer });

@ObjectType({ description: 'One checkout: one buyer, one channel, one supplier order per supplier' })
@Entity('orders')
export class Order {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => String, { description: 'Human-readable number, e.g. BF2026010100000042' })
  @Column({ name: 'order_no', type: 'text', insert: false, update: false })
  orderNo: string;
  @Field(() => BuyerKind) @Column({ name: 'buyer_kind', type: 'text' }) buyerKind: BuyerKind;
  @Field(() => ID) @Column({ name: 'buyer_user_id', type: 'uuid' }) buyerUserId: string;
  @Field(() => ID, { nullable: true, description: 'The agency (budget unit); null for retail' })
  @Column({ name: 'buyer_org_id', type: 'uuid', nullable: true })
  buyerOrgId: string | null;
  @Field(() => ID) @Column({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @Field(() => OrderStatus) @Column('text') status: OrderStatus;
  @Field(() => PaymentMode)
  @Column({ name: 'payment_mode', type: 'text', default: PaymentMode.PREPAY })
  paymentMode: PaymentMode;
  @Column(money('total_amount')) totalAmount: number;
  @Field(() => MoneyScalar) @Column(money('paid_amount')) paidAmount: number;
  @Field(() => MoneyScalar) @Column(money('refunded_amount')) refundedAmount: number;
  @Column({ name: 'payment_id', type: 'text', nullable: true }) paymentId: string | null;
  @Field(() => Date, { nullable: true, description: 'Unpaid prepay orders are cancelled after this' })
  @Column({ name: 'payment_due_at', type: 'timestamptz', nullable: true })
  paymentDueAt: Date | null;
  @Field(() => Boolean)
  @Column({ name: 'payment_deadline_extended', type: 'boolean', default: false })
  paymentDeadlineExtended: boolean;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Field(() => String, { nullable: true, description: 'Invoice number recorded at acceptance (验收)' })
  @Column({ name: 'invoice_no', type: 'text', nullable: true })
  invoiceNo: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Agency orders: when the unit policy let it through (approver, or the system within the limit); only then can it be paid or confirmed',
  })
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Retail orders of agency staff with their own money: the unit they work for (reported in its staff figures, never its limits or payment)',
  })
  @Column({ name: 'staff_of_org_id', type: 'uuid', nullable: true })
  staffOfOrgId: string | null;
  /** The address chosen at checkout, copied (AddressSnapshot); exposed through a field that masks the phone. */
  @Column({ name: 'delivery_address', type: 'jsonb', nullable: true })
  deliveryAddress: AddressSnapshot | null;
  @Field(() => Date, { description: 'When the order was placed' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;

  /** Supplier ids whose part the current reader may see; null: the whole order (buyer, admin). Set by the query service. */
  visibleSupplierIds?: string[] | null;
  /** Preloaded children (query service), so list pages do not query per row. */
  loadedSupplierOrders?: SupplierOrder[];
}

@ObjectType({ description: "An order's part for one supplier; ships on its own" })
@Entity('supplier_order')
export class SupplierOrder {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => SupplierOrderStatus)
  @Column({ type: 'text', default: SupplierOrderStatus.AWAITING_SHIPMENT })
  status: SupplierOrderStatus;
  @Field(() => MoneyScalar, { description: 'Σ quantity × unit price of its lines (fen)' })
  @Column(money('subtotal'))
  subtotal: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) carrier: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'tracking_no', type: 'text', nullable: true }) trackingNo:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Proof of delivery given by the supplier (signed note, photo key)',
  })
  @Column({ name: 'delivery_proof', type: 'text', nullable: true })
  deliveryProof: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;

  loadedLines?: OrderLine[];
}

@ObjectType({
  description: 'A line with everything that mattered at order time snapshotted: price, certification, origin',
})
@Entity('order_line')
export class OrderLine {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => ID) @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => ID) @Column({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @Field(() => ID) @Column({ name: 'variant_id', type: 'uuid' }) variantId: string;
  @Field(() => ID) @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Field(() => String) @Column({ name: 'product_title', type: 'text' }) productTitle: string;
  @Field(() => String) @Column('text') sku: string;
  @Field(() => String) @Column('text') spec: string;
  @Field(() => String) @Column('text') unit: string;
  @Field(() => PriceKind) @Column({ name: 'price_kind', type: 'text' }) priceKind: PriceKind;
  @Field(() => MoneyScalar) @Column(money('unit_price')) unitPrice: number;
  @Field(() => Int) @Column('integer') quantity: number;
  @Field(() => MoneyScalar) @Column(money('line_total')) lineTotal: number;
  @Field(() => MoneyScalar) @Column(money('refunded_amount')) refundedAmount: number;
  @Field(() => Boolean, {
    description: 'Whether the product held a certificate valid on the order day (Asia/Shanghai)',
  })
  @Column('boolean')
  certified: boolean;
  @Field(() => LineCertificationStatus)
  @Column({ name: 'certification_status', type: 'text' })
  certificationStatus: LineCertificationStatus;
  @Field(() => String, { nullable: true, description: '证书编号 at order time' })
  @Column({ name: 'certificate_no', type: 'text', nullable: true })
  certificateNo: string | null;
  @Field(() => String) @Column({ name: 'origin_region_code', type: 'text' }) originRegionCode: string;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * The columns of one move in a lifecycle: the order's and the supplier order's history tables differ only in
 * the row they belong to and their status enum.
 */
function StatusMove<S extends string>(status: Record<string, S>) {
  @ObjectType({ isAbstract: true })
  abstract class Move {
    @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
    @Field(() => status, { nullable: true })
    @Column({ name: 'from_status', type: 'text', nullable: true })
    fromStatus: S | null;
    @Field(() => status) @Column({ name: 'to_status', type: 'text' }) toStatus: S;
    @Field(() => ActorKind) @Column({ name: 'actor_kind', type: 'text' }) actorKind: ActorKind;
    @Field(() => ID, { nullable: true }) @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId:
      string | null;
    @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason: string | null;
    @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
    @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  }
  return Move;
}

@ObjectType({ description: 'One move of an order (or a recorded fact such as a payment on a pay-on-delivery order)' })
@Entity('order_history')
export class OrderHistory extends StatusMove(OrderStatus) {
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
}

@ObjectType({ description: 'One move of a supplier order' })
@Entity('supplier_order_history')
export class SupplierOrderHistory extends StatusMove(SupplierOrderStatus) {
  @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId: string;
}

@ObjectType({ description: 'Shipped units of a line taken from one lot (lotId null: not covered by any lot)' })
@Entity('shipment_allocation')
export class ShipmentAllocation {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'uuid' }) orderLineId: string;
  @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId: string;
  @Column({ name: 'variant_id', type: 'uuid' }) variantId: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'lot_id', type: 'uuid', nullable: true }) lotId: string | null;
  @Field(() => Int) @Column('integer') quantity: number;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('order_refund')
export class OrderRefund {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'refund_id', type: 'text' }) refundId: string;
  @Column(money('amount')) amount: number;
  @Column({ type: 'jsonb' }) lines: Array<{ lineId: string; amount: number }>;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'An invoice or inspection document uploaded for an order' })
@Entity('order_document')
export class OrderDocument {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => String, { description: 'The fileKey to pass to acceptOrder' })
  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;
  @Field(() => String) @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Field(() => Int) @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Field(() => String, { nullable: true }) @Column({ name: 'file_name', type: 'text', nullable: true }) fileName:
    string | null;
  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true }) uploadedByUserId: string | null;
  @Field(() => Boolean, { description: 'Submitted with the acceptance (验收)' })
  @Column({ name: 'in_acceptance', type: 'boolean', default: false })
  inAcceptance: boolean;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
