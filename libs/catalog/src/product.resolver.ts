import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IncomeShareService } from '@bangfu/attribution';
import {
  Allow,
  batchLoad,
  type Connection,
  Ctx,
  Db,
  groupBy,
  PageArgs,
  PUBLIC,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { Organization } from '@bangfu/identity';
import { MoneyScalar } from '@bangfu/money';
import { Region } from '@bangfu/region';
import { HouseholdService } from '@bangfu/supplier';
import { In } from 'typeorm';
import { Category } from './category.entity';
import { VARIANT_UNITS } from './catalog.rules';
import {
  CreateProductInput,
  IncomeShare,
  ProductConnection,
  ProductFilter,
  ProductSupplier,
  UpdateProductInput,
  UpdateVariantInput,
  VariantInput,
} from './catalog.types';
import { ImageService } from './image.service';
import { LotService } from './lot.service';
import { Product, ProductEvent, ProductImage } from './product.entity';
import { ProductSearchService, ProductSort } from './product-search.service';
import { ProductService } from './product.service';
import { Variant } from './variant.entity';
import { VariantService } from './variant.service';

const SUPPLIER_STAFF = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF] as const;

@Resolver(() => Product)
export class ProductResolver {
  constructor(
    private readonly db: Db,
    private readonly products: ProductService,
    private readonly search: ProductSearchService,
    private readonly variantService: VariantService,
    private readonly imageService: ImageService,
    private readonly lotService: LotService,
    private readonly households: HouseholdService,
    private readonly incomeShares: IncomeShareService,
  ) {}

