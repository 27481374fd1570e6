import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

@ObjectType({ description: 'A household’s share of a lot (names are the household domain’s to show)' })
@Entity('lot_contribution')
export class LotContribution {
  @PrimaryColumn({ name: 'lot_id', type: 'uuid' }) lotId: string;
  @Field(() => ID) @PrimaryColumn({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Field(() => Int) @Column('integer') quantity: number;
  @ManyToOne(() => Lot, (lot) => lot.contributions)
  @JoinColumn({ name: 'lot_id' })
  lot?: Relation<Lot>;
}

@ObjectType({ description: '批次 — a harvest batch of a variant with the households that contributed to it' })
@Entity('lot')
export class Lot {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'variant_id', type: 'uuid' }) variantId: string;
  @Field(() => String) @Column({ name: 'lot_no', type: 'text' }) lotNo: string;
  @Field(() => String, { description: 'Harvest date, YYYY-MM-DD' })
  @Column({ name: 'harvested_on', type: 'date' })
  harvestedOn: string;
  @Field(() => Int, { description: 'Sum of the contributions, in the variant’s unit' })
  @Column('integer')
  quantity: number;
  @Field(() => Int, { description: 'Not yet shipped' }) @Column('integer') remaining: number;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => [LotContribution])
  @OneToMany(() => LotContribution, (c) => c.lot)
  contributions: Relation<LotContribution>[];
}
