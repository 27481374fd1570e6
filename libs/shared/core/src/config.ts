import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string({ message: 'is required (postgres://user:pass@host:port/db)' })
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Streaming replicas for reads that tolerate lag (catalog browsing, search, statistics, exports):
   * comma-separated postgres URLs. Everything else, and every read of a mutation, stays on DATABASE_URL.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each URL must start with postgres:// or postgresql://')))
    .default([]),
  REDIS_URL: z
    .string({ message: 'is required (redis://host:port)' })
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]*$/, 'letters, digits, : _ - only')
    .default('bangfu'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(12 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_LOCK_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
  LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
  GRAPHQL_INTROSPECTION: bool.optional(),
  /**
   * The anonymous catalog response cache (response-cache.ts): its memory bound in MB (0 turns it off)
   * and the longest an answer is reused even without a change notification.
   */
  CATALOG_CACHE_MB: z.coerce.number().min(0).max(1024).default(16),
  CATALOG_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  DEMO_DATA: bool.default(false),
  WORKER_IN_PROCESS: bool.default(true),
  // How long a job stays claimed by a worker that stopped renewing it (killed) before another takes it.
  QUEUE_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  STOREFRONT_DIR: z.string().optional(),
  MIGRATIONS_RUN: bool.default(true),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type AppConfig = Omit<z.infer<typeof schema>, 'JWT_SECRET' | 'GRAPHQL_INTROSPECTION'> & {
  JWT_SECRET: string;
  GRAPHQL_INTROSPECTION: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the environment once at boot; every bad value is reported, not just the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '?');
        const got =
          cleaned[key] === undefined
            ? ''
            : ` (got ${JSON.stringify(key.includes('SECRET') || key.includes('URL') ? '***' : cleaned[key])})`;
        return `${key}: ${i.message}${got}`;
      }),
    );
  }
  const c = parsed.data;
  if (!c.JWT_SECRET) {
    if (c.NODE_ENV === 'production')
      throw new ConfigError(['JWT_SECRET: is required in production (at least 32 characters)']);
  }
  return {
    ...c,
    JWT_SECRET: c.JWT_SECRET ?? 'bangfu-development-secret-change-me-0123456789',
    GRAPHQL_INTROSPECTION: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== 'production',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
