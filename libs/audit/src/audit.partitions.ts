import { Injectable } from '@nestjs/common';
import { MonthlyPartitioned } from '@bangfu/core';

/** The audit tables partitioned by month — the hash-chained audit events, by month of `at`; the `partitions` job keeps them ahead. */
@Injectable()
@MonthlyPartitioned('audit_event')
export class AuditPartitions {}
