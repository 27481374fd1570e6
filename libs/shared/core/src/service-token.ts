import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from './config';

export type ServiceAccess = 'open' | 'granted' | 'denied' | 'disabled';

/**
 * Who may read operational details (`/metrics`, the checks in `/health/ready`). With METRICS_TOKEN set,
 * only a request carrying `Authorization: Bearer <METRICS_TOKEN>`; without it, everyone outside
 * production ('open') and no one in production ('disabled'): a forgotten setting hides the data
 * instead of publishing it.
 */
export function serviceAccess(config: AppConfig, header: string | string[] | undefined): ServiceAccess {
  const expected = config.METRICS_TOKEN;
  if (!expected) return config.NODE_ENV === 'production' ? 'disabled' : 'open';
  const given = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined;
  if (!given) return 'denied';
  // Compare digests: equal lengths for timingSafeEqual, and no early exit on the first wrong byte.
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected)) ? 'granted' : 'denied';
}
