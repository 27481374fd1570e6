/** Something that knows its own size in bytes. */
export interface Sized {
  bytes: number;
}

/**
 * A least-recently-used map bounded by the bytes of its values (a Map keeps insertion order: a read
 * moves the entry to the end, eviction takes from the front). A value larger than an eighth of the
 * bound is not kept at all, so one huge answer never flushes everything else.
 */
export class LruBytes<V extends Sized> {
  private readonly map = new Map<string, V>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): boolean {
    this.delete(key);
    if (value.bytes > this.maxBytes / 8) return false;
    this.map.set(key, value);
    this.used += value.bytes;
    for (const [k, v] of this.map) {
      if (this.used <= this.maxBytes) break;
      this.map.delete(k);
      this.used -= v.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.used -= old.bytes;
  }

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.used;
  }
}
