// Runs once per Vitest process. scripts/test.mjs normally starts Postgres and Redis once for the
// whole run and passes their URLs; when a developer runs vitest directly we start our own here.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTemplateDatabase } from './template-db';

export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];
  if (!process.env.BANGFU_TEST_PG_URL || !process.env.BANGFU_TEST_REDIS_URL) {
    // @ts-expect-error plain JS helper shared with the start script (not a library)
    // eslint-disable-next-line @nx/enforce-module-boundaries
    const { startPostgres, startRedis, killOnExit } = await import('../../../../scripts/lib/services.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'bangfu-vitest-'));
    chmodSync(dir, 0o755); // the postgres OS user must reach its data folder
    const pg = await startPostgres({ dataDir: join(dir, 'pg'), persistent: false, fast: true });
    const redis = await startRedis({ dataDir: join(dir, 'redis'), persistent: false });
    killOnExit([pg.pg.process, redis.child]);
    process.env.BANGFU_TEST_PG_URL = pg.url('postgres');
    process.env.BANGFU_TEST_REDIS_URL = redis.url;
    stops.push(redis.stop, pg.stop, async () => rmSync(dir, { recursive: true, force: true }));
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
