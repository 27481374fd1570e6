import { describe, expect, it } from 'vitest';
import { matchPath, safeNextPath } from './route-match';

describe('matchPath', () => {
  it('matches static paths, ignoring a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/login', '/login/')).toEqual({});
    expect(matchPath('/login', '/')).toBeNull();
    expect(matchPath('/', '/login')).toBeNull();
  });

  it('captures decoded params and wildcard rests', () => {
    expect(matchPath('/products/:id', '/products/%E8%8C%B6')).toEqual({ id: '茶' });
    expect(matchPath('/products/:id', '/products')).toBeNull();
    expect(matchPath('/portal/*', '/portal/agency/orders')).toEqual({ '*': 'agency/orders' });
  });
});

describe('safeNextPath', () => {
  it('only allows same-site paths', () => {
    expect(safeNextPath('/orders?x=1')).toBe('/orders?x=1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
