import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The README's first command, for real: embedded Postgres + private Redis, migrations, demo data,
// one port; Ctrl-C leaves no orphans; a restart keeps the data. The data folder is private (0700),
// like a checkout in root's home: as root the postgres OS user cannot enter it, so the cluster must
// live in the shared folder behind a symlink.
const root = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'bangfu-start-'));
chmodSync(dataDir, 0o700);
/** Where the cluster really is (the shared folder as root, else the data folder itself). */
const clusterDir = () => (existsSync(join(dataDir, 'postgres')) ? realpathSync(join(dataDir, 'postgres')) : dataDir);
let cluster = dataDir;
afterAll(() => {
  rmSync(cluster, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    BANGFU_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m && out.includes('press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });
}

async function gql(url: string, query: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

/** Processes whose command line mentions the data dir: a leftover postgres or redis-server. */
const leftovers = () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => {
      try {
        return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`;
      } catch {
        return '';
      }
    })
    .filter((line) => line.includes(dataDir) || line.includes(cluster))
    .join('\n');

describe('npm start (embedded default)', () => {
  it('serves GraphQL, health and demo logins; stops cleanly; keeps data across restarts', async () => {
    const first = await start();
    cluster = clusterDir();
    expect(first.output()).toContain('customer@demo.bangfu');
    expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ status: 'ok' });
    expect(await gql(first.url, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    const login = await gql(
      first.url,
      'mutation { login(identifier: "purchaser@demo.bangfu", password: "bangfu-demo") { token } }',
    );
    expect(login.data.login.token).toMatch(/^ey/);
    const reg = await gql(
      first.url,
      'mutation { registerCustomer(input: { email: "kept@test.bangfu", displayName: "留存", password: "kept-password" }) { accepted } }',
    );
    expect(reg.data.registerCustomer.accepted).toBe(true);
    expect(await stop(first.child)).toBe(0);
    expect(leftovers()).toBe('');

    const second = await start();
    const again = await gql(
      second.url,
      'mutation { login(identifier: "kept@test.bangfu", password: "kept-password") { token } }',
    );
    expect(again.data.login.token).toMatch(/^ey/);
    expect(second.output()).not.toContain('demo data loaded');
    expect(await stop(second.child)).toBe(0);
    expect(leftovers()).toBe('');
  }, 240_000);
});
