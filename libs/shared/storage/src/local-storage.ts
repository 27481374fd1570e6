import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { contentTypeOfKey, encodeKey, isStorageKey, type ObjectStorage } from './object-storage';

/** Files under one directory (STORAGE_DIR); served back by the `/files/<key>` route. */
export class LocalDiskStorage implements ObjectStorage {
  readonly kind = 'local' as const;
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    if (!isStorageKey(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    const full = resolve(join(this.root, key));
    if (!full.startsWith(this.root + sep)) throw new Error(`storage key escapes the storage directory: ${key}`);
    return full;
  }

  async put(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const full = this.path(key);
    await mkdir(dirname(full), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${full}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, full);
  }

  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    try {
      return { bytes: await readFile(this.path(key)), contentType: contentTypeOfKey(key) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  url(key: string): string {
    return `/files/${encodeKey(key)}`;
  }
}
