import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Organization } from '@bangfu/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';

export enum SupplierKind {
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  FAMILY_FARM = 'FAMILY_FARM',
  TRADING_AGENT = 'TRADING_AGENT',
}

export enum SupplierStatus {
  APPLIED = 'APPLIED',
  RECOMMENDED = 'RECOMMENDED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

export enum HouseholdStatus {
  ORDINARY = 'ORDINARY',
  EX_POVERTY = 'EX_POVERTY',
  MONITORED = 'MONITORED',
}

export enum LinkageType {
  PURCHASE_CONTRACT = 'PURCHASE_CONTRACT',
  WAGE = 'WAGE',
  DIVIDEND = 'DIVIDEND',
  LAND_RENT = 'LAND_RENT',
}

registerEnumType(SupplierKind, { name: 'SupplierKind', description: '供应商类型' });
registerEnumType(SupplierStatus, { name: 'SupplierStatus', description: '准入状态' });
registerEnumType(HouseholdStatus, {
  name: 'HouseholdStatus',
  description: 'ORDINARY, EX_POVERTY (脱贫户), MONITORED (监测户)',
});
registerEnumType(LinkageType, { name: 'LinkageType', description: '利益联结方式' });

/**
 * 供应商准入 — the admission record of a SUPPLIER organisation. Exposed in GraphQL as `Supplier`
 * (see SupplierView); the entity itself is not an object type because its public shape joins the
 * organisation's name and credit code.
 */
@Entity('supplier_profile')
export class SupplierProfile {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column('text') kind: SupplierKind;
  @Column({ name: 'county_code', type: 'text' }) countyCode: string;
  @Column({ name: 'linkage_mechanism', type: 'text' }) linkageMechanism: string;
  @Column({ name: 'source_county_codes', type: 'text', array: true, default: () => `'{}'` })
  sourceCountyCodes: string[];
  @Column({ type: 'text', default: SupplierStatus.APPLIED }) status: SupplierStatus;
  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' }) appliedAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** Loaded on demand (name, credit code). */
  @OneToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
}

@Entity('supplier_admission_event')
export class SupplierAdmissionEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: SupplierStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: SupplierStatus;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'An in-app notification addressed to a user or to an organisation' })
@Entity('notification')
export class Notification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => String, { nullable: true })
  @Column({ name: 'recipient_org_id', type: 'uuid', nullable: true })
  recipientOrgId: string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId: string | null;
  @Field(() => String) @Column('text') kind: string;
  @Field(() => String) @Column('text') title: string;
  @Field(() => String) @Column({ type: 'text', default: '' }) body: string;
  /** Exposed as a JSON string (field `data`) by the resolver. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) data: Record<string, unknown>;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

/**
 * 农户. `headName` holds the real name in the database; what a caller sees is decided per caller by
 * HouseholdService (masked outside the household, its suppliers and auditors in scope).
 */
@ObjectType({ description: '农户 — a farmer household' })
@Entity('household')
export class Household {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => String) @Column({ name: 'village_code', type: 'text' }) villageCode: string;
  @Field(() => String, { description: 'Head of household; masked (田**) unless the caller may see it' })
  @Column({ name: 'head_name', type: 'text' })
  headName: string;
  @Field(() => Int) @Column('smallint') size: number;
  @Field(() => HouseholdStatus) @Column('text') status: HouseholdStatus;
  @Column({ name: 'id_number_hmac', type: 'text', nullable: true, select: false }) idNumberHmac: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId:
    string | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Field(() => String, { nullable: true, description: 'The supplier or coordination office that registered it' })
  @Column({ name: 'created_by_org_id', type: 'uuid', nullable: true })
  createdByOrgId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** Not a column: set per caller by HouseholdService. */
  @Field(() => Boolean, { description: 'True when headName is masked for the caller' }) nameMasked: boolean;
}

@ObjectType({ description: '利益联结 — a supplier ↔ household or village collective linkage' })
@Entity('linkage')
export class Linkage {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId:
    string | null;
  @Field(() => String, { nullable: true, description: 'Village collective (level-5 region) when not a household' })
  @Column({ name: 'village_code', type: 'text', nullable: true })
  villageCode: string | null;
  @Field(() => LinkageType) @Column('text') type: LinkageType;
  @Field(() => String) @Column({ type: 'text', default: '' }) terms: string;
  @Field(() => Int, { nullable: true, description: 'Share in basis points (0–10000)' })
  @Column({ name: 'share_basis_points', type: 'integer', nullable: true })
  shareBasisPoints: number | null;
  @Field(() => String, { description: 'YYYY-MM-DD' }) @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; open-ended when null' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
