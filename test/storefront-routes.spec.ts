// Issue 15 item 7: unknown paths answer 404 (with the SPA, which shows its not-found page); item 6:
// the public apiInfo says whether demo data is on, so the sign-in page shows the demo password only then.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';

const storefront = mkdtempSync(join(tmpdir(), 'bangfu-routes-'));
mkdirSync(join(storefront, 'assets'));
writeFileSync(join(storefront, 'index.html'), '<!doctype html><html><body><div id="root"></div>帮扶</body></html>');
let server: TestServer;

beforeAll(async () => {
  server = await startApp({ STOREFRONT_DIR: storefront, DEMO_DATA: 'true' });
});
afterAll(async () => {
  await server?.close();
  rmSync(storefront, { recursive: true, force: true });
});

const page = (path: string) => fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });

describe('storefront paths', () => {
  it('answers 200 with the SPA for paths the client router knows', async () => {
    for (const path of [
      '/',
      '/login',
      '/signup',
      '/reset-password',
      '/products',
      '/products/9b2f',
      '/orders/123',
      '/portal/agency',
      '/portal/agency/approvals',
      '/portal/admin/users',
      '/portal/findings/abc',
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('帮扶');
    }
  });

  it('answers 404 with the SPA (its not-found page) for paths no page matches', async () => {
    for (const path of [
      '/nope',
      '/products/9b2f/extra',
      '/portal',
      '/portal/unknown',
      '/login/more',
      '/wp-admin.php',
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<div id="root">');
    }
  });

  it('still leaves API paths to the API', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('apiInfo', () => {
  it('tells the public whether demo data is on', async () => {
    const data = await server.gqlOk('{ apiInfo { name demoData } }');
    expect(data.apiInfo).toEqual({ name: 'bangfu', demoData: true });
  });
});
