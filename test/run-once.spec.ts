import { Injectable, Module } from '@nestjs/common';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseService, ProcessesQueue, QueueService } from '@bangfu/queue';
import { startTestServer, type TestServer } from '@bangfu/testing';

// Two application instances (as two worker processes would be) on one database and one Redis prefix:
// a scheduled job must run once at a time across both, and a lease dies with its holder's session.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ticks = { running: 0, most: 0, ran: 0 };

@Injectable()
@ProcessesQueue('test-tick', { concurrency: 4 })
class SlowTick {
  async handle() {
    ticks.running++;
    ticks.most = Math.max(ticks.most, ticks.running);
    await sleep(300); // three times the schedule's period: the next ticks arrive while it runs
    ticks.running--;
    ticks.ran++;
  }
}

@Module({ providers: [SlowTick] })
class TickModule {}

let one: TestServer;
let two: TestServer;
beforeAll(async () => {
  one = await startTestServer({ imports: [TickModule], entities: [], runWorkers: true });
  two = await startTestServer({
    imports: [TickModule],
    entities: [],
    runWorkers: true,
    env: { DATABASE_URL: one.config.DATABASE_URL, REDIS_PREFIX: one.config.REDIS_PREFIX },
  });
});
afterAll(async () => {
  await one?.app.get(QueueService).queue('test-tick').removeJobScheduler('tick');
  await two?.close();
  await one?.close();
});

describe('run once across processes', () => {
  it('a scheduled job never runs twice at the same time, whichever worker takes the tick', async () => {
    await one.app.get(QueueService).queue('test-tick').upsertJobScheduler('tick', { every: 100 }, { name: 'tick' });
    await sleep(2_500);
    expect(ticks.ran).toBeGreaterThanOrEqual(3);
    expect(ticks.most).toBe(1);
  });

  it('LeaseService.runExclusive: a held lease makes other callers skip; a holder whose connection dies frees it', async () => {
    const lease = one.app.get(LeaseService);
    // Holder 1 in this process: a second caller meanwhile skips, and may run once it is done.
    let release!: () => void;
    const first = lease.runExclusive('spec-lease', () => new Promise<string>((r) => (release = () => r('first'))));
    await sleep(100);
    expect(await lease.runExclusive('spec-lease', async () => 'second')).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await lease.runExclusive('spec-lease', async () => 'third')).toEqual({ ran: true, value: 'third' });

    // Holder 2, "another process", is killed: its socket closes without a goodbye.
    const other = new pg.Client({ connectionString: one.config.DATABASE_URL });
    await other.connect();
    other.on('error', () => undefined);
    await other.query(`SELECT pg_advisory_lock(hashtextextended('bangfu:lease:spec-lease', 0))`);
    expect(await lease.runExclusive('spec-lease', async () => 'blocked')).toEqual({ ran: false });
    (other as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    let after: unknown = { ran: false };
    for (let i = 0; i < 50 && !(after as { ran: boolean }).ran; i++) {
      await sleep(100);
      after = await lease.runExclusive('spec-lease', async () => 'taken over');
    }
    expect(after).toEqual({ ran: true, value: 'taken over' });
  });
});
