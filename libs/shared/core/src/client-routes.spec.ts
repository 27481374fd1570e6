import { describe, expect, it } from 'vitest';
import { clientPatternMatches, isClientRoute } from './client-routes';

describe('client route matcher (same rules as the storefront router)', () => {
  it('matches literal segments, one-segment params and a trailing rest', () => {
    expect(clientPatternMatches('/products/:id', '/products/abc')).toBe(true);
    expect(clientPatternMatches('/products/:id', '/products/abc/def')).toBe(false);
    expect(clientPatternMatches('/products/:id', '/products')).toBe(false);
    expect(clientPatternMatches('/portal/agency/*', '/portal/agency')).toBe(true);
    expect(clientPatternMatches('/portal/agency/*', '/portal/agency/approvals/x')).toBe(true);
    expect(clientPatternMatches('/orders', '/orders/')).toBe(true);
    expect(clientPatternMatches('/', '/')).toBe(true);
  });

  it('knows the pages and nothing else', () => {
    for (const path of ['/', '/login', '/signup', '/products/1', '/portal/admin/users', '/portal/findings/1'])
      expect(isClientRoute(path), path).toBe(true);
    for (const path of ['/nope', '/portal', '/products/1/2', '/login/x', '/portal/unknown'])
      expect(isClientRoute(path), path).toBe(false);
  });
});
