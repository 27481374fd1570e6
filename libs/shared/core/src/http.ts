import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { requestMiddleware } from './logging';
import { ResponseCache } from './response-cache';
import { type CspSources, cspSourcesFromEnv, securityHeaders } from './security';
import { serveStorefront } from './storefront';
import { rejectInvalidText } from './text-input';

export interface HttpPipelineOptions {
  /** The built storefront to serve (index.html + assets/), or none. */
  storefrontDir?: string | null;
  /** Extra origins for the Content-Security-Policy; by default from the environment (Stripe, S3). */
  csp?: CspSources;
}

/**
 * The HTTP pipeline every server shares (API and test harness): request id + logging, security
 * headers, gzip/brotli compression, a JSON body parser that keeps the raw bytes for signature checks
 * (webhooks, counters), clear errors for bodies that are not JSON, too large, or hold invalid text
 * instead of an HTML stack page, then the storefront when there is one.
 */
export function applyHttpPipeline(app: INestApplication, logger: Logger, options: HttpPipelineOptions = {}): void {
  app.use(requestMiddleware(logger));
  app.use(securityHeaders(options.csp ?? cspSourcesFromEnv()));
  app.use(compression());
  app.use(express.json({ limit: '1mb', verify: (req, _res, buf) => ((req as { rawBody?: Buffer }).rawBody = buf) }));
  app.use(rejectInvalidText);
  // After the headers, compression and body checks every answer gets; before Apollo (response-cache.ts).
  const cache = responseCacheOf(app);
  if (cache?.enabled) app.use(cache.middleware());
  if (options.storefrontDir) serveStorefront(app, options.storefrontDir);
  // Errors of the middleware above (routes have Nest's filters): JSON in the documented shape, never an HTML page.
  app.use(
    (err: { type?: string; status?: number; stack?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(err);
      if (err?.type === 'entity.parse.failed')
        return res
          .status(400)
          .json({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } });
      if (err?.type === 'entity.too.large')
        return res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' } });
      if (err?.status === 404) return res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } });
      if (err?.status && err.status >= 400 && err.status < 500)
        return res.status(err.status).json({ error: { code: 'BAD_USER_INPUT', message: 'Bad request' } });
      logger.error({ err }, 'unexpected error in the HTTP pipeline');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    },
  );
}

function responseCacheOf(app: INestApplication): ResponseCache | null {
  try {
    return app.get(ResponseCache, { strict: false });
  } catch {
    return null; // an application without CoreModule
  }
}

const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Reads a raw request body (uploads: the JSON parser leaves them alone) up to `max` bytes. Over the
 * limit it keeps draining without buffering, so the client receives our "too large" answer instead of
 * a reset connection; past 64 MiB it gives up and drops the connection.
 */
export function readRawBody(req: Request, max: number): Promise<{ bytes: Buffer; tooLarge: boolean; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > max, size }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('upload aborted'));
    });
  });
}
