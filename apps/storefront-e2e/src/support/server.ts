// A second marketplace for journeys that need other settings than the shared one (which has Stripe
// configured against a stand-in): scripts/e2e-server.mjs again, with the environment given here.
import { test as playwrightTest } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface Marketplace {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    // SIGTERM lets the server close the API and drop its database (as Playwright's webServer does).
    child.kill('SIGTERM');
  });
}

/** Boots the built API + storefront with demo data; `env` replaces every `STRIPE_*` setting of this process. */
export async function startMarketplace(env: Record<string, string> = {}): Promise<Marketplace> {
  const port = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('STRIPE_')));
  const child = spawn(process.execPath, ['scripts/e2e-server.mjs'], {
    cwd: workspaceRoot,
    env: { ...base, ...env, E2E_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`e2e server exited (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop: () => stopChild(child) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopChild(child);
  throw new Error(`e2e server did not answer /health within 150 s:\n${stderr}`);
}

/**
 * A Playwright `test` whose pages run on a marketplace of their own, started once per worker with
 * `env` (e.g. without Stripe, where retail pays by bank transfer). Each call makes a new fixture
 * definition, so each spec file that calls it gets its own marketplace.
 */
export function testOnOwnMarketplace(env: Record<string, string> = {}) {
  return playwrightTest.extend<object, { marketplace: Marketplace }>({
    marketplace: [
      // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter
      async ({}, use) => {
        const m = await startMarketplace(env);
        await use(m);
        await m.stop();
      },
      { scope: 'worker', timeout: 180_000 },
    ],
    baseURL: async ({ marketplace }, use) => use(marketplace.url),
  });
}
