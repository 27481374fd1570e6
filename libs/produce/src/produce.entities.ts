import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type Fen, fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Stored statuses are OPEN/PARTLY_COMMITTED/COMMITTED/WITHDRAWN; EXPIRED is derived at read time from availableUntil. */
export enum ProduceOfferStatus {
  OPEN = 'OPEN',
  PARTLY_COMMITTED = 'PARTLY_COMMITTED',
  COMMITTED = 'COMMITTED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

export enum ProduceCommitmentStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  RECEIVED = 'RECEIVED',
}

export enum ProducePaymentStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
}

export enum ProducePaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  CASH = 'CASH',
  WECHAT_PAY = 'WECHAT_PAY',
  ALIPAY = 'ALIPAY',
  OTHER = 'OTHER',
}

export enum IncomeLineKind {
  PURCHASE_PAYMENT = 'PURCHASE_PAYMENT',
  ATTRIBUTED_INCOME = 'ATTRIBUTED_INCOME',
}

export enum IncomeDisputeStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

registerEnumType(ProduceOfferStatus, {
  name: 'ProduceOfferStatus',
  description: 'OPEN, PARTLY_COMMITTED, COMMITTED, WITHDRAWN, EXPIRED (after availableUntil)',
});
registerEnumType(ProduceCommitmentStatus, {
  name: 'ProduceCommitmentStatus',
  description: 'PROPOSED (waiting for the farmer), ACCEPTED, DECLINED, CANCELLED, RECEIVED',
});
registerEnumType(ProducePaymentStatus, { name: 'ProducePaymentStatus' });
registerEnumType(ProducePaymentMethod, { name: 'ProducePaymentMethod' });
registerEnumType(IncomeLineKind, {
  name: 'IncomeLineKind',
  description: 'A purchase payment (收购款) or attributed income (带动收益)',
});
registerEnumType(IncomeDisputeStatus, { name: 'IncomeDisputeStatus' });

@ObjectType({
  description:
    '农户供货 — what a household has to sell: crop, whole quantity in its unit, window, asking price per unit',
})
@Entity('produce_offer')
export class ProduceOffer {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Field(() => String, { description: 'The household’s village (level-5 code)' })
  @Column({ name: 'village_code', type: 'text' })
  villageCode: string;
  @Field(() => String) @Column({ name: 'crop_name', type: 'text' }) cropName: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId:
    string | null;
  @Field(() => String) @Column({ type: 'text', default: '' }) variety: string;
  @Field(() => Int, { description: 'Whole units of `unit` (500 斤 is 500)' }) @Column('integer') quantity: number;
  @Field(() => Int, { description: 'Held by PROPOSED and ACCEPTED commitments' })
  @Column({ name: 'committed_quantity', type: 'integer', default: 0 })
  committedQuantity: number;
  @Field(() => String, { description: 'kg, g, 斤, 箱, 盒, 袋, 瓶, 罐, 个, 只, 头, 件, 份' })
  @Column('text')
  unit: string;
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ name: 'available_from', type: 'date' })
  availableFrom: string;
  @Field(() => String, { description: 'YYYY-MM-DD, inclusive; the offer is EXPIRED after it' })
  @Column({ name: 'available_until', type: 'date' })
  availableUntil: string;
  @Field(() => MoneyScalar, { description: 'Fen per unit' })
  @Column({ name: 'asking_price', type: 'bigint', transformer: fenTransformer })
  askingPrice: Fen;
  @Field(() => String) @Column({ type: 'text', default: '' }) note: string;
  @Field(() => [String])
  @Column({ name: 'image_keys', type: 'text', array: true, default: () => `'{}'` })
  imageKeys: string[];
  /** The stored status; the GraphQL field `status` adds EXPIRED (see OfferService.present). */
  @Field(() => ProduceOfferStatus) @Column('text') status: ProduceOfferStatus;
  @Field(() => Boolean, { description: 'Created for the household by a county coordinator or town work team (代录)' })
  @Column({ type: 'boolean', default: false })
  assisted: boolean;
  @Field(() => ID, { nullable: true, description: 'The coordination office that assisted' })
  @Column({ name: 'assisted_by_org_id', type: 'uuid', nullable: true })
  assistedByOrgId: string | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({
  description: '收购承诺 — a linked supplier’s commitment to buy part of an offer; the farmer accepts or declines it',
})
@Entity('produce_commitment')
export class ProduceCommitment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => Int) @Column('integer') quantity: number;
  @Field(() => MoneyScalar, { description: 'Fen per unit' })
  @Column({ name: 'unit_price', type: 'bigint', transformer: fenTransformer })
  unitPrice: Fen;
  @Field(() => String, { description: 'YYYY-MM-DD' }) @Column({ name: 'pickup_date', type: 'date' }) pickupDate: string;
  @Field(() => String) @Column({ type: 'text', default: '' }) note: string;
  @Field(() => ProduceCommitmentStatus) @Column('text') status: ProduceCommitmentStatus;
  @Field(() => String, { nullable: true })
  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'One move of a commitment: who, when, why' })
