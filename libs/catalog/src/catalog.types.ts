import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@bangfu/core';
import { MoneyScalar } from '@bangfu/money';
import { Product } from './product.entity';

@InputType()
export class CreateCategoryInput {
  @Field(() => String, { description: 'Slug: lowercase letters, digits, dashes' }) code: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) nameEn?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => Int, { nullable: true }) sort?: number | null;
}

@InputType()
export class VariantInput {
  @Field(() => String, { description: 'Unique across the platform' }) sku: string;
  @Field(() => String) spec: string;
  @Field(() => String, { description: 'One of kg, g, 斤, 箱, 盒, 袋, 瓶, 罐, 个, 只, 头, 件, 份' }) unit: string;
  @Field(() => MoneyScalar) retailPrice: number;
  @Field(() => MoneyScalar) agencyPrice: number;
  @Field(() => MoneyScalar) marketReferencePrice: number;
  @Field(() => Int, { nullable: true, description: 'Initial stock on hand (default 0); lots add to it' }) stockOnHand?:
    number | null;
}

@InputType()
export class CreateProductInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The supplier organisation; may be omitted when the caller works for exactly one',
  })
  supplierId?: string | null;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => String, { description: 'County or village code; must lie in an ex-poverty county to publish' })
  originRegionCode: string;
  @Field(() => [VariantInput]) variants: VariantInput[];
}

@InputType()
export class UpdateProductInput {
  @Field(() => ID) productId: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true, description: 'Omit to keep; null to clear' }) categoryId?: string | null;
  @Field(() => String, { nullable: true }) originRegionCode?: string | null;
}

@InputType()
export class UpdateVariantInput {
  @Field(() => ID) variantId: string;
  @Field(() => String, { nullable: true }) spec?: string | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) retailPrice?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) agencyPrice?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) marketReferencePrice?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Units to add (negative: remove); refused if stock would drop below zero or below reserved',
  })
  stockAdjustment?: number | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType()
export class LotContributionInput {
  @Field(() => ID) householdId: string;
  @Field(() => Int) quantity: number;
}

@InputType()
export class CreateLotInput {
  @Field(() => ID) variantId: string;
  @Field(() => String, { description: 'Unique per variant' }) lotNo: string;
  @Field(() => String, { description: 'YYYY-MM-DD, not in the future' }) harvestedOn: string;
  @Field(() => [LotContributionInput]) contributions: LotContributionInput[];
}

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Chinese text or pinyin initials (fjs → 梵净山)' }) search?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Origin region subtree: a 12-digit code or a 2/4/6/9-digit prefix',
  })
  regionCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only products with a certification valid today' })
  certifiedOnly?: boolean | null;
  @Field(() => ID, { nullable: true }) channelId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Includes sub-categories' }) categoryId?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'On the cheapest active variant’s retail price' })
  minPrice?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) maxPrice?: number | null;
  @Field(() => ID, {
    nullable: true,
    description: 'One supplier; its own staff also see drafts and unpublished products',
  })
  supplierId?: string | null;
}

@ObjectType({ description: 'The supplier behind a product (the full Supplier type belongs to the supplier domain)' })
export class ProductSupplier {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
}

@ObjectType({ description: 'What a product does for farmer households' })
export class IncomeShare {
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Fixed payout per unit to the households whose lots shipped; null until the product has an attribution rule',
  })
  perUnitToHouseholds: number | null;
  @Field(() => Int, {
    description:
      'Households that contributed to this product’s lots, or linked to its supplier when there are no lots yet',
  })
  householdCount: number;
}

export const ProductConnection = Paginated(Product);
