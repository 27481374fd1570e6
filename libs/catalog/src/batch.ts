import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bangfu/core';

interface Pending<K, V> {
  keys: Map<K, Array<{ resolve: (v: V | undefined) => void; reject: (e: unknown) => void }>>;
}

/**
 * Coalesces the per-row lookups GraphQL field resolvers make for one list (variants of 20 products,
 * …) into one query per field, like DataLoader: keys requested in the same tick are loaded together.
 * Nothing is cached across ticks, so there is nothing to invalidate.
 */
@Injectable()
export class Batcher {
  private readonly pending = new Map<string, Pending<unknown, unknown>>();

  load<K, V>(
    ctx: RequestContext,
    name: string,
    key: K,
    loadMany: (ctx: RequestContext, keys: K[]) => Promise<Map<K, V>>,
  ): Promise<V | undefined> {
    const id = `${ctx.requestId}:${name}`;
    let batch = this.pending.get(id) as Pending<K, V> | undefined;
    if (!batch) {
      const created: Pending<K, V> = { keys: new Map() };
      batch = created;
      this.pending.set(id, created as Pending<unknown, unknown>);
      setImmediate(() => {
        this.pending.delete(id);
        const keys = [...created.keys.keys()];
        loadMany(ctx, keys).then(
          (found) => created.keys.forEach((waiters, k) => waiters.forEach((w) => w.resolve(found.get(k)))),
          (e) => created.keys.forEach((waiters) => waiters.forEach((w) => w.reject(e))),
        );
      });
    }
    return new Promise<V | undefined>((resolve, reject) => {
      const waiters = batch.keys.get(key) ?? [];
      waiters.push({ resolve, reject });
      batch.keys.set(key, waiters);
    });
  }
}
