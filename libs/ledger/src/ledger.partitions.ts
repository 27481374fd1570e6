import { Injectable } from '@nestjs/common';
import { MonthlyPartitioned } from '@bangfu/core';

/** The ledger tables partitioned by month — ledger entries, by month of `created_at` (postings stay one table: README); the `partitions` job keeps them ahead. */
@Injectable()
@MonthlyPartitioned('ledger_entry')
export class LedgerPartitions {}
