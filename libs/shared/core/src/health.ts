import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Allow, PUBLIC } from './auth';
import { REDIS } from './redis';

type Check = 'ok' | 'down';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @Allow(PUBLIC)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: Postgres and Redis answer within a second; 503 otherwise. */
  @Get('ready')
  @Allow(PUBLIC)
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 1000).then((): Check => 'ok', (): Check => 'down'),
      withTimeout(this.redis.ping(), 1000).then((r): Check => (r === 'PONG' ? 'ok' : 'down'), (): Check => 'down'),
    ]);
    const ok = postgres === 'ok' && redis === 'ok';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
