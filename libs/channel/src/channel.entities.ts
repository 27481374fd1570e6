import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { fenTransformer, MoneyScalar } from '@bangfu/money';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum ChannelKind {
  HALL = 'HALL',
  ZONE = 'ZONE',
  COUNTER = 'COUNTER',
}
registerEnumType(ChannelKind, {
  name: 'ChannelKind',
  description:
    '三专: HALL 专馆 (online or physical), ZONE 专区 (inside a partner store or site), COUNTER 专柜 (smart vending counter)',
});

export enum ChannelStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(ChannelStatus, { name: 'ChannelStatus' });

@ObjectType({ description: '三专 — a hall, zone or counter where assistance products are sold' })
@Entity('channel')
export class Channel {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ChannelKind) @Column('text') kind: ChannelKind;
  @Field(() => String) @Column('text') name: string;
  @Field(() => Boolean, { description: 'An online hall (only HALL may be online)' })
  @Column({ type: 'boolean', default: false })
  online: boolean;
  @Column({ name: 'region_code', type: 'text', nullable: true }) regionCode: string | null;
  @Field(() => String) @Column({ type: 'text', default: '' }) address: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation running the channel (partner store, counter operator)',
  })
  @Column({ name: 'operator_org_id', type: 'uuid', nullable: true })
  operatorOrgId: string | null;
  @Field(() => Boolean, { description: 'Only certified assistance products may be placed here' })
  @Column({ name: 'assistance_only', type: 'boolean', default: true })
  assistanceOnly: boolean;
  @Field(() => String, { nullable: true, description: 'COUNTER only: the id the device reports under (not a secret)' })
  @Column({ name: 'device_id', type: 'text', nullable: true })
  deviceId: string | null;
  /** HMAC key of a COUNTER. Never a GraphQL field and never selected unless asked for. */
  @Column({ name: 'device_secret', type: 'text', nullable: true, select: false }) deviceSecret?: string | null;
  @Field(() => ChannelStatus) @Column({ type: 'text', default: ChannelStatus.ACTIVE }) status: ChannelStatus;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('channel_product')
export class ChannelProduct {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'placed_by_user_id', type: 'uuid', nullable: true }) placedByUserId: string | null;
  @CreateDateColumn({ name: 'placed_at', type: 'timestamptz' }) placedAt: Date;
}

@ObjectType()
export class CounterReportLine {
  @Field(() => ID) variantId: string;
  @Field(() => Int) quantity: number;
  @Field(() => MoneyScalar, { description: 'Unit retail price in fen' }) unitPrice: number;
}

@ObjectType({ description: 'A sales report a counter sent, recorded once per reportId' })
@Entity('counter_report')
export class CounterReport {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @Field(() => String) @Column({ name: 'report_id', type: 'text' }) reportId: string;
  @Column({ type: 'text' }) nonce: string;
  @Field(() => Date, { description: 'When the counter sold (soldAt)' })
  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
  @Field(() => Date) @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Field(() => [CounterReportLine]) @Column({ type: 'jsonb' }) lines: CounterReportLine[];
  @Field(() => MoneyScalar)
  @Column({ name: 'total_amount', type: 'bigint', transformer: fenTransformer })
  totalAmount: number;
  @Field(() => ID, {
    nullable: true,
    description: 'The order this report became (a settled counter sale in this channel)',
  })
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;
}

@ObjectType({ description: 'A refused counter request, kept for operators to investigate' })
@Entity('counter_rejection')
export class CounterRejection {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => String) @Column({ name: 'device_id', type: 'text' }) deviceId: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'channel_id', type: 'uuid', nullable: true }) channelId:
    string | null;
  @Field(() => String, { description: 'Stable code, e.g. BAD_SIGNATURE' }) @Column('text') reason: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'remote_ip', type: 'text', nullable: true }) remoteIp:
    string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
