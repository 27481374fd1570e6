import { Module } from '@nestjs/common';

export const SUPPLIER_ENTITIES = [];

@Module({
  providers: [],
  exports: [],
})
export class SupplierModule {}
