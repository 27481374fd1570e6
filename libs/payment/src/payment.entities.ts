import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type Fen, fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum PaymentProviderKind {
  STRIPE = 'STRIPE',
  BANK_TRANSFER = 'BANK_TRANSFER',
}

export enum PaymentMethod {
  CARD = 'CARD',
  ALIPAY = 'ALIPAY',
  WECHAT_PAY = 'WECHAT_PAY',
  BANK_TRANSFER = 'BANK_TRANSFER',
}

export enum PaymentStatus {
  /** Stripe intent created; the buyer has not completed it. */
  REQUIRES_PAYMENT = 'REQUIRES_PAYMENT',
  /** Bank transfer recorded by the agency; platform finance has not confirmed it. */
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELED = 'CANCELED',
  REJECTED = 'REJECTED',
}

/** What became of money received: applied to the order, or held to be returned. */
export enum PaymentOutcome {
  APPLIED = 'APPLIED',
  UNMATCHED = 'UNMATCHED',
}

export enum PaymentFlag {
  /** Money arrived for an order that could not take it (cancelled, already paid): refund it. */
  NEEDS_REFUND = 'NEEDS_REFUND',
  /** The provider reports refunds Bangfu could not match or record: review by hand. */
  REFUND_MISMATCH = 'REFUND_MISMATCH',
}

export enum RefundStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum RefundOrigin {
  /** refundOrder in Bangfu. */
  PLATFORM = 'PLATFORM',
  /** Made at the provider (e.g. the Stripe dashboard) and learned from a webhook. */
  PROVIDER = 'PROVIDER',
  /** Returning an unmatched receipt. */
  UNMATCHED = 'UNMATCHED',
}

export enum PayoutMethod {
  STRIPE_CONNECT = 'STRIPE_CONNECT',
  BANK_FILE = 'BANK_FILE',
}

export enum PayoutStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  EXPORTED = 'EXPORTED',
  FAILED = 'FAILED',
}

export enum PayoutBatchStatus {
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  PARTIALLY_FAILED = 'PARTIALLY_FAILED',
}

registerEnumType(PaymentProviderKind, { name: 'PaymentProvider' });
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'CARD, ALIPAY, WECHAT_PAY (Stripe) or BANK_TRANSFER (against an invoice)',
});
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(PaymentOutcome, { name: 'PaymentOutcome' });
registerEnumType(PaymentFlag, { name: 'PaymentFlag' });
registerEnumType(RefundStatus, { name: 'RefundStatus' });
registerEnumType(RefundOrigin, { name: 'RefundOrigin' });
registerEnumType(PayoutMethod, { name: 'PayoutMethod' });
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });
registerEnumType(PayoutBatchStatus, { name: 'PayoutBatchStatus' });

const money = (name: string) => ({ name, type: 'bigint' as const, transformer: fenTransformer });

@ObjectType({ description: 'One attempt to pay an order (a Stripe PaymentIntent or a bank transfer)' })
@Entity('payment')
export class Payment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => PaymentProviderKind) @Column('text') provider: PaymentProviderKind;
  @Field(() => PaymentMethod) @Column('text') method: PaymentMethod;
  @Field(() => PaymentStatus) @Column('text') status: PaymentStatus;
  @Field(() => MoneyScalar) @Column(money('amount')) amount: Fen;
  @Field(() => String) @Column({ type: 'text', default: 'CNY' }) currency: string;
  @Field(() => Int) @Column('integer') attempt: number;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Field(() => String, { nullable: true, description: 'Stripe PaymentIntent id' })
  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef: string | null;
  @Column({ name: 'client_secret', type: 'text', nullable: true, select: false }) clientSecret: string | null;
  @Field(() => String, { nullable: true, description: 'Bank transfer reference (流水号)' })
  @Column({ type: 'text', nullable: true })
  reference: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;
  @Field(() => PaymentOutcome, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome: PaymentOutcome | null;
  @Field(() => PaymentFlag, { nullable: true }) @Column({ type: 'text', nullable: true }) flag: PaymentFlag | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'flag_reason', type: 'text', nullable: true }) flagReason:
    string | null;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true }) recordedByUserId: string | null;
  @Column({ name: 'confirmed_by_user_id', type: 'uuid', nullable: true }) confirmedByUserId: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'rejected_reason', type: 'text', nullable: true })
  rejectedReason: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'Money returned to a buyer' })
@Entity('payment_refund')
export class PaymentRefund {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'payment_id', type: 'uuid' }) paymentId: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => MoneyScalar) @Column(money('amount')) amount: Fen;
  @Field(() => RefundStatus) @Column('text') status: RefundStatus;
  @Field(() => RefundOrigin) @Column('text') origin: RefundOrigin;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Field(() => String, { nullable: true, description: 'Stripe refund id' })
  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef: string | null;
  @Column({ type: 'jsonb', nullable: true }) lines: Array<{ lineId: string; amount: Fen }> | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) failure: string | null;
  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true }) requestedByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** Each provider event id once: replays are answered without doing anything. */
@Entity('payment_event')
export class PaymentEvent {
  @PrimaryColumn('text') id: string;
  @Column({ type: 'text', default: 'STRIPE' }) provider: string;
  @Column('text') type: string;
  @Column({ name: 'payment_id', type: 'uuid', nullable: true }) paymentId: string | null;
  @Column('text') outcome: string;
  @Column({ type: 'text', nullable: true }) detail: string | null;
  @Column('jsonb') payload: Record<string, unknown>;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}

@ObjectType({ description: 'Where a supplier is paid: a Stripe connected account and/or a bank account' })
@Entity('supplier_payout_account')
export class SupplierPayoutAccount {
  @Field(() => ID) @PrimaryColumn({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => String, { nullable: true })
  @Column({ name: 'stripe_account_id', type: 'text', nullable: true })
  stripeAccountId: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'bank_name', type: 'text', nullable: true }) bankName:
    string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'bank_account_name', type: 'text', nullable: true })
  bankAccountName: string | null;
  @Field(() => String, { nullable: true, description: 'Shown masked (****1234)' })
  @Column({ name: 'bank_account_no', type: 'text', nullable: true })
  bankAccountNo: string | null;
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true }) updatedByUserId: string | null;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'One payout to a supplier within a batch' })
@Entity('payout')
export class Payout {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'batch_id', type: 'uuid' }) batchId: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => MoneyScalar) @Column(money('amount')) amount: Fen;
  @Field(() => PayoutMethod) @Column('text') method: PayoutMethod;
  @Field(() => PayoutStatus) @Column('text') status: PayoutStatus;
  /** acct_… or the bank account number. */
  @Column('text') destination: string;
  @Column({ name: 'bank_name', type: 'text', nullable: true }) bankName: string | null;
  @Column({ name: 'bank_account_name', type: 'text', nullable: true }) bankAccountName: string | null;
  @Field(() => String) @Column('text') reference: string;
  @Field(() => String, { nullable: true, description: 'Stripe transfer id' })
  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) failure: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

@ObjectType({ description: 'Paying every supplier what it is owed, at once' })
@Entity('payout_batch')
export class PayoutBatch {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => PayoutBatchStatus) @Column('text') status: PayoutBatchStatus;
  @Field(() => MoneyScalar) @Column(money('total_amount')) totalAmount: Fen;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
