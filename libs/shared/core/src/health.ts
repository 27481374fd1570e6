import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Allow, PUBLIC, ServiceTokenEndpoint } from './auth';
import { APP_CONFIG, type AppConfig } from './config';
import { REDIS } from './redis';
import { serviceAccess } from './service-token';

type Check = 'ok' | 'down';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @Allow(PUBLIC)
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: Postgres and Redis answer within a second; 503 otherwise. The status code is for
   * every load balancer; which dependency is down is an operational detail shown only with
   * METRICS_TOKEN (or outside production when none is set).
   */
  @Get('ready')
  @Allow(PUBLIC)
  @ServiceTokenEndpoint()
  async ready(@Res({ passthrough: true }) res: Response, @Headers('authorization') authorization?: string) {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 1000).then(
        (): Check => 'ok',
        (): Check => 'down',
      ),
      withTimeout(this.redis.ping(), 1000).then(
        (r): Check => (r === 'PONG' ? 'ok' : 'down'),
        (): Check => 'down',
      ),
    ]);
    const ok = postgres === 'ok' && redis === 'ok';
    res.status(ok ? 200 : 503);
    const status = ok ? 'ok' : 'unavailable';
    const access = serviceAccess(this.config, authorization);
    return access === 'open' || access === 'granted' ? { status, checks: { postgres, redis } } : { status };
  }
}
