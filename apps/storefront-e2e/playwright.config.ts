import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Playwright loads this file again in every worker: the port chosen by the runner is kept in the
 * environment the workers inherit, so all of them (and the web server) agree on it.
 */
function freePortSync(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script]).toString());
}
process.env.E2E_PORT ??= String(freePortSync());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * The API runs with Stripe configured against a local stand-in (src/support/stripe.ts, started by the
 * specs that pay) on this port: retail orders can only be paid online, and an unpaid order cannot
 * ship. The webhook secret is shared with the workers so the tests can sign Stripe's events.
 */
process.env.E2E_STRIPE_PORT ??= String(freePortSync());
process.env.E2E_STRIPE_WEBHOOK_SECRET ??= `whsec_${randomBytes(24).toString('hex')}`;
const stripeEnv = {
  STRIPE_SECRET_KEY: 'sk_test_bangfu_e2e_standin',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_bangfu_e2e_standin',
  STRIPE_WEBHOOK_SECRET: process.env.E2E_STRIPE_WEBHOOK_SECRET,
  STRIPE_API_HOST: '127.0.0.1',
  STRIPE_API_PORT: process.env.E2E_STRIPE_PORT,
  STRIPE_API_PROTOCOL: 'http',
};

export default defineConfig({
  testDir: 'src',
  outputDir: resolve(workspaceRoot, 'tmp/storefront-e2e/test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      // The system Chromium; `playwright install` (a download) is never needed.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    cwd: workspaceRoot,
    url: `${baseURL}/health`,
    env: { E2E_PORT: String(port), ...stripeEnv },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the server close the API and drop its database before Playwright moves on.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
