// The server answers 404 for paths no page matches, from its own copy of the page patterns
// (libs/shared/core/src/client-routes.ts). This keeps that copy and src/routes.ts in step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_ROUTE_PATTERNS, isClientRoute } from '../../../../libs/shared/core/src/client-routes';
import { matchPath } from './route-match';

const routesSource = readFileSync(resolve(__dirname, '../routes.ts'), 'utf8');
const clientPatterns = [...routesSource.matchAll(/path:\s*'([^']+)'/g)].map((m) => m[1]);

describe('server copy of the page patterns', () => {
  it('reads the page table', () => {
    expect(clientPatterns).toContain('/products/:id');
    expect(clientPatterns.length).toBeGreaterThan(10);
  });

  it('every page of src/routes.ts is known to the server (else it would answer 404)', () => {
    const missing = clientPatterns.filter((p) => !CLIENT_ROUTE_PATTERNS.includes(p) && !CLIENT_ROUTE_PATTERNS.some((s) => s.endsWith('/*') && p.startsWith(s.slice(0, -1))));
    expect(missing).toEqual([]);
  });

  it('the server matcher agrees with the client router', () => {
    const samples = ['/', '/products', '/products/abc', '/products/abc/def', '/portal/agency', '/portal/agency/approvals', '/portal', '/nope', '/orders/', '/orders//', '/portal/findings/x'];
    for (const path of samples) {
      const client = CLIENT_ROUTE_PATTERNS.some((p) => matchPath(p, path) !== null);
      expect(isClientRoute(path), path).toBe(client);
    }
  });
});
