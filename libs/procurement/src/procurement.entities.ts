import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 食堂模式: how the unit runs its canteen decides who files and whether anything is reserved. */
export enum CanteenMode {
  /** The unit runs its own canteen. */
  OWN = 'OWN',
  /** Several units share one canteen; one of them files for all (coveredOrgIds). */
  SHARED = 'SHARED',
  /** A caterer runs it; the caterer gets its own PURCHASER account under the unit. */
  OUTSOURCED = 'OUTSOURCED',
  /** No canteen: exempt, nothing reserved. */
  NONE = 'NONE',
}

export enum ExemptionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum PurchaseRequestStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** 付款条件 of a purchase request. */
export enum PurchaseTerms {
  PREPAY = 'PREPAY',
  ON_DELIVERY = 'ON_DELIVERY',
}

export enum LimitKind {
  SPENDING = 'SPENDING',
  APPROVAL = 'APPROVAL',
}

export enum AnomalyKind {
  SPLIT_BASKET = 'SPLIT_BASKET',
}

export enum RebindingStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** Applied at once: the order had not shipped and both units are the requester's. */
  APPLIED = 'APPLIED',
}

export enum MovementKind {
  ACCEPTED = 'ACCEPTED',
  REFUND = 'REFUND',
  REBIND_OUT = 'REBIND_OUT',
  REBIND_IN = 'REBIND_IN',
  /** A retail purchase by the unit's staff with their own money, paid and delivered (staffAmount; counted only where the jurisdiction says so). */
  STAFF = 'STAFF',
  /** A refund of such a purchase after its delivery, in the month of the refund. */
  STAFF_REFUND = 'STAFF_REFUND',
}

registerEnumType(CanteenMode, {
  name: 'CanteenMode',
  description: '食堂模式: OWN, SHARED (one unit files for several), OUTSOURCED (caterer), NONE (exempt)',
});
registerEnumType(ExemptionStatus, { name: 'ExemptionStatus' });
registerEnumType(PurchaseRequestStatus, {
  name: 'PurchaseRequestStatus',
  description: 'PENDING_APPROVAL → APPROVED | REJECTED | WITHDRAWN',
});
registerEnumType(PurchaseTerms, { name: 'PurchaseTerms', description: 'PREPAY (预付款) or ON_DELIVERY (货到付款)' });
registerEnumType(LimitKind, { name: 'ProcurementLimitKind' });
registerEnumType(AnomalyKind, { name: 'ProcurementAnomalyKind' });
registerEnumType(RebindingStatus, { name: 'OrderRebindingStatus' });

const money = (name: string) => ({ name, type: 'bigint' as const, transformer: fenTransformer });

