import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { RequestContext } from '@bangfu/core';
import { PartitionJobs } from '@bangfu/queue';
import {
  count,
  migrateDownAndUp,
  partitionsOf,
  shanghaiMonthSuffix,
  startWithDataSource,
  type TestServer,
} from '@bangfu/testing';
import { AuditChainService } from './audit-chain.service';
import { AuditModule } from './audit.module';

let server: TestServer;
let ds: DataSource;
const MIGRATION = 'AuditEventPartitions1764003500300';
const started = new Date(Date.now() - 60_000);

beforeAll(async () => {
  ({ server, ds } = await startWithDataSource({ imports: [AuditModule] }));
});
afterAll(() => server?.close());

async function append(n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await ds.query(
      `INSERT INTO audit_event (kind, operation, outcome, region_code, request_id) VALUES ('GRAPHQL', 'op', 'OK', '520621000000', $1)`,
      [randomUUID()],
    );
}
const verifyAll = () =>
  server.app.get(AuditChainService).verify(RequestContext.system('spec'), started, new Date(Date.now() + 1000));

describe('audit_event partitions (issue 16 item 6)', () => {
  it('is partitioned by month of `at`; an appended event lands in this month and chains as before', async () => {
    const { partitioned, partitions } = await partitionsOf(ds, 'audit_event');
    expect(partitioned).toBe(true);
    expect(partitions.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'audit_event_default',
        `audit_event_p${shanghaiMonthSuffix(0)}`,
        `audit_event_p${shanghaiMonthSuffix(3)}`,
      ]),
    );
    expect(server.app.get(PartitionJobs).tables()).toContain('audit_event');
    await append(3);
    const rows = await ds.query(`SELECT DISTINCT tableoid::regclass::text AS p FROM audit_event`);
    expect(rows).toEqual([{ p: `audit_event_p${shanghaiMonthSuffix(0)}` }]);
    expect(await verifyAll()).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it('refuses an event whose time the caller supplies (nobody backdates into an old month)', async () => {
    await expect(
      ds.query(
        `INSERT INTO audit_event (kind, operation, outcome, request_id, at) VALUES ('GRAPHQL', 'op', 'OK', 'r', '2025-01-01T00:00:00Z')`,
      ),
    ).rejects.toThrow(/AUDIT_APPEND_ONLY/);
  });

  it('keeps the chain verifiable through down and up again, with events written in between', async () => {
    await append(5);
    const { plain } = await migrateDownAndUp(
      ds,
      { migration: MIGRATION, table: 'audit_event', orderBy: 'seq' },
      async () => {
        await append(4); // events of the plain table, as a production database has them
        const rows = await count(ds, `SELECT count(*) FROM audit_event`);
        expect(await verifyAll()).toMatchObject({ ok: true, checkedCount: rows });
      },
    );
    await append(2);
    const v = await verifyAll();
    expect(v).toMatchObject({ ok: true, checkedCount: plain.rows + 2, firstBrokenEventId: null });
    const [{ seqs }] = await ds.query(`SELECT array_agg(seq::int ORDER BY seq) AS seqs FROM audit_event`);
    expect(seqs).toEqual(Array.from({ length: plain.rows + 2 }, (_, i) => i + 1));
  });
});
