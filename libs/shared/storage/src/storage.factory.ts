import { join } from 'node:path';
import { LocalDiskStorage } from './local-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

const S3_VARS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/**
 * S3-compatible storage when all four S3_* variables are set, else the local disk (STORAGE_DIR,
 * default <cwd>/.data/uploads). A partial S3 configuration is an error, not a silent fallback:
 * uploads would otherwise land on one replica's disk in production.
 */
export function createObjectStorage(env: Record<string, string | undefined> = process.env): ObjectStorage {
  const set = S3_VARS.filter((v) => env[v]);
  if (set.length === S3_VARS.length) {
    return new S3Storage({
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      publicUrl: env.S3_PUBLIC_URL || null,
    });
  }
  if (set.length > 0) {
    throw new Error(
      `Object storage: set all of ${S3_VARS.join(', ')} for S3, or none for local disk (missing ${S3_VARS.filter((v) => !env[v]).join(', ')})`,
    );
  }
  return new LocalDiskStorage(env.STORAGE_DIR || join(process.cwd(), '.data', 'uploads'));
}
