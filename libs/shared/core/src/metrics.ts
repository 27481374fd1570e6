import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Allow, PUBLIC } from './auth';

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
  // Prometheus scrapes from inside the cluster; put the port behind the network policy in production.
  @Get()
  @Allow(PUBLIC)
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
