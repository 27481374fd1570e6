import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { fenTransformer, MoneyScalar } from '@bangfu/money';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Product } from './product.entity';

@ObjectType({ description: 'A sellable SKU of a product: spec, unit, three prices in fen, stock' })
@Entity('variant')
export class Variant {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @ManyToOne(() => Product)
  @JoinColumn({ name: 'product_id' })
  product?: Relation<Product>;
  @Field(() => String) @Column('text') sku: string;
  @Field(() => String, { description: 'e.g. 250g×2罐' }) @Column('text') spec: string;
  @Field(() => String, { description: 'Selling unit: kg, g, 斤, 箱, 盒, 袋, 瓶, 罐, 个, 只, 头, 件, 份' })
  @Column('text')
  unit: string;
  @Field(() => MoneyScalar, { description: 'Price for the public (fen)' })
  @Column({ name: 'retail_price', type: 'bigint', transformer: fenTransformer })
  retailPrice: number;
  @Field(() => MoneyScalar, { description: 'Price for agencies (budget units) (fen)' })
  @Column({ name: 'agency_price', type: 'bigint', transformer: fenTransformer })
  agencyPrice: number;
  @Field(() => MoneyScalar, { description: 'Market reference price, for comparison (fen)' })
  @Column({ name: 'market_reference_price', type: 'bigint', transformer: fenTransformer })
  marketReferencePrice: number;
  @Field(() => Int) @Column({ name: 'stock_on_hand', type: 'integer', default: 0 }) stockOnHand: number;
  @Field(() => Int, { description: 'Held by open orders' })
  @Column({ name: 'stock_reserved', type: 'integer', default: 0 })
  stockReserved: number;
  @Field(() => Boolean) @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;

  /** On hand minus reserved: what can still be ordered. */
  get stockAvailable(): number {
    return this.stockOnHand - this.stockReserved;
  }
}
