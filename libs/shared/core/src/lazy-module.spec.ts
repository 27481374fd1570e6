import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module';

const require = createRequire(import.meta.url);

describe('lazyModule', () => {
  it('loads the package on first use, not before, and once', () => {
    // csv-stringify's CommonJS build: nothing else in this test file's graph requires it.
    const id = require.resolve('csv-stringify/sync');
    expect(require.cache[id]).toBeUndefined();
    const csv = lazyModule<typeof import('csv-stringify/sync')>('csv-stringify/sync');
    expect(require.cache[id]).toBeUndefined();
    const first = csv();
    expect(require.cache[id]).toBeDefined();
    expect(first.stringify([['a', 1]])).toBe('a,1\n');
    expect(csv()).toBe(first);
  });
});
