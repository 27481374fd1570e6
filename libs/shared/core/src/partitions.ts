import { SetMetadata } from '@nestjs/common';
import type { Db } from './db';
import type { RequestContext } from './request-context';

export const MONTHLY_PARTITIONS_KEY = 'bangfu:monthly-partitions';

/** How many months after the current one always have their partition (docs/ARCHITECTURE.md, "Partitioning"). */
export const PARTITION_MONTHS_AHEAD = 3;

const LOCK_TIMEOUT = '5s';

/**
 * Marks a provider of the lib that owns monthly-partitioned tables and lists them; the `partitions`
 * job (@bangfu/queue) finds every marked provider and keeps their partitions ahead.
 */
export const MonthlyPartitioned = (...tables: string[]) => SetMetadata(MONTHLY_PARTITIONS_KEY, tables);

export interface PartitionsCreated {
  table: string;
  created: string[];
}

/**
 * Creates this month's and the next `ahead` months' partitions of each table, and a partition for any
 * month found in its DEFAULT partition, moving those rows in (the SQL is `monthly_partitions_ensure`,
 * migration 1764003500000). One transaction per table, waiting at most 5 s for its lock; running it
 * again creates nothing.
 */
export async function ensureMonthlyPartitions(
  db: Db,
  ctx: RequestContext,
  tables: readonly string[],
  { ahead = PARTITION_MONTHS_AHEAD, now = new Date() }: { ahead?: number; now?: Date } = {},
): Promise<PartitionsCreated[]> {
  const out: PartitionsCreated[] = [];
  for (const table of tables) {
    const [row] = await db.transaction(ctx, async (tx) => {
      // Creating a partition locks the table briefly; behind a long query it would hold every append
      // up in the lock queue. Give up instead: the job fails and BullMQ retries it with backoff.
      await db.manager(tx).query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      return db
        .manager(tx)
        .query(`SELECT monthly_partitions_ensure($1::regclass, $2, $3) AS created`, [table, ahead, now]);
    });
    out.push({ table, created: row.created ?? [] });
  }
  return out;
}