@Entity('produce_commitment_history')
export class ProduceCommitmentHistory {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @Field(() => ProduceCommitmentStatus, { nullable: true })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ProduceCommitmentStatus | null;
  @Field(() => ProduceCommitmentStatus) @Column({ name: 'to_status', type: 'text' }) toStatus: ProduceCommitmentStatus;
  @Field(() => String, { nullable: true })
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({
  description: '收购款 — the supplier’s payment to the household for one receipt (amount = received × unit price)',
})
@Entity('produce_payment')
export class ProducePayment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'receipt_id', type: 'uuid' }) receiptId: string;
  @Field(() => MoneyScalar) @Column({ type: 'bigint', transformer: fenTransformer }) amount: Fen;
  @Field(() => ProducePaymentStatus) @Column('text') status: ProducePaymentStatus;
  @Field(() => ProducePaymentMethod, { nullable: true })
  @Column({ type: 'text', nullable: true })
  method: ProducePaymentMethod | null;
  @Field(() => String, { nullable: true, description: 'Bank or wallet transaction reference, or the cash slip number' })
  @Column({ type: 'text', nullable: true })
  reference: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true }) recordedByUserId: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;
}

@ObjectType({
  description: '收购入库 — produce received against a commitment into a harvest lot, with its purchase payment',
})
@Entity('produce_receipt')
export class ProduceReceipt {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @Field(() => ID) @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Field(() => ID) @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Field(() => String) @Column({ name: 'village_code', type: 'text' }) villageCode: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => ID) @Column({ name: 'lot_id', type: 'uuid' }) lotId: string;
  @Field(() => String, { description: 'The lot’s number (批次号), copied when received' })
  @Column({ name: 'lot_no', type: 'text' })
  lotNo: string;
  @Field(() => Int, { description: 'Received, in the offer’s unit' }) @Column('integer') quantity: number;
  @Field(() => Int, { description: 'What the commitment promised' })
  @Column({ name: 'committed_quantity', type: 'integer' })
  committedQuantity: number;
  @Field(() => Int, { description: 'Added to the lot, in the variant’s unit (equal to quantity when the units match)' })
  @Column({ name: 'lot_quantity', type: 'integer' })
  lotQuantity: number;
  @Field(() => MoneyScalar) @Column({ name: 'unit_price', type: 'bigint', transformer: fenTransformer }) unitPrice: Fen;
  @Field(() => MoneyScalar, { description: 'quantity × unitPrice, exact' })
  @Column({ type: 'bigint', transformer: fenTransformer })
  amount: Fen;
  @Field(() => String, {
    nullable: true,
    description: 'How the household confirmed the receipt (assisted offers: e.g. 户主签字), or null',
  })
  @Column({ name: 'household_confirmation', type: 'text', nullable: true })
  householdConfirmation: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'household_confirmed_at', type: 'timestamptz', nullable: true })
  householdConfirmedAt: Date | null;
  @Column({ name: 'received_by_user_id', type: 'uuid', nullable: true }) receivedByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Field(() => String, { description: 'Month of receipt (YYYY-MM, Asia/Shanghai)' }) @Column('text') period: string;
}

@ObjectType({
  description:
    'A household’s confirmation of one month’s purchase payments and attributed income, with the totals it saw',
})
@Entity('income_confirmation')
export class IncomeConfirmation {
  @Field(() => ID) @PrimaryColumn({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Field(() => String, { description: 'YYYY-MM' }) @PrimaryColumn('text') period: string;
  @Column({ name: 'village_code', type: 'text' }) villageCode: string;
  @Field(() => MoneyScalar)
  @Column({ name: 'purchase_paid_total', type: 'bigint', transformer: fenTransformer })
  purchasePaidTotal: Fen;
  @Field(() => MoneyScalar)
  @Column({ name: 'purchase_pending_total', type: 'bigint', transformer: fenTransformer })
  purchasePendingTotal: Fen;
  @Field(() => MoneyScalar)
  @Column({ name: 'attributed_total', type: 'bigint', transformer: fenTransformer })
  attributedTotal: Fen;
  @Column({ name: 'confirmed_by_user_id', type: 'uuid', nullable: true }) confirmedByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'confirmed_at', type: 'timestamptz' }) confirmedAt: Date;
}

@ObjectType({
  description:
    'A farmer’s dispute of one income line in a month; visible to the supplier, coordinators and auditors in scope',
})
@Entity('income_dispute')
export class IncomeDispute {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Field(() => String) @Column({ name: 'village_code', type: 'text' }) villageCode: string;
  @Field(() => String, { description: 'YYYY-MM' }) @Column('text') period: string;
  @Field(() => IncomeLineKind) @Column('text') kind: IncomeLineKind;
  @Field(() => ID, { nullable: true, description: 'PURCHASE_PAYMENT: the receipt' })
  @Column({ name: 'receipt_id', type: 'uuid', nullable: true })
  receiptId: string | null;
  @Field(() => ID, { nullable: true, description: 'ATTRIBUTED_INCOME: the product' })
  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'supplier_id', type: 'uuid', nullable: true }) supplierId:
    string | null;
  @Field(() => MoneyScalar, { description: 'The amount shown to the farmer for the line' })
  @Column({ type: 'bigint', transformer: fenTransformer })
  amount: Fen;
  @Field(() => String) @Column('text') note: string;
  @Field(() => IncomeDisputeStatus) @Column('text') status: IncomeDisputeStatus;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) resolution: string | null;
  @Column({ name: 'resolved_by_user_id', type: 'uuid', nullable: true }) resolvedByUserId: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