  @Query(() => ProductConnection, {
    name: 'products',
    description: 'The public catalogue: published products of approved suppliers, with Chinese search and filters',
  })
  @Allow(PUBLIC)
  listProducts(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProductFilter, nullable: true }) filter?: ProductFilter | null,
    @Args('sort', {
      type: () => ProductSort,
      nullable: true,
      description: 'Default: relevance when searching, else newest',
    })
    sort?: ProductSort | null,
  ): Promise<Connection<Product>> {
    return this.search.search(ctx, filter ?? {}, page, sort);
  }

  @Query(() => Product, {
    nullable: true,
    description: 'A product; drafts only for its supplier’s staff (and admins, coordinators in scope)',
  })
  @Allow(PUBLIC)
  product(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Product | null> {
    return this.products.findVisible(ctx, id);
  }

  @Query(() => [String], { description: 'Units a variant may be sold in' })
  @Allow(PUBLIC)
  variantUnits(): string[] {
    return [...VARIANT_UNITS];
  }

  @Mutation(() => Product, { description: 'A new DRAFT product with its variants' })
  @Allow(...SUPPLIER_STAFF)
  createProduct(@Ctx() ctx: RequestContext, @Args('input') input: CreateProductInput): Promise<Product> {
    return this.products.create(ctx, input);
  }

  @Mutation(() => Product)
  @Allow(...SUPPLIER_STAFF)
  updateProduct(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProductInput): Promise<Product> {
    return this.products.update(ctx, input);
  }

  @Mutation(() => Product, {
    description: 'DRAFT/UNPUBLISHED → PUBLISHED: the supplier must be APPROVED and the origin in an ex-poverty county',
  })
  @Allow(...SUPPLIER_STAFF)
  publishProduct(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
  ): Promise<Product> {
    return this.products.publish(ctx, productId);
  }

  @Mutation(() => Product, {
    description: 'PUBLISHED → UNPUBLISHED (the supplier, or a platform admin taking a listing down)',
  })
  @Allow(...SUPPLIER_STAFF, Role.PLATFORM_ADMIN)
  unpublishProduct(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<Product> {
    return this.products.unpublish(ctx, productId, reason);
  }

  @Mutation(() => Variant)
  @Allow(...SUPPLIER_STAFF)
  async addVariant(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('input') input: VariantInput,
  ): Promise<Variant> {
    return this.db.transaction(ctx, async (tx) => {
      await this.products.requireOwnedBySupplierStaff(tx, productId, true);
      return this.variantService.add(tx, productId, input);
    });
  }

  @Mutation(() => Variant, { description: 'Prices, spec, unit, active flag and stock adjustments of a variant' })
  @Allow(...SUPPLIER_STAFF)
  async updateVariant(@Ctx() ctx: RequestContext, @Args('input') input: UpdateVariantInput): Promise<Variant> {
    return this.db.transaction(ctx, async (tx) => {
      const variant = await this.variantService.get(tx, input.variantId);
      await this.products.requireOwnedBySupplierStaff(tx, variant.productId);
      return this.variantService.update(tx, variant, input);
    });
  }

  @Mutation(() => Boolean, {
    description: 'Remove a product image (uploads go to POST /files/products/:productId/images)',
  })
  @Allow(...SUPPLIER_STAFF)
  removeProductImage(
    @Ctx() ctx: RequestContext,
    @Args('imageId', { type: () => ID }) imageId: string,
  ): Promise<boolean> {
    return this.imageService.remove(ctx, imageId);
  }

  @Mutation(() => [ProductImage], {
    description:
      'Sets the gallery order; imageIds lists every image of the product once (IMAGE_ORDER_MISMATCH otherwise)',
  })
  @Allow(...SUPPLIER_STAFF)
  reorderProductImages(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('imageIds', { type: () => [ID] }) imageIds: string[],
  ): Promise<ProductImage[]> {
    return this.imageService.reorder(ctx, productId, imageIds);
  }

  // ── fields (batched per request: a page of products costs one query per field, not one per product) ──

  @ResolveField(() => ProductSupplier)
  async supplier(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<ProductSupplier> {
    const org = await batchLoad(ctx, 'product.supplier', product.supplierId, async (c, ids: string[]) => {
      const orgs = await this.db
        .repo(c, Organization)
        .find({ where: { id: In(ids) }, select: { id: true, name: true } });
      return new Map(orgs.map((o) => [o.id, o]));
    });
    return { id: product.supplierId, name: org?.name ?? '' };
  }

  @ResolveField(() => Region, {
    description: 'Where the produce comes from; ask for path { code name } for province → county → village',
  })
  async originRegion(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<Region> {
    const region = await batchLoad(ctx, 'product.origin', product.originRegionCode, async (c, codes: string[]) => {
      const rows = await this.db.repo(c, Region).findBy({ code: In(codes) });
      return new Map(rows.map((r) => [r.code, r]));
    });
    return region!;
  }

  @ResolveField(() => Category, { nullable: true })
  async category(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<Category | null> {
    if (!product.categoryId) return null;
    const category = await batchLoad(ctx, 'product.category', product.categoryId, async (c, ids: string[]) => {
      const rows = await this.db.repo(c, Category).findBy({ id: In(ids) });
      return new Map(rows.map((r) => [r.id, r]));
    });
    return category ?? null;
  }

  @ResolveField(() => [Variant], { description: 'Active variants; its supplier’s staff also see inactive ones' })
  async variants(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<Variant[]> {
    const all = await this.variantsOf(ctx, product.id);
    return this.products.canManage(ctx, product) ? all : all.filter((v) => v.active);
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: 'The cheapest active variant’s retail price (fen)' })
  async minRetailPrice(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<number | null> {
    const prices = (await this.variantsOf(ctx, product.id)).filter((v) => v.active).map((v) => v.retailPrice);
    return prices.length ? Math.min(...prices) : null;
  }

  @ResolveField(() => [ProductImage])
  async images(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<ProductImage[]> {
    const images = await batchLoad(ctx, 'product.images', product.id, async (c, ids: string[]) =>
      groupBy(await this.imageService.listByProducts(c, ids), (i) => i.productId),
    );
    return images ?? [];
  }

  @ResolveField(() => IncomeShare)
  async incomeShare(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<IncomeShare> {
    const contributing = await batchLoad(ctx, 'product.households', product.id, (c, ids: string[]) =>
      this.lotService.contributingHouseholdCounts(c, ids),
    );
    const householdCount =
      contributing ??
      (await batchLoad(ctx, 'supplier.linkedHouseholds', product.supplierId, async (c, supplierIds: string[]) => {
        return new Map(
          await Promise.all(
            supplierIds.map(async (id) => [id, await this.households.linkedHouseholdCount(c, id)] as const),
          ),
        );
      })) ??
      0;
    const perUnit = await batchLoad(ctx, 'product.perUnitToHouseholds', product.id, (c, ids: string[]) =>
      this.incomeShares.perUnitToHouseholds(c, ids),
    );
    return { perUnitToHouseholds: perUnit ?? null, householdCount };
  }

  @ResolveField(() => [ProductEvent], {
    description: 'Status moves, for the supplier’s staff and platform admins (empty for others)',
  })
  statusHistory(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<ProductEvent[]> {
    return this.products.canManage(ctx, product) ? this.products.history(ctx, product.id) : Promise.resolve([]);
  }

  private async variantsOf(ctx: RequestContext, productId: string): Promise<Variant[]> {
    const variants = await batchLoad(ctx, 'product.variants', productId, async (c, ids: string[]) =>
      groupBy(await this.variantService.listByProducts(c, ids), (v) => v.productId),
    );
    return variants ?? [];
  }
}

@Resolver(() => Variant)
export class VariantResolver {
  @ResolveField(() => Int, { description: 'On hand minus reserved: what can still be ordered' })
  stockAvailable(@Parent() variant: Variant): number {
    return variant.stockOnHand - variant.stockReserved;
  }
}

@Resolver(() => ProductImage)
export class ProductImageResolver {
  constructor(private readonly imageService: ImageService) {}

  @ResolveField(() => String, {
    description: 'Where to fetch the image (relative /files/… unless a public bucket URL is configured)',
  })
  url(@Parent() image: ProductImage): string {
    return this.imageService.url(image);
  }

  @ResolveField(() => String, {
    description: 'A WebP at most 320 px on its longer side (the original for images uploaded before thumbnails)',
  })
  thumbnailUrl(@Parent() image: ProductImage): string {
    return this.imageService.thumbnailUrl(image);
  }
}
