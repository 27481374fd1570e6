// The server answers 404 for paths no page matches, from its own copy of the page patterns
// (libs/shared/core/src/client-routes.ts, read here as text: the storefront does not import server code).
// This keeps that copy and src/routes.ts in step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchPath, matchRoutes } from 'react-router';

const patternsIn = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);
const clientPatterns = patternsIn(readFileSync(resolve(__dirname, '../routes.ts'), 'utf8'), /path:\s*'([^']+)'/g);
const serverSource = readFileSync(resolve(__dirname, '../../../../libs/shared/core/src/client-routes.ts'), 'utf8');
const serverPatterns = patternsIn(
  serverSource.slice(serverSource.indexOf('CLIENT_ROUTE_PATTERNS'), serverSource.indexOf('];')),
  /'([^']+)'/g,
);

describe('server copy of the page patterns', () => {
  it('reads both tables', () => {
    expect(clientPatterns).toContain('/products/:id');
    expect(serverPatterns).toContain('/products/:id');
    expect(clientPatterns.length).toBeGreaterThan(10);
  });

  it('every page of src/routes.ts is answered by a server pattern (else the server would say 404)', () => {
    // A client pattern is covered when a server pattern matches a path built from it.
    const sample = (p: string) => p.replace(/:\w+/g, 'x').replace(/\/\*$/, '/any/rest');
    const missing = clientPatterns.filter(
      (p) => !serverPatterns.some((s) => matchPath({ path: s, caseSensitive: true }, sample(p)) !== null),
    );
    expect(missing).toEqual([]);
  });
});

describe('the page table under react-router', () => {
  const table = clientPatterns.map((path) => ({ path, caseSensitive: true }));
  const pick = (pathname: string) => matchRoutes(table, pathname)?.[0];

  it('sends every sample URL to its own line, whatever the order of the table', () => {
    const sample = (p: string) => p.replace(/:\w+/g, 'x').replace(/\/\*$/, '/any/rest');
    for (const p of clientPatterns) expect(pick(sample(p))?.route.path, p).toBe(p);
  });

  it('reads parameters and portal rests as the pages expect, and leaves unknown paths to the 404 page', () => {
    expect(pick('/products/%E8%8C%B6/')?.params).toEqual({ id: '茶' });
    expect(pick('/portal/admin/suspensions')?.route.path).toBe('/portal/admin/suspensions');
    expect(pick('/portal/admin/users/42')?.params).toEqual({ '*': 'users/42' });
    expect(pick('/portal/supplier')?.params).toEqual({ '*': '' });
    expect(pick('/Products')).toBeUndefined();
    expect(pick('/no/such/page')).toBeUndefined();
  });
});
