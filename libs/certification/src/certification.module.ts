import { Module } from '@nestjs/common';

export const CERTIFICATION_ENTITIES = [];

@Module({
  providers: [],
  exports: [],
})
export class CertificationModule {}
