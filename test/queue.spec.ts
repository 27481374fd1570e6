import { Injectable, Module } from '@nestjs/common';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, until } from '@bangfu/testing';
import { type JobHandler, ProcessesQueue, QueueService, WorkerHost } from '@bangfu/queue';

const seen: string[] = [];
let failuresLeft = 2;

@Injectable()
@ProcessesQueue('test-echo')
class EchoHandler implements JobHandler<{ word: string }> {
  async handle(job: Job<{ word: string }>) {
    if (job.data.word === 'flaky' && failuresLeft-- > 0) throw new Error('transient');
    if (job.data.word === 'poison') throw new Error('always fails');
    seen.push(job.data.word);
    return job.data.word.toUpperCase();
  }
}

@Module({ providers: [EchoHandler] })
class EchoModule {}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ imports: [EchoModule], entities: [], runWorkers: true });
});
afterAll(() => server?.close());

describe('queues on real Redis', () => {
  it('runs discovered handlers in-process', async () => {
    expect(server.app.get(WorkerHost).running).toBe(1);
    const queues = server.app.get(QueueService);
    const job = await queues.add('test-echo', 'echo', { word: 'hello' });
    await until(async () => ((await job.isCompleted()) ? true : undefined));
    expect(seen).toContain('hello');
  });

  it('ignores a duplicate job id (idempotent enqueue)', async () => {
    const queues = server.app.get(QueueService);
    const a = await queues.add('test-echo', 'echo', { word: 'once' }, { jobId: 'dedupe-1' });
    const b = await queues.add('test-echo', 'echo', { word: 'once' }, { jobId: 'dedupe-1' });
    expect(b.id).toBe(a.id);
    await until(async () => ((await a.isCompleted()) ? true : undefined));
    expect(seen.filter((w) => w === 'once')).toHaveLength(1);
  });

  it('retries with backoff, and keeps a job that keeps failing in the failed list', async () => {
    const queues = server.app.get(QueueService);
    const flaky = await queues.add('test-echo', 'echo', { word: 'flaky' }, { backoff: { type: 'fixed', delay: 10 } });
    await until(async () => ((await flaky.isCompleted()) ? true : undefined));
    expect(seen).toContain('flaky');
    const poison = await queues.add(
      'test-echo',
      'echo',
      { word: 'poison' },
      { attempts: 2, backoff: { type: 'fixed', delay: 10 } },
    );
    await until(async () => ((await poison.isFailed()) ? true : undefined));
    const failed = await queues.queue('test-echo').getFailed();
    expect(failed.map((j) => j.id)).toContain(poison.id);
  });
});
