import { Injectable, Module } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { createUserWithRole, IdentityModule } from '@bangfu/identity';
import { type JobHandler, KNOWN_QUEUES, ProcessesQueue, QueueService } from '@bangfu/queue';
import { expectErrorCode, startTestServer, type TestServer, until } from '@bangfu/testing';

// The dead-letter list for admins: a job that keeps failing stays in its queue's failed set, shows
// up in failedJobs, and runs again after the cause is fixed.
const QUEUE = 'test-dead-letter';
let downstreamUp = false;
const handled: string[] = [];

@Injectable()
@ProcessesQueue(QUEUE)
class DownstreamHandler implements JobHandler<{ invoice: string }> {
  async handle(job: Job<{ invoice: string }>) {
    if (!downstreamUp) throw new Error(`downstream unavailable for ${job.data.invoice}`);
    handled.push(job.data.invoice);
    return 'sent';
  }
}

@Module({ providers: [DownstreamHandler] })
class DownstreamModule {}

let server: TestServer;
let admin: string;
let customer: string;

const FAILED = `query($q: String, $n: Int) { failedJobs(queue: $q, first: $n) { queue id name failedReason attemptsMade data timestamp failedAt } }`;
const RETRY = `mutation($q: String!, $id: ID!) { retryFailedJob(queue: $q, id: $id) }`;
const DISCARD = `mutation($q: String!, $id: ID!) { discardFailedJob(queue: $q, id: $id) }`;

async function failingJob(invoice: string): Promise<string> {
  const job = await server.app
    .get(QueueService)
    .add(QUEUE, 'send-invoice', { invoice }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
  await until(async () => ((await job.isFailed()) ? true : undefined), { what: `${invoice} to fail` });
  return String(job.id);
}

beforeAll(async () => {
  server = await startTestServer({
    imports: [IdentityModule, DownstreamModule],
    runWorkers: true,
  });
  const ds = server.app.get(DataSource);
  const a = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  admin = await server.login(a.email, a.password);
  const c = await createUserWithRole(ds, Role.CUSTOMER);
  customer = await server.login(c.email, c.password);
});
afterAll(() => server?.close());

describe('dead-letter list (failed jobs) for platform admins', () => {
  it('lists a job that used up its retries, retries it once the cause is fixed, and it completes', async () => {
    const id = await failingJob('INV-1');
    const listed = (await server.gqlOk(FAILED, { q: QUEUE }, admin)).failedJobs;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      queue: QUEUE,
      id,
      name: 'send-invoice',
      failedReason: 'downstream unavailable for INV-1',
      attemptsMade: 2,
    });
    expect(JSON.parse(listed[0].data)).toEqual({ invoice: 'INV-1' });
    expect(new Date(listed[0].failedAt).getTime()).toBeGreaterThanOrEqual(new Date(listed[0].timestamp).getTime());

    // Across every known queue: the app's fixed registry and the discovered handler's queue.
    const all = (await server.gqlOk(FAILED, {}, admin)).failedJobs;
    expect(all.map((j: { id: string; queue: string }) => `${j.queue}/${j.id}`)).toContain(`${QUEUE}/${id}`);
    const queues = (await server.gqlOk(`{ jobQueues { name failed completed } }`, {}, admin)).jobQueues;
    expect(queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining([...KNOWN_QUEUES, QUEUE]));
    expect(queues.find((q: { name: string }) => q.name === QUEUE)).toMatchObject({ failed: 1, completed: 0 });

    downstreamUp = true;
    expect((await server.gqlOk(RETRY, { q: QUEUE, id }, admin)).retryFailedJob).toBe(true);
    const job = (await server.app.get(QueueService).queue(QUEUE).getJob(id))!;
    await until(async () => ((await job.isCompleted()) ? true : undefined), { what: 'the retried job to complete' });
    expect(handled).toEqual(['INV-1']);
    expect((await server.gqlOk(FAILED, { q: QUEUE }, admin)).failedJobs).toEqual([]);
    // A job that is no longer failed cannot be retried again.
    expectErrorCode(await server.gql(RETRY, { q: QUEUE, id }, admin), 'JOB_NOT_FAILED');
    downstreamUp = false;
  });

  it('discards a failed job without running it', async () => {
    const id = await failingJob('INV-2');
    expect((await server.gqlOk(DISCARD, { q: QUEUE, id }, admin)).discardFailedJob).toBe(true);
    expect((await server.gqlOk(FAILED, { q: QUEUE }, admin)).failedJobs).toEqual([]);
    expect(await server.app.get(QueueService).queue(QUEUE).getJob(id)).toBeUndefined();
    expectErrorCode(await server.gql(RETRY, { q: QUEUE, id }, admin), 'NOT_FOUND');
    expect(handled).not.toContain('INV-2');
  });

  it('is for platform admins only, and refuses unknown queues and bad limits', async () => {
    const id = await failingJob('INV-3');
    expectErrorCode(await server.gql(FAILED, { q: QUEUE }, customer), 'FORBIDDEN');
    expectErrorCode(await server.gql(`{ jobQueues { name } }`, {}, customer), 'FORBIDDEN');
    expectErrorCode(await server.gql(RETRY, { q: QUEUE, id }, customer), 'FORBIDDEN');
    expectErrorCode(await server.gql(DISCARD, { q: QUEUE, id }, customer), 'FORBIDDEN');
    expectErrorCode(await server.gql(FAILED, { q: QUEUE }), 'UNAUTHENTICATED');
    // Refused calls changed nothing: the job is still in the failed list, not run.
    expect((await server.gqlOk(FAILED, { q: QUEUE }, admin)).failedJobs.map((j: { id: string }) => j.id)).toEqual([id]);
    expect(handled).not.toContain('INV-3');

    expectErrorCode(await server.gql(FAILED, { q: 'no-such-queue' }, admin), 'UNKNOWN_QUEUE');
    expectErrorCode(await server.gql(RETRY, { q: 'no-such-queue', id }, admin), 'UNKNOWN_QUEUE');
    expectErrorCode(await server.gql(FAILED, { q: QUEUE, n: 0 }, admin), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(RETRY, { q: QUEUE, id: 'nope' }, admin), 'NOT_FOUND');
  });
});
