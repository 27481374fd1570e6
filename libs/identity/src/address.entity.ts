import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 收货地址 — one entry of a user's address book. Only its owner ever reads or changes it. */
@ObjectType({ description: '收货地址: an entry of the signed-in user’s address book' })
@Entity('customer_address')
export class CustomerAddress {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field(() => String, { description: '收货人' }) @Column('text') recipient: string;
  @Field(() => String, { description: 'Mainland mobile number (shown in full to its owner only)' })
  @Column('text')
  phone: string;
  @Field(() => String, { description: 'County, town or village (12-digit code)' })
  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;
  @Field(() => String, { description: 'Street, building, room' }) @Column('text') detail: string;
  @Field(() => Boolean) @Column({ name: 'is_default', type: 'boolean', default: false }) isDefault: boolean;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
