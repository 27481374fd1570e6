import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PUBLIC, type RequestContext, Role } from '@bangfu/core';
import { Category } from './category.entity';
import { CategoryService } from './category.service';
import { CreateCategoryInput, CreateLotInput } from './catalog.types';
import { Lot } from './lot.entity';
import { LotService } from './lot.service';

@Resolver(() => Category)
export class CategoryResolver {
  constructor(private readonly categoryService: CategoryService) {}

  @Query(() => [Category], { description: 'The category tree as a flat list (parentId links children to parents)' })
  @Allow(PUBLIC)
  categories(@Ctx() ctx: RequestContext): Promise<Category[]> {
    return this.categoryService.list(ctx);
  }

  @Mutation(() => Category)
  @Allow(Role.PLATFORM_ADMIN)
  createCategory(@Ctx() ctx: RequestContext, @Args('input') input: CreateCategoryInput): Promise<Category> {
    return this.categoryService.create(ctx, input);
  }
}

@Resolver(() => Lot)
export class LotResolver {
  constructor(private readonly lotService: LotService) {}

  @Mutation(() => Lot, {
    description: 'Record a harvest lot; its quantity (the sum of contributions) is added to the variant’s stock',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  createLot(@Ctx() ctx: RequestContext, @Args('input') input: CreateLotInput): Promise<Lot> {
    return this.lotService.create(ctx, input);
  }

  @Query(() => [Lot], { description: 'Lots of a variant, newest harvest first' })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  lots(@Ctx() ctx: RequestContext, @Args('variantId', { type: () => ID }) variantId: string): Promise<Lot[]> {
    return this.lotService.listForVariant(ctx, variantId);
  }
}
