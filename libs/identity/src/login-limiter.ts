import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode, REDIS, redisKey } from '@bangfu/core';

/**
 * Counts failed logins per identifier and per client IP in Redis; at the limit the pair is locked
 * until the window expires. Per-IP allows more (offices share NAT) but stops password spraying.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(identifier: string, ip: string | null): Array<{ key: string; max: number }> {
    const keys = [{ key: redisKey(this.config, 'login-fail', 'id', identifier.toLowerCase()), max: this.config.LOGIN_MAX_FAILURES }];
    if (ip) keys.push({ key: redisKey(this.config, 'login-fail', 'ip', ip), max: this.config.LOGIN_MAX_FAILURES * 10 });
    return keys;
  }

  async assertAllowed(identifier: string, ip: string | null): Promise<void> {
    for (const { key, max } of this.keys(identifier, ip)) {
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      if (Number(count ?? 0) >= max) {
        const retryAfterSeconds = Math.max(ttl, 1);
        throw new AppError(ErrorCode.RATE_LIMITED, `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
      }
    }
  }

  async recordFailure(identifier: string, ip: string | null): Promise<void> {
    const multi = this.redis.multi();
    for (const { key } of this.keys(identifier, ip)) {
      multi.incr(key);
      multi.expire(key, this.config.LOGIN_LOCK_SECONDS, 'NX');
    }
    await multi.exec();
  }

  async recordSuccess(identifier: string): Promise<void> {
    await this.redis.del(this.keys(identifier, null)[0].key);
  }
}
