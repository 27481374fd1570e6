import { describe, expect, it } from 'vitest';
import { safeNextPath } from './route-match';

describe('safeNextPath', () => {
  it('only allows same-site paths', () => {
    expect(safeNextPath('/orders?x=1')).toBe('/orders?x=1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
