import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import pino, { type Logger } from 'pino';
import { RequestContext } from './request-context';
import { httpRequestDuration } from './metrics';

/** Structured JSON logs, one line per event; `requestId` ties a request's lines together. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'bangfu-api' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/**
 * A Nest log call's message as pino's (fields, text): an object message (LogChannel's SMS and reset-code
 * lines) keeps its fields — String() made it "[object Object]", and the embedded default's reset codes unreadable.
 */
function entry(message: unknown, fields: Record<string, unknown>): [Record<string, unknown>, string] {
  if (message === null || typeof message !== 'object' || message instanceof Error) return [fields, String(message)];
  const { msg, ...rest } = message as Record<string, unknown>;
  return [{ ...rest, ...fields }, msg === undefined ? '' : String(msg)];
}

/** Routes Nest's own log calls through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info(...entry(message, { context }));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error(...entry(message, { context, trace }));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn(...entry(message, { context }));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug(...entry(message, { context }));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace(...entry(message, { context }));
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Assigns the request id (honouring a sane incoming X-Request-Id), creates the RequestContext, logs the outcome. */
export function requestMiddleware(logger: Logger) {
  return (req: Request & { ctx?: RequestContext }, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.ctx = new RequestContext(requestId, null, req.ip ?? null);
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route =
        req.path === '/graphql' || req.path.startsWith('/health') || req.path === '/metrics'
          ? req.path
          : req.path.startsWith('/assets/')
            ? '/assets'
            : 'other';
      httpRequestDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (req.path === '/metrics' || req.path.startsWith('/health')) return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          userId: req.ctx?.userId ?? undefined,
          operation: (req.body as { operationName?: string } | undefined)?.operationName ?? undefined,
        },
        'request',
      );
    });
    next();
  };
}
