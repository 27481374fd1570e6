import DataLoader from 'dataloader';
import type { RequestContext } from './request-context';

/** Loads many rows at once and returns them by key; keys with no row are simply absent. */
export type LoadMany<K, V> = (ctx: RequestContext, keys: K[]) => Promise<Map<K, V>>;

/**
 * The request's DataLoader named `name`: field resolvers that load one row per parent (the supplier of
 * each of 20 products, the history of each order in a page) call it per parent and get one query per
 * field. Keys asked for before the next macrotask (setImmediate, so resolvers that awaited something first
 * still join) go in one batch, deduplicated. No caching across batches (`cache: false`): a mutation earlier
 * in the same request never leaves a stale row behind. The batch runs with the context of the first caller;
 * every caller of one request has the same principal.
 */
export function loaderFor<K, V>(
  ctx: RequestContext,
  name: string,
  loadMany: LoadMany<K, V>,
): DataLoader<K, V | undefined> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | undefined>(
      async (keys) => {
        const found = await loadMany(ctx, [...new Set(keys)]);
        return keys.map((k) => found.get(k));
      },
      { cache: false, batchScheduleFn: (run) => setImmediate(run) },
    );
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** One row for `key` through the request's loader `name` (undefined when there is none). */
export function batchLoad<K, V>(
  ctx: RequestContext,
  name: string,
  key: K,
  loadMany: LoadMany<K, V>,
): Promise<V | undefined> {
  return loaderFor(ctx, name, loadMany).load(key);
}

/** Rows grouped by key, each group in the rows' order: the Map a one-to-many LoadMany returns. */
export function groupBy<T, K>(rows: Iterable<T>, keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Rows by their (unique) key: the Map a one-to-one LoadMany returns. */
export function keyBy<T, K>(rows: Iterable<T>, keyOf: (row: T) => K): Map<K, T> {
  return new Map([...rows].map((row) => [keyOf(row), row]));
}
