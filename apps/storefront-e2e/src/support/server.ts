// A second marketplace for journeys that need other settings than the shared one (which has Stripe
// configured against a stand-in): scripts/e2e-server.mjs again, with the environment given here.
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
