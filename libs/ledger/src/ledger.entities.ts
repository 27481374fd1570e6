import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type Fen, fenTransformer, MoneyScalar } from '@bangfu/money';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

export enum AccountKind {
  ASSET = 'ASSET',
  LIABILITY = 'LIABILITY',
  EQUITY = 'EQUITY',
  REVENUE = 'REVENUE',
  EXPENSE = 'EXPENSE',
}

export enum AccountOwnerKind {
  PLATFORM = 'PLATFORM',
  SUPPLIER = 'SUPPLIER',
  BUYER = 'BUYER',
  CHANNEL = 'CHANNEL',
}

/** What a posting records; see README.md for the entries each kind writes. */
export enum PostingKind {
  BUYER_PAYMENT = 'BUYER_PAYMENT',
  UNMATCHED_RECEIPT = 'UNMATCHED_RECEIPT',
  SUPPLIER_PAYABLE = 'SUPPLIER_PAYABLE',
  PLATFORM_FEE = 'PLATFORM_FEE',
  REFUND = 'REFUND',
  UNMATCHED_REFUND = 'UNMATCHED_REFUND',
  PAYOUT = 'PAYOUT',
  PAYOUT_REVERSAL = 'PAYOUT_REVERSAL',
  COUNTER_SETTLEMENT = 'COUNTER_SETTLEMENT',
  COUNTER_REMITTANCE = 'COUNTER_REMITTANCE',
}

registerEnumType(AccountKind, { name: 'LedgerAccountKind' });
registerEnumType(AccountOwnerKind, { name: 'LedgerAccountOwnerKind' });
registerEnumType(PostingKind, { name: 'LedgerPostingKind' });

@ObjectType({
  description: 'An account of the chart of accounts (科目); per-owner accounts carry the owner id in the code',
})
@Entity('ledger_account')
export class LedgerAccount {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => String, { description: 'e.g. ORDER_CLEARING or SUPPLIER_PAYABLE:<supplier id>' })
  @Column('text')
  code: string;
  @Field(() => String) @Column('text') name: string;
  @Field(() => AccountKind) @Column('text') kind: AccountKind;
  @Field(() => AccountOwnerKind) @Column({ name: 'owner_kind', type: 'text' }) ownerKind: AccountOwnerKind;
  @Field(() => ID, { nullable: true }) @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId:
    string | null;
  @Field(() => String) @Column({ type: 'text', default: 'CNY' }) currency: string;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'A balanced set of entries (记账凭证); immutable' })
@Entity('ledger_posting')
export class LedgerPosting {
  @Field(() => ID) @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id: string;
  @Field(() => PostingKind) @Column('text') kind: PostingKind;
  @Field(() => ID, { nullable: true }) @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId:
    string | null;
  @Field(() => String) @Column({ type: 'text', default: '' }) reference: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Field(() => String) @Column({ type: 'text', default: '' }) description: string;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Loaded by LedgerService.post and the report queries. */
  @Field(() => [LedgerEntry]) entries: LedgerEntry[];
}

@ObjectType({ description: 'One side of a posting: positive amounts are debits, negative are credits (fen)' })
@Entity('ledger_entry')
export class LedgerEntry {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Field(() => ID) @Column({ name: 'posting_id', type: 'uuid' }) postingId: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Field(() => LedgerAccount)
  @ManyToOne(() => LedgerAccount)
  @JoinColumn({ name: 'account_id' })
  account: Relation<LedgerAccount>;
  @Field(() => MoneyScalar) @Column({ type: 'bigint', transformer: fenTransformer }) amount: Fen;
  @Field(() => String) @Column({ type: 'text', default: 'CNY' }) currency: string;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'supplier_order_id', type: 'uuid', nullable: true })
  supplierOrderId: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'supplier_id', type: 'uuid', nullable: true }) supplierId:
    string | null;
  /** Part of the key: ledger_entry is partitioned by month of created_at (README, "Partitioning"). */
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz', primary: true }) createdAt: Date;
}
