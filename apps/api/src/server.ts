import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AppConfig, applyHttpPipeline, createLogger, PinoNestLogger } from '@bangfu/core';
import { AppModule } from '@bangfu/platform';

export function storefrontDir(config: AppConfig): string | null {
  const candidates = [config.STOREFRONT_DIR, resolve(process.cwd(), 'dist/storefront')].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

/**
 * Builds the Nest application (not yet listening): used by main, the CLI and the test harness. The
 * shared HTTP pipeline adds security headers, compression and the built storefront (@bangfu/core).
 */
export async function createApp(config: AppConfig, options: { runWorkers?: boolean } = {}): Promise<INestApplication> {
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create(AppModule.forRoot(config, options), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  applyHttpPipeline(app, logger, { storefrontDir: storefrontDir(config) });
  return app;
}
