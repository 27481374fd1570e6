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