@ObjectType({
  description: 'The minimum reserved ratio of a province or city (most specific prefix wins; default 10%)',
})
@Entity('jurisdiction_minimum')
export class JurisdictionMinimum {
  @Field(() => String, { description: 'Province (2 digits) or city (4 digits) region code prefix' })
  @PrimaryColumn({ name: 'region_prefix', type: 'text' })
  regionPrefix: string;
  @Field(() => Int, { description: 'Basis points: 1000 = 10%' })
  @Column({ name: 'ratio_bps', type: 'integer' })
  ratioBps: number;
  @Column({ name: 'set_by_user_id', type: 'uuid', nullable: true }) setByUserId: string | null;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({
  description:
    'Whether staff purchases with their own money count toward units’ completion in a province or city (most specific prefix wins; default no)',
})
@Entity('jurisdiction_staff_purchases')
export class JurisdictionStaffPurchases {
  @Field(() => String, { description: 'Province (2 digits) or city (4 digits) region code prefix' })
  @PrimaryColumn({ name: 'region_prefix', type: 'text' })
  regionPrefix: string;
  @Field(() => Boolean) @Column({ name: 'staff_purchases_count', type: 'boolean' }) staffPurchasesCount: boolean;
  @Column({ name: 'set_by_user_id', type: 'uuid', nullable: true }) setByUserId: string | null;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('reserved_share_deadline')
export class ReservedShareDeadline {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ type: 'date' }) deadline: string;
  @Column({ name: 'set_by_user_id', type: 'uuid', nullable: true }) setByUserId: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({
  description:
    'A request to file a ratio below the jurisdiction minimum, decided by the coordinator of the unit’s region',
})
@Entity('reserved_share_exemption')
export class ReservedShareExemption {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => Int) @Column('integer') year: number;
  @Field(() => Int, { description: 'The ratio (basis points) the unit may file at most this low' })
  @Column({ name: 'ratio_bps', type: 'integer' })
  ratioBps: number;
  @Field(() => Int, { description: 'The minimum that applied when asked' })
  @Column({ name: 'minimum_bps', type: 'integer' })
  minimumBps: number;
  @Field(() => String) @Column('text') reason: string;
  @Field(() => ExemptionStatus) @Column({ type: 'text', default: ExemptionStatus.PENDING }) status: ExemptionStatus;
  @Field(() => ID) @Column({ name: 'requested_by_user_id', type: 'uuid' }) requestedByUserId: string;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({
  description: '预留份额申报: a unit’s yearly filing (the current version; amendments are kept as history)',
})
@Entity('reserved_share_filing')
export class ReservedShareFiling {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID, { description: 'The filing unit' }) @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => Int) @Column('integer') year: number;
  @Field(() => CanteenMode) @Column({ name: 'canteen_mode', type: 'text' }) canteenMode: CanteenMode;
  @Field(() => MoneyScalar, { description: '食堂食材采购预算 (fen)' })
  @Column(money('canteen_budget'))
  canteenBudget: number;
  @Field(() => Int, { description: 'Reserved ratio in basis points (1000 = 10%)' })
  @Column({ name: 'ratio_bps', type: 'integer' })
  ratioBps: number;
  @Field(() => Int, { description: 'The jurisdiction minimum that applied (basis points)' })
  @Column({ name: 'minimum_bps', type: 'integer' })
  minimumBps: number;
  @Field(() => MoneyScalar, { description: 'budget × ratio / 10000, rounded half up to the fen' })
  @Column(money('reserved_amount'))
  reservedAmount: number;
  @Field(() => ID, { nullable: true, description: 'The approved exemption that allows a ratio below the minimum' })
  @Column({ name: 'exemption_id', type: 'uuid', nullable: true })
  exemptionId: string | null;
  @Field(() => String, { nullable: true, description: 'OUTSOURCED: the caterer' })
  @Column({ name: 'caterer_name', type: 'text', nullable: true })
  catererName: string | null;
  @Field(() => ID, { nullable: true, description: 'OUTSOURCED: the caterer’s PURCHASER account under the unit' })
  @Column({ name: 'caterer_user_id', type: 'uuid', nullable: true })
  catererUserId: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) note: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the reserved amount is below the previous year’s (required then, at filing or amendment)',
  })
  @Column({ name: 'decrease_reason', type: 'text', nullable: true })
  decreaseReason: string | null;
  @Field(() => String, { description: 'Filing deadline of the year (Asia/Shanghai, inclusive)' })
  @Column({ type: 'date' })
  deadline: string;
  @Field(() => Boolean, { description: 'Filed after the deadline (accepted, but flagged)' })
  @Column('boolean')
  late: boolean;
  @Field(() => Int, { description: '1 when filed, +1 per amendment' })
  @Column({ type: 'integer', default: 1 })
  version: number;
  @Field(() => ID) @Column({ name: 'filed_by_user_id', type: 'uuid' }) filedByUserId: string;
  @Field(() => Date) @CreateDateColumn({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('reserved_share_coverage')
export class ReservedShareCoverage {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ name: 'filing_id', type: 'uuid' }) filingId: string;
}

@ObjectType({ description: 'One version of a filing: what it was before and after, who changed it and why' })
@Entity('reserved_share_amendment')
export class ReservedShareAmendment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'filing_id', type: 'uuid' }) filingId: string;
  @Field(() => Int) @Column('integer') version: number;
  @Field(() => String, { description: 'FILED or AMENDED' }) @Column('text') kind: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb' }) after: Record<string, unknown>;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'A unit’s purchasing policy' })
@Entity('procurement_policy')
export class ProcurementPolicy {
  @Field(() => ID) @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => Boolean, { description: 'Requests within the purchaser’s spending limit are placed without approval' })
  @Column({ name: 'skip_approval_below_limit', type: 'boolean', default: false })
  skipApprovalBelowLimit: boolean;
  @Field(() => Int, { description: 'Window for split-basket detection (minutes)' })
  @Column({ name: 'split_window_minutes', type: 'integer', default: 1440 })
  splitWindowMinutes: number;
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true }) updatedByUserId: string | null;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({
  description: 'A purchaser’s spending limit or an approver’s approval limit in one unit (per request, fen)',
})
@Entity('procurement_limit')
export class ProcurementLimit {
  @Field(() => ID) @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => ID) @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field(() => LimitKind) @PrimaryColumn({ type: 'text' }) kind: LimitKind;
  @Field(() => MoneyScalar) @Column(money('amount')) amount: number;
  @Column({ name: 'set_by_user_id', type: 'uuid', nullable: true }) setByUserId: string | null;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A basket awaiting approval; its order (PENDING_APPROVAL) holds the stock until decided' })
