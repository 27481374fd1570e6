// Runs once per Vitest process. scripts/test.mjs normally starts Postgres and Redis once for the
// whole run and passes their URLs; when a developer runs vitest directly we start our own here.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTemplateDatabase } from './template-db';

export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];
  const needPg = !process.env.BANGFU_TEST_PG_URL;
  const needRedis = !process.env.BANGFU_TEST_REDIS_URL;
  if (needPg || needRedis) {
    // @ts-expect-error plain JS helper shared with the start script (not a library)
    // eslint-disable-next-line @nx/enforce-module-boundaries
    const { startPostgres, startRedis, killOnExit } = await import('../../../../scripts/lib/services.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'bangfu-vitest-'));
    chmodSync(dir, 0o755); // the postgres OS user must reach its data folder
    stops.push(async () => rmSync(dir, { recursive: true, force: true }));
    // Redis is per test project (scripts/test.mjs passes only the Postgres URL): a project's BullMQ
    // queues and keys then never meet another project's, and a Redis starts in milliseconds.
    if (needRedis) {
      const redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
      killOnExit([redis.child]);
      process.env.BANGFU_TEST_REDIS_URL = redis.url;
      stops.unshift(redis.stop);
    }
    if (needPg) {
      const pg = await startPostgres({ dataDir: join(dir, 'pg'), persistent: false, fast: true });
      killOnExit([pg.pg.process]);
      process.env.BANGFU_TEST_PG_URL = pg.url('postgres');
      stops.unshift(pg.stop);
    }
  }
  await ensureTemplateDatabase(process.env.BANGFU_TEST_PG_URL!);
  project.provide('pgUrl', process.env.BANGFU_TEST_PG_URL!);
  project.provide('redisUrl', process.env.BANGFU_TEST_REDIS_URL!);
  return async () => {
    for (const stop of stops) await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    redisUrl: string;
  }
}
