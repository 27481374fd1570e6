import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on first use instead of at start. For heavy packages only some requests
 * need (spreadsheets, image decoding, the Chinese segmenter's dictionary): each costs the API 10–30 MB
 * of resident memory from the moment it is imported, whether or not a request ever uses it. The load
 * is synchronous (a `require`), so callers keep synchronous signatures; the first caller pays the
 * load time once. Type it with `lazyModule<typeof import('pkg')>('pkg')`.
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
