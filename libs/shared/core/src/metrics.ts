import { ErrorCode } from './errors';
import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Allow, PUBLIC, ServiceTokenEndpoint } from './auth';
import { APP_CONFIG, type AppConfig } from './config';
import { HttpAppError } from './errors';
import { serviceAccess } from './service-token';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'bangfu_' });

export const httpRequestDuration = new Histogram({
  name: 'bangfu_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const graphqlOperations = new Counter({
  name: 'bangfu_graphql_operations_total',
  help: 'GraphQL operations by type and outcome',
  labelNames: ['type', 'outcome'],
  registers: [metricsRegistry],
});

export const loginAttempts = new Counter({
  name: 'bangfu_login_attempts_total',
  help: 'Login attempts by outcome',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Prometheus text format. Route names, error rates and sign-in failures help an attacker too: in
   * production it answers only to `Authorization: Bearer <METRICS_TOKEN>` (Prometheus'
   * `authorization.credentials`), and is absent (404) when no token is configured.
   */
  @Get()
  @Allow(PUBLIC)
  @ServiceTokenEndpoint()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Headers('authorization') authorization?: string): Promise<string> {
    const access = serviceAccess(this.config, authorization);
    if (access === 'disabled') throw new HttpAppError(ErrorCode.NOT_FOUND, 'Not found', 404);
    if (access === 'denied')
      throw new HttpAppError(ErrorCode.UNAUTHENTICATED, 'Metrics need the METRICS_TOKEN bearer token', 401);
    return metricsRegistry.metrics();
  }
}
