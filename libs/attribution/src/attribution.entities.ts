import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type Fen, fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AttributionKind, BeneficiaryKind } from './engine';

const money = (name: string) => ({ name, type: 'bigint' as const, transformer: fenTransformer });
const nullableMoney = (name: string) => ({ ...money(name), nullable: true });

/** One version of an attribution rule; versions are never edited (a change is a new version). */
@ObjectType({ description: 'A version of a product’s (or a supplier’s default) attribution rule' })
@Entity('attribution_rule')
export class AttributionRule {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'null: the supplier’s default for products without a rule of their own',
  })
  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;
  @Field(() => Int, { description: '1, 2, … per product (or per supplier default)' })
  @Column('integer')
  version: number;
  @Field(() => Date, { description: 'Order lines placed from this instant on use this version' })
  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;
  @Field(() => AttributionKind) @Column('text') kind: AttributionKind;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'CONTRACT_PURCHASE: fen per unit shipped, to the households whose lots shipped',
  })
  @Column(nullableMoney('per_unit_payout'))
  perUnitPayout: Fen | null;
  @Field(() => Int, { description: 'REVENUE_SHARE: basis points of net revenue to the households whose lots shipped' })
  @Column({ name: 'households_bp', type: 'integer', default: 0 })
  householdsBasisPoints: number;
  @Field(() => Int, { description: 'REVENUE_SHARE: basis points to the village collective' })
  @Column({ name: 'village_collective_bp', type: 'integer', default: 0 })
  villageCollectiveBasisPoints: number;
  @Field(() => Int, { description: 'REVENUE_SHARE: basis points to the cooperative' })
  @Column({ name: 'cooperative_bp', type: 'integer', default: 0 })
  cooperativeBasisPoints: number;
  @Field(() => Int, {
    description: 'WAGE / DIVIDEND: basis points of net revenue pooled for the period, split by the linkages’ shares',
  })
  @Column({ name: 'pool_bp', type: 'integer', default: 0 })
  poolBasisPoints: number;
  @Field(() => String, {
    nullable: true,
    description: 'The village collective (level-5 region) receiving villageCollectiveBasisPoints',
  })
  @Column({ name: 'village_code', type: 'text', nullable: true })
  villageCode: string | null;
  @Field(() => ID, { nullable: true, description: 'The cooperative receiving cooperativeBasisPoints' })
  @Column({ name: 'cooperative_org_id', type: 'uuid', nullable: true })
  cooperativeOrgId: string | null;
  @Field(() => String) @Column({ type: 'text', default: '' }) note: string;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;

  /** Set by the rule service when listing: the version applied to orders placed now. */
  @Field(() => Boolean, { description: 'The version that applies to orders placed now' }) inForce: boolean;
}

/** One counted order line: what its rule attributed and what remains after refunds. */
@Entity('attribution_line')
export class AttributionLine {
  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' }) orderLineId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'rule_id', type: 'uuid', nullable: true }) ruleId: string | null;
  @Column({ name: 'rule_version', type: 'integer', nullable: true }) ruleVersion: number | null;
  @Column({ name: 'rule_kind', type: 'text', nullable: true }) ruleKind: AttributionKind | null;
  @Column({ name: 'counted_at', type: 'timestamptz' }) countedAt: Date;
  @Column('text') period: string;
  @Column('integer') quantity: number;
  @Column(money('line_total')) lineTotal: Fen;
  @Column(money('gross_amount')) grossAmount: Fen;
  @Column(money('uncapped_amount')) uncappedAmount: Fen;
  @Column('boolean') capped: boolean;
  @Column(money('refunded_amount')) refundedAmount: Fen;
  @Column(money('attributed_amount')) attributedAmount: Fen;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A refund as seen by one counted line (before it counted: netted; after: reversed). */
@Entity('attribution_refund')
export class AttributionRefund {
  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' }) orderLineId: string;
  @PrimaryColumn({ name: 'refund_id', type: 'text' }) refundId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column(money('amount')) amount: Fen;
  @Column({ name: 'before_count', type: 'boolean' }) beforeCount: boolean;
  @Column(money('reversed_amount')) reversedAmount: Fen;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column('text') period: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Income attributed to one beneficiary for one order line and event (append-only; reversals are negative). */
@Entity('attribution_entry')
export class AttributionEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'order_line_id', type: 'uuid' }) orderLineId: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'event_key', type: 'text' }) eventKey: string;
  @Column({ name: 'beneficiary_kind', type: 'text' }) beneficiaryKind: BeneficiaryKind;
  @Column({ name: 'beneficiary_key', type: 'text' }) beneficiaryKey: string;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId: string | null;
  @Column({ name: 'village_code', type: 'text', nullable: true }) villageCode: string | null;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ name: 'lot_id', type: 'uuid', nullable: true }) lotId: string | null;
  @Column({ name: 'rule_id', type: 'uuid', nullable: true }) ruleId: string | null;
  @Column({ name: 'rule_version', type: 'integer', nullable: true }) ruleVersion: number | null;
  @Column({ name: 'rule_kind', type: 'text', nullable: true }) ruleKind: AttributionKind | null;
  @Column(money('amount')) amount: Fen;
  @Column('text') period: string;
  /** Part of the key: attribution_entry is partitioned by month of occurred_at (README, "Partitioning"). */
  @PrimaryColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Rollup: a beneficiary's net income per month and product. */
@Entity('attribution_monthly')
export class AttributionMonthly {
  @PrimaryColumn({ name: 'beneficiary_key', type: 'text' }) beneficiaryKey: string;
  @PrimaryColumn('text') period: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'beneficiary_kind', type: 'text' }) beneficiaryKind: BeneficiaryKind;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId: string | null;
  @Column({ name: 'village_code', type: 'text', nullable: true }) villageCode: string | null;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column(money('amount')) amount: Fen;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Rollup: a household's net income per month (带动户数 counts the positive ones). */
@Entity('attribution_household_month')
export class AttributionHouseholdMonth {
  @PrimaryColumn({ name: 'household_id', type: 'uuid' }) householdId: string;
  @PrimaryColumn('text') period: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column('text') status: string;
  @Column(money('amount')) amount: Fen;
}

/** Rollup: amounts and households driven per village (or county) and month. */
@Entity('attribution_region_month')
export class AttributionRegionMonth {
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn('text') period: string;
  @Column(money('household_amount')) householdAmount: Fen;
  @Column(money('village_collective_amount')) villageCollectiveAmount: Fen;
  @Column(money('cooperative_amount')) cooperativeAmount: Fen;
  @Column(money('unassigned_amount')) unassignedAmount: Fen;
  @Column({ name: 'households_driven', type: 'integer' }) householdsDriven: number;
  @Column({ name: 'ex_poverty_households_driven', type: 'integer' }) exPovertyHouseholdsDriven: number;
  @Column({ name: 'monitored_households_driven', type: 'integer' }) monitoredHouseholdsDriven: number;
}

/** A reconciliation run and its report. */
@Entity('attribution_reconciliation')
export class AttributionReconciliation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'from_at', type: 'timestamptz' }) fromAt: Date;
  @Column({ name: 'to_at', type: 'timestamptz' }) toAt: Date;
  @Column('boolean') ok: boolean;
  @Column({ name: 'difference_count', type: 'integer' }) differenceCount: number;
  @Column({ type: 'jsonb' }) report: Record<string, unknown>;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
