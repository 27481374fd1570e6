import { Module } from '@nestjs/common';

export const CATALOG_ENTITIES = [];

@Module({
  providers: [],
  exports: [],
})
export class CatalogModule {}
