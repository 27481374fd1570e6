import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { requestMiddleware } from './logging';

/**
 * The HTTP pipeline every server shares (API and test harness): request id + logging, a JSON body
 * parser that keeps the raw bytes for signature checks (webhooks, counters), and clear errors for
 * bodies that are not JSON or too large instead of an HTML stack page.
 */
export function applyHttpPipeline(app: INestApplication, logger: Logger): void {
  app.use(requestMiddleware(logger));
  app.use(express.json({ limit: '1mb', verify: (req, _res, buf) => ((req as { rawBody?: Buffer }).rawBody = buf) }));
  app.use((err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err?.type === 'entity.parse.failed') return res.status(400).json({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } });
    if (err?.type === 'entity.too.large') return res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' } });
    next(err);
  });
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
