import { Module } from '@nestjs/common';
import { ResponseCache } from '@bangfu/core';
import { AttributionModule } from '@bangfu/attribution';
import { IdentityModule } from '@bangfu/identity';
import { RegionModule } from '@bangfu/region';
import { StorageModule } from '@bangfu/storage';
import { SupplierModule } from '@bangfu/supplier';
import { CategoryResolver, LotResolver } from './catalog.resolver';
import { Category } from './category.entity';
import { CategoryService } from './category.service';
import { FilesController } from './files.controller';
import { ImageService } from './image.service';
import { Lot, LotContribution } from './lot.entity';
import { LotService } from './lot.service';
import { Product, ProductEvent, ProductImage } from './product.entity';
import { ProductImageResolver, ProductResolver, VariantResolver } from './product.resolver';
import { ProductSearchService } from './product-search.service';
import { ProductService } from './product.service';
import { StockService } from './stock.service';
import { Variant } from './variant.entity';
import { VariantService } from './variant.service';

export const CATALOG_ENTITIES = [Category, Product, ProductImage, ProductEvent, Variant, Lot, LotContribution];

@Module({
  imports: [RegionModule, IdentityModule, SupplierModule, AttributionModule, StorageModule],
  controllers: [FilesController],
  providers: [
    CategoryService,
    ProductService,
    ProductSearchService,
    VariantService,
    LotService,
    StockService,
    ImageService,
    CategoryResolver,
    ProductResolver,
    VariantResolver,
    ProductImageResolver,
    LotResolver,
  ],
  exports: [ProductService, VariantService, LotService, StockService, CategoryService, ImageService],
})
export class CatalogModule {
  /**
   * The public catalogue's queries answer every anonymous caller alike, so core's response cache may
   * keep them (invalidated by the catalog tables' change notifications; docs in this lib's README).
   */
  constructor(cache: ResponseCache) {
    cache.allowRootFields('products', 'product', 'categories', 'variantUnits');
  }
}
