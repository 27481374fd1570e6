import { Injectable } from '@nestjs/common';
import { MonthlyPartitioned } from '@bangfu/core';

/** The attribution tables partitioned by month — attribution entries, by month of `occurred_at` (the rollups are updated in place: not partitioned); the `partitions` job keeps them ahead. */
@Injectable()
@MonthlyPartitioned('attribution_entry')
export class AttributionPartitions {}
