import { Module } from '@nestjs/common';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';
import { RegionService } from './region.service';

export const REGION_ENTITIES = [Region];

@Module({
  providers: [RegionService, RegionResolver],
  exports: [RegionService],
})
export class RegionModule {}
