import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A node of the product category tree (e.g. 茶叶 › 绿茶)' })
@Entity('category')
export class Category {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId:
    string | null;
  @Field(() => String, { description: 'Stable slug: lowercase letters, digits and dashes' })
  @Column('text')
  code: string;
  @Field(() => String) @Column('text') name: string;
  @Field(() => String) @Column({ name: 'name_en', type: 'text', default: '' }) nameEn: string;
  @Field(() => Int) @Column({ type: 'integer', default: 0 }) sort: number;
}
