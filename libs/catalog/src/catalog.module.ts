import { Module } from '@nestjs/common';
import { AttributionModule } from '@bangfu/attribution';
import { IdentityModule } from '@bangfu/identity';
import { RegionModule } from '@bangfu/region';
import { SupplierModule } from '@bangfu/supplier';
import { Batcher } from './batch';
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
import { OBJECT_STORAGE } from './storage/object-storage';
import { createObjectStorage } from './storage/storage.factory';
import { Variant } from './variant.entity';
import { VariantService } from './variant.service';

export const CATALOG_ENTITIES = [Category, Product, ProductImage, ProductEvent, Variant, Lot, LotContribution];

@Module({
  imports: [RegionModule, IdentityModule, SupplierModule, AttributionModule],
  controllers: [FilesController],
  providers: [
    // Core config cannot be extended from here, so storage reads its own variables (STORAGE_DIR, S3_*).
    { provide: OBJECT_STORAGE, useFactory: () => createObjectStorage(process.env) },
    Batcher,
    CategoryService,
    ProductService,
    ProductSearchService,
    VariantService,
    LotService,
    ImageService,
    CategoryResolver,
    ProductResolver,
    VariantResolver,
    ProductImageResolver,
    LotResolver,
  ],
  exports: [ProductService, VariantService, LotService, CategoryService, ImageService, OBJECT_STORAGE],
})
export class CatalogModule {}
