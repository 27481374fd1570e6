import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ComplaintKind {
  QUALITY = 'QUALITY',
  QUANTITY = 'QUANTITY',
  PRICE = 'PRICE',
  FALSE_ORIGIN = 'FALSE_ORIGIN',
  DELIVERY = 'DELIVERY',
}

/** OPEN → ANSWERED (supplier) → UPHELD | REJECTED (coordinator); UPHOLDING while the refund is with the provider. */
export enum ComplaintStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  UPHOLDING = 'UPHOLDING',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
}

/** How an upheld complaint is remedied; both return money through payment's refund path. */
export enum ComplaintRemedy {
  REFUND = 'REFUND',
  /** The goods go back to the supplier and the money back to the buyer. */
  RETURN = 'RETURN',
}

export enum SupplierWarningLevel {
  WARNING = 'WARNING',
  /** A suspension proposal was sent to the platform admin (oversight). */
  PROPOSAL = 'PROPOSAL',
}

registerEnumType(ComplaintKind, { name: 'ComplaintKind' });
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
registerEnumType(ComplaintRemedy, { name: 'ComplaintRemedy' });
registerEnumType(SupplierWarningLevel, { name: 'SupplierWarningLevel' });

const money = (name: string, nullable = false) => ({
  name,
  type: 'bigint' as const,
  transformer: fenTransformer,
  nullable,
});

/** 评价 — one per delivered supplier order, by its buyer side. */
@ObjectType()
@Entity('supplier_rating')
export class SupplierRating {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'buyer_user_id', type: 'uuid' }) buyerUserId: string;
  @Field(() => Int, { description: '1–5' }) @Column('smallint') score: number;
  @Field(() => String) @Column('text') comment: string;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** 售后投诉 — a buyer's complaint about one supplier order. */
@ObjectType()
@Entity('complaint')
export class Complaint {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => ID) @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'buyer_user_id', type: 'uuid' }) buyerUserId: string;
  @Column({ name: 'buyer_org_id', type: 'uuid', nullable: true }) buyerOrgId: string | null;
  @Field(() => String, { description: "The supplier's county when the complaint was opened (coordinators' scope)" })
  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;
  @Field(() => ComplaintKind) @Column('text') kind: ComplaintKind;
  @Field(() => String) @Column('text') description: string;
  @Field(() => ComplaintStatus) @Column('text') status: ComplaintStatus;
  @Field(() => String, { nullable: true })
  @Column({ name: 'supplier_answer', type: 'text', nullable: true })
  supplierAnswer: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
  @Field(() => ComplaintRemedy, { nullable: true })
  @Column({ type: 'text', nullable: true })
  remedy: ComplaintRemedy | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Refunded to the buyer when upheld (fen)' })
  @Column(money('refund_amount', true))
  refundAmount: number | null;
  @Field(() => ID, { nullable: true, description: "payment's refund" })
  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId: string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType()
@Entity('complaint_photo')
export class ComplaintPhoto {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Field(() => String) @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Field(() => Int) @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** What a rule concluded about a supplier: a warning, or that a suspension was proposed. */
@ObjectType()
@Entity('supplier_warning')
export class SupplierWarning {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => String) @Column({ name: 'rule_code', type: 'text' }) ruleCode: string;
  @Field(() => SupplierWarningLevel) @Column('text') level: SupplierWarningLevel;
  @Field(() => String) @Column('text') reason: string;
  @Column({ type: 'jsonb', default: {} }) figures: Record<string, unknown>;
  @Field(() => ID, { nullable: true, description: "oversight's SupplierSuspensionProposal" })
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const AFTERSALES_ENTITIES = [SupplierRating, Complaint, ComplaintPhoto, SupplierWarning];
