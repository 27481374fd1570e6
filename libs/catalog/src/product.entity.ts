import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
import { Category } from './category.entity';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

@ObjectType({ description: 'A product a supplier lists; sold through its variants (SKUs)' })
@Entity('product')
export class Product {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  /** supplier_profile.organization_id */
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId:
    string | null;
  @ManyToOne(() => Category, { nullable: true })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<Category> | null;
  @Field(() => String) @Column('text') title: string;
  @Field(() => String) @Column({ type: 'text', default: '' }) description: string;
  @Field(() => String, { description: 'County or village the produce comes from (12-digit code)' })
  @Column({ name: 'origin_region_code', type: 'text' })
  originRegionCode: string;
  @Field(() => ProductStatus) @Column({ type: 'text', default: ProductStatus.DRAFT }) status: ProductStatus;
  /** Space-joined jieba segments and characters; PostgreSQL derives search_vector from it. */
  @Column({ name: 'search_tokens', type: 'text', default: '' }) searchTokens: string;
  @Column({ name: 'pinyin_initials', type: 'text', default: '' }) pinyinInitials: string;
  /** Toneless pinyin syllables of the title's characters (see pinyin-tokens.ts); pinyin_vector is generated from it. */
  @Column({ name: 'pinyin_tokens', type: 'text', default: '' }) pinyinTokens: string;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A product photo kept in object storage' })
@Entity('product_image')
export class ProductImage {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Field(() => String) @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Field(() => Int) @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Field(() => Int, { description: 'Position in the gallery (0 first); reorderProductImages sets it' })
  @Column({ type: 'integer', default: 0 })
  sort: number;
  /** The 320 px WebP thumbnail's key; null for images stored before thumbnails existed. */
  @Column({ name: 'thumb_key', type: 'text', nullable: true }) thumbKey: string | null;
  @Field(() => Int, { nullable: true, description: 'Pixel width of the original' })
  @Column({ type: 'integer', nullable: true })
  width: number | null;
  @Field(() => Int, { nullable: true, description: 'Pixel height of the original' })
  @Column({ type: 'integer', nullable: true })
  height: number | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'One move of a product between DRAFT, PUBLISHED and UNPUBLISHED' })
@Entity('product_event')
export class ProductEvent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Field(() => ProductStatus, { nullable: true })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ProductStatus | null;
  @Field(() => ProductStatus) @Column({ name: 'to_status', type: 'text' }) toStatus: ProductStatus;
  @Field(() => ID, { nullable: true }) @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason: string | null;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