@Entity('purchase_request')
export class PurchaseRequest {
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Field(() => String, { description: 'e.g. PR20270115000042' })
  @Column({ name: 'request_no', type: 'text', insert: false, update: false })
  requestNo: string;
  @Field(() => ID, { description: 'The buying unit' }) @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => ID) @Column({ name: 'purchaser_user_id', type: 'uuid' }) purchaserUserId: string;
  @Field(() => ID) @Column({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => PurchaseRequestStatus) @Column('text') status: PurchaseRequestStatus;
  @Field(() => PurchaseTerms) @Column('text') terms: PurchaseTerms;
  @Field(() => String, { description: '采购理由' }) @Column('text') justification: string;
  @Field(() => Boolean, { description: '工会采购: counted toward the unit’s reserved share and shown separately' })
  @Column({ name: 'trade_union', type: 'boolean', default: false })
  tradeUnion: boolean;
  @Field(() => MoneyScalar, { description: 'Σ lines at agency prices (fen)' })
  @Column(money('total_amount'))
  totalAmount: number;
  @Field(() => MoneyScalar, { description: 'The purchaser’s spending limit when submitted' })
  @Column(money('spending_limit'))
  spendingLimit: number;
  @Field(() => Boolean, { description: 'Placed without approval (within the limit, unit policy on)' })
  @Column({ name: 'auto_approved', type: 'boolean', default: false })
  autoApproved: boolean;
  @Field(() => Boolean, {
    description: 'Looks like one basket split to stay under the limit: flagged for audit and sent for approval',
  })
  @Column({ name: 'split_suspected', type: 'boolean', default: false })
  splitSuspected: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Purchase order number, issued on approval: PO-<unit code>-<yyyymmdd>-<seq>',
  })
  @Column({ name: 'po_number', type: 'text', nullable: true })
  poNumber: string | null;
  @Column({ name: 'client_key', type: 'text', nullable: true }) clientKey: string | null;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;
  @Field(() => String, { nullable: true, description: 'Approval comment or rejection reason' })
  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'One move of a purchase request (actor, time, comment)' })
@Entity('purchase_request_event')
export class PurchaseRequestEvent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Field(() => PurchaseRequestStatus, { nullable: true })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: PurchaseRequestStatus | null;
  @Field(() => PurchaseRequestStatus) @Column({ name: 'to_status', type: 'text' }) toStatus: PurchaseRequestStatus;
  @Field(() => ID, { nullable: true }) @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({
  description: 'A pattern worth an auditor’s look (e.g. a basket split into requests just under the limit)',
})
@Entity('procurement_anomaly_flag')
export class ProcurementAnomalyFlag {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => AnomalyKind) @Column('text') kind: AnomalyKind;
  @Field(() => ID) @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => ID) @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field(() => ID, { description: 'The request that completed the pattern' })
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;
  @Field(() => [ID], { description: 'The earlier requests in the window' })
  @Column({ name: 'related_request_ids', type: 'uuid', array: true })
  relatedRequestIds: string[];
  @Field(() => MoneyScalar, { description: 'Σ of the requests in the window' })
  @Column(money('total_amount'))
  totalAmount: number;
  @Field(() => MoneyScalar) @Column(money('limit_amount')) limitAmount: number;
  @Field(() => Int) @Column({ name: 'window_minutes', type: 'integer' }) windowMinutes: number;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('po_number_sequence')
export class PoNumberSequence {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'last_seq', type: 'integer' }) lastSeq: number;
}

@ObjectType({ description: 'Which unit an agency order counts toward' })
@Entity('order_binding')
export class OrderBinding {
  @Field(() => ID) @PrimaryColumn({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => ID) @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Field(() => Boolean) @Column({ name: 'trade_union', type: 'boolean', default: false }) tradeUnion: boolean;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'purchase_request_id', type: 'uuid', nullable: true })
  purchaseRequestId: string | null;
  @Column(money('pending_amount')) pendingAmount: number;
  @Column({ name: 'pending_year', type: 'integer', nullable: true }) pendingYear: number | null;
  @Column({ name: 'pending_month', type: 'integer', nullable: true }) pendingMonth: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('reserved_share_movement')
export class ReservedShareMovement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Column('integer') year: number;
  @Column('integer') month: number;
  @Column('text') kind: MovementKind;
  @Column('text') ref: string;
  @Column(money('counted_delta')) countedDelta: number;
  @Column(money('uncertified_delta')) uncertifiedDelta: number;
  @Column(money('trade_union_delta')) tradeUnionDelta: number;
  @Column(money('staff_delta')) staffDelta: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('reserved_share_progress')
export class ReservedShareProgress {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('integer') month: number;
  @Column(money('counted_amount')) countedAmount: number;
  @Column(money('pending_amount')) pendingAmount: number;
  @Column(money('uncertified_amount')) uncertifiedAmount: number;
  @Column(money('trade_union_amount')) tradeUnionAmount: number;
  @Column(money('staff_amount')) staffAmount: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({
  description: 'A request to count an order toward another unit; a shipped order needs a coordinator’s approval',
})
@Entity('order_rebinding')
export class OrderRebinding {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Field(() => ID) @Column({ name: 'from_org_id', type: 'uuid' }) fromOrgId: string;
  @Field(() => ID) @Column({ name: 'to_org_id', type: 'uuid' }) toOrgId: string;
  @Field(() => String) @Column('text') reason: string;
  @Field(() => RebindingStatus) @Column('text') status: RebindingStatus;
  @Field(() => ID) @Column({ name: 'requested_by_user_id', type: 'uuid' }) requestedByUserId: string;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
