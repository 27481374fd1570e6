import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode, REDIS, redisKey } from '@bangfu/core';

/** Failures are remembered this long after the last one, so delays keep growing across a slow attack. */
const MEMORY_SECONDS = 24 * 3600;

/**
 * Reserves one sign-in attempt for each counter (KEYS: count, lock pairs; ARGV: max per pair …, memory
 * seconds, cap seconds, first delay seconds). Refused while any lock is set (returns its remaining ms).
 * Otherwise counts the attempt *before* the password is checked, so a burst of parallel guesses cannot
 * slip past the limit, and once a counter reaches its max it locks for d, 2d, 4d … (capped) after each.
 */
const RESERVE = `
local n = #KEYS / 2
for i = 1, n do
  local ttl = redis.call('PTTL', KEYS[2 * i])
  if ttl > 0 then return ttl end
end
for i = 1, n do
  local count = redis.call('INCR', KEYS[2 * i - 1])
  redis.call('EXPIRE', KEYS[2 * i - 1], ARGV[n + 1])
  local max = tonumber(ARGV[i])
  if count >= max then
    local delay = math.min(math.pow(2, count - max) * tonumber(ARGV[n + 3]) * 1000, tonumber(ARGV[n + 2]) * 1000)
    redis.call('SET', KEYS[2 * i], '1', 'PX', delay)
  end
end
return 0`;

/** Clears the pair (KEYS 1–2) and returns one attempt to the client's counter (KEYS 3) without creating it. */
const SUCCEED = `
redis.call('DEL', KEYS[1], KEYS[2])
local v = tonumber(redis.call('GET', KEYS[3]) or '0')
if v > 0 then redis.call('DECR', KEYS[3]) end
return 0`;

/**
 * Failed-login throttling that an attacker cannot turn against the account's owner. Attempts are
 * counted per identifier *and client together*: someone guessing a purchaser's password from one
 * address slows down only their own guessing, never the purchaser's sign-in from another. After
 * LOGIN_MAX_FAILURES the pair waits LOGIN_FIRST_DELAY_SECONDS (1 s), then 2×, 4× … up to LOGIN_LOCK_SECONDS.
 * A looser counter per client alone (10×) slows password spraying across many identifiers.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(identifier: string, client: string | null) {
    const who = createHash('sha256').update(identifier.toLowerCase()).digest('hex').slice(0, 32);
    const from = client ?? 'unknown';
    const key = (...parts: string[]) => redisKey(this.config, 'login', ...parts);
    return {
      pair: { count: key('pair', who, from), lock: key('pair-lock', who, from), max: this.config.LOGIN_MAX_FAILURES },
      client: { count: key('client', from), lock: key('client-lock', from), max: this.config.LOGIN_MAX_FAILURES * 10 },
    };
  }

  /** Reserves an attempt, or throws RATE_LIMITED with `retryAfterSeconds`. */
  async reserve(identifier: string, client: string | null): Promise<void> {
    const { pair, client: c } = this.keys(identifier, client);
    const waitMs = Number(
      await this.redis.eval(
        RESERVE,
        4,
        pair.count,
        pair.lock,
        c.count,
        c.lock,
        pair.max,
        c.max,
        MEMORY_SECONDS,
        this.config.LOGIN_LOCK_SECONDS,
        this.config.LOGIN_FIRST_DELAY_SECONDS,
      ),
    );
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }

  /** A successful sign-in forgets the pair's failures and gives its attempt back to the client's budget. */
  async recordSuccess(identifier: string, client: string | null): Promise<void> {
    const { pair, client: c } = this.keys(identifier, client);
    await this.redis.eval(SUCCEED, 3, pair.count, pair.lock, c.count);
  }
}
