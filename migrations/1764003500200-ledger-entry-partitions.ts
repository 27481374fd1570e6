import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildTable } from './partitioning';

/**
 * Issue 16 item 6: ledger_entry (~600 m rows a year nationally) is partitioned by Asia/Shanghai month
 * of `created_at`; the primary key becomes (id, created_at) (the identity keeps numbering). No foreign
 * key references ledger_entry; its own keys to ledger_posting and ledger_account stay.
 * ledger_posting stays one table: its `idempotency_key` must be unique across all time (a retried
 * payout months later must find its posting), and a partitioned table can only enforce uniqueness
 * together with the partition column. Postings are a third of the entries' rows.
 */
export class LedgerEntryPartitions1764003500200 implements MigrationInterface {
  name = 'LedgerEntryPartitions1764003500200';

  async up(q: QueryRunner): Promise<void> {
    await rebuildTable(q, {
      table: 'ledger_entry',
      partitionBy: 'created_at',
      keys: [`ALTER TABLE ledger_entry ADD PRIMARY KEY (id, created_at)`],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuildTable(q, { table: 'ledger_entry', keys: [`ALTER TABLE ledger_entry ADD PRIMARY KEY (id)`] });
  }
}
