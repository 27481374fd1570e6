import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildTable } from './partitioning';

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Issue 16 item 6: attribution_entry (~3 bn rows a year nationally, docs/SCALING.md) is partitioned by
 * Asia/Shanghai month of `occurred_at`, which is also its `period`: a month's reconciliation and
 * rollup rebuild read one partition, and old months can be detached. `occurred_at` comes from the
 * event (the line's count time, the refund's time), never from the clock, so adding it to the
 * idempotency key keeps the key's meaning: a redelivered event computes the same row, same month.
 * The primary key becomes (id, occurred_at). No foreign key references attribution_entry.
 */
export class AttributionEntryPartitions1764003500100 implements MigrationInterface {
  name = 'AttributionEntryPartitions1764003500100';

  async up(q: QueryRunner): Promise<void> {
    await rebuildTable(q, {
      table: 'attribution_entry',
      partitionBy: 'occurred_at',
      keys: [
        `ALTER TABLE attribution_entry ADD PRIMARY KEY (id, occurred_at)`,
        `CREATE UNIQUE INDEX attribution_entry_key_idx
           ON attribution_entry (order_line_id, event_key, beneficiary_key, COALESCE(lot_id, ${NIL}), occurred_at)`,
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuildTable(q, {
      table: 'attribution_entry',
      keys: [
        `ALTER TABLE attribution_entry ADD PRIMARY KEY (id)`,
        `CREATE UNIQUE INDEX attribution_entry_key_idx
           ON attribution_entry (order_line_id, event_key, beneficiary_key, COALESCE(lot_id, ${NIL}))`,
      ],
    });
  }
}
