import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AppConfig, applyHttpPipeline, createLogger, PinoNestLogger } from '@bangfu/core';
import { AppModule } from '@bangfu/platform';

const API_PREFIXES = ['/graphql', '/health', '/metrics', '/webhooks', '/counters', '/api', '/files'];

/** Serves the built storefront and falls back to index.html for client-side routes. */
function storefront(app: INestApplication, dir: string) {
  const index = join(dir, 'index.html');
  app.use(express.static(dir, { index: false, maxAge: '1h', immutable: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.sendFile(index);
  });
}

export function storefrontDir(config: AppConfig): string | null {
  const candidates = [config.STOREFRONT_DIR, resolve(process.cwd(), 'dist/storefront')].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

/** Builds the Nest application (not yet listening): used by main, the CLI and the test harness. */
export async function createApp(config: AppConfig, options: { runWorkers?: boolean } = {}): Promise<INestApplication> {
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create(AppModule.forRoot(config, options), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  applyHttpPipeline(app, logger);
  const dir = storefrontDir(config);
  if (dir) storefront(app, dir);
  return app;
}
