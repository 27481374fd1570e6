import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { RequestContext } from '@bangfu/core';
import { addMonths, dayStart, shanghaiDate } from '@bangfu/locale';
import { ENSURE_PARTITIONS_JOB, PARTITIONS_QUEUE, PartitionJobs, QueueService } from '@bangfu/queue';
import {
  migrateDownAndUp,
  partitionsOf,
  shanghaiMonthSuffix,
  startWithDataSource,
  type TestServer,
} from '@bangfu/testing';
import { Accounts } from './chart';
import { PostingKind } from './ledger.entities';
import { LedgerModule } from './ledger.module';
import { LedgerService } from './ledger.service';

let server: TestServer;
let ds: DataSource;
let ledger: LedgerService;
const sys = () => RequestContext.system('ledger-partitions-spec');
const MIGRATION = 'LedgerEntryPartitions1764003500200';

beforeAll(async () => {
  ({ server, ds } = await startWithDataSource({
    imports: [LedgerModule],
    runWorkers: true, // the job added at start runs through the real worker
  }));
  ledger = server.app.get(LedgerService);
});
afterAll(() => server?.close());

const remittance = (amount = 500) =>
  ledger.post(sys(), {
    kind: PostingKind.COUNTER_REMITTANCE,
    idempotencyKey: `k-${randomUUID()}`,
    reference: 'r',
    entries: [
      { account: Accounts.cashBank(), amount },
      { account: Accounts.counterReceivable(randomUUID()), amount: -amount },
    ],
  });

const ensure = () => server.app.get(PartitionJobs).handle({ name: ENSURE_PARTITIONS_JOB, data: {} });

describe('ledger_entry partitions (issue 16 item 6)', () => {
  it('is partitioned by month with a DEFAULT partition and this month plus three ahead', async () => {
    const { partitioned, partitions } = await partitionsOf(ds, 'ledger_entry');
    expect(partitioned).toBe(true);
    const names = partitions.map((p) => p.name);
    expect(names).toContain('ledger_entry_default');
    for (const offset of [0, 1, 2, 3]) expect(names).toContain(`ledger_entry_p${shanghaiMonthSuffix(offset)}`);
    expect(await server.app.get(PartitionJobs).tables()).toContain('ledger_entry');
  });

  it('schedules the job daily and once at start', async () => {
    const queue = server.app.get(QueueService).queue(PARTITIONS_QUEUE);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toContainEqual(
      expect.objectContaining({ key: 'partitions-daily', pattern: '20 0 * * *', tz: 'Asia/Shanghai' }),
    );
    // The one added at start runs on the worker: nothing to create (the migration made the months).
    const started = (await queue.getJobs(['waiting', 'active', 'completed', 'failed'])).find(
      (j) => j.name === ENSURE_PARTITIONS_JOB && !j.repeatJobKey,
    );
    expect(started).toBeDefined();
    const end = Date.now() + 15_000;
    while (!['completed', 'failed'].includes(await started!.getState()) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    const done = await queue.getJob(started!.id!);
    expect(done?.returnvalue).toEqual([{ table: 'ledger_entry', created: [] }]);
  });

  it('moves a row of a month without a partition out of DEFAULT when the job creates that month', async () => {
    const posted = await remittance();
    const month = addMonths(shanghaiDate().slice(0, 7), 5);
    const at = new Date(dayStart(`${month}-01`).getTime() + 3600_000);
    const postingId = randomUUID();
    await ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO ledger_posting (id, kind, reference, idempotency_key) VALUES ($1, 'COUNTER_REMITTANCE', 'future', $2)`,
        [postingId, `future-${postingId}`],
      );
      await em.query(
        `INSERT INTO ledger_entry (posting_id, account_id, amount, created_at)
         SELECT $1, account_id, amount, $2 FROM ledger_entry WHERE posting_id = $3`,
        [postingId, at, posted.id],
      );
    });
    const where = async () =>
      (
        await ds.query(`SELECT DISTINCT tableoid::regclass::text AS p FROM ledger_entry WHERE posting_id = $1`, [
          postingId,
        ])
      ).map((r: { p: string }) => r.p);
    expect(await where()).toEqual(['ledger_entry_default']);

    const made = await ensure();
    const name = `ledger_entry_p${month.replace('-', '_')}`;
    expect(made).toContainEqual({ table: 'ledger_entry', created: [name] });
    expect(await where()).toEqual([name]);
    expect(Number((await ds.query(`SELECT count(*) AS n FROM ledger_entry_default`))[0].n)).toBe(0);
    // The moved month is append-only like every other (the partition carries the parent's triggers).
    await expect(
      ds.query(`UPDATE ledger_entry SET amount = amount WHERE posting_id = $1`, [postingId]),
    ).rejects.toThrow(/LEDGER_APPEND_ONLY/);
    // Idempotent: a second run creates nothing.
    expect(await ensure()).toContainEqual({ table: 'ledger_entry', created: [] });
  });

  it('gives up after the lock timeout instead of queueing every append behind a long lock (BullMQ retries)', async () => {
    const holder = ds.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`LOCK TABLE ledger_entry IN SHARE UPDATE EXCLUSIVE MODE`);
      await expect(ensure()).rejects.toThrow(/lock timeout/);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await ensure()).toContainEqual({ table: 'ledger_entry', created: [] });
  });

  it('still refuses an unbalanced posting at COMMIT, also when an entry is dated before its posting', async () => {
    const posted = await remittance();
    const [a] = await ds.query(`SELECT account_id FROM ledger_entry WHERE posting_id = $1 LIMIT 1`, [posted.id]);
    const attempt = (earlier: string) =>
      ds.transaction(async (em) => {
        const [p] = await em.query(
          `INSERT INTO ledger_posting (kind, reference, idempotency_key) VALUES ('COUNTER_REMITTANCE', 'x', $1) RETURNING id`,
          [`x-${randomUUID()}`],
        );
        await em.query(
          `INSERT INTO ledger_entry (posting_id, account_id, amount, created_at) VALUES ($1, $2, 100, now()), ($1, $2, -100, now() - $3::interval)`,
          [p.id, a.account_id, earlier],
        );
      });
    // Balanced but one side two months before its posting: the check reads from the posting's time on.
    await expect(attempt('2 months')).rejects.toThrow(/LEDGER_UNBALANCED/);
    await expect(attempt('0 seconds')).resolves.toBeUndefined();
  });

  it('keeps every entry through down and up again, and the identity goes on numbering', async () => {
    for (let i = 0; i < 5; i++) await remittance(100 + i);
    const { before, plain } = await migrateDownAndUp(
      ds,
      { migration: MIGRATION, table: 'ledger_entry', orderBy: 'id' },
      // Rows written to the plain table (the data a production database has) survive the conversion.
      async () => {
        for (let i = 0; i < 3; i++) await remittance(200 + i);
      },
    );
    expect(plain.rows).toBe(before.rows + 6);

    const [{ max }] = await ds.query(`SELECT max(id)::bigint AS max FROM ledger_entry`);
    const next = await remittance(300);
    expect(next.entries.every((e) => BigInt(e.id) > BigInt(max))).toBe(true);
    await expect(ds.query(`DELETE FROM ledger_entry WHERE posting_id = $1`, [next.id])).rejects.toThrow(
      /LEDGER_APPEND_ONLY/,
    );
  });
});
