import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, loadConfig, PinoNestLogger } from '@bangfu/core';
import { WorkerHost } from '@bangfu/queue';
import { AppModule } from '@bangfu/platform';

/**
 * The BullMQ worker process: the same modules as the API, no HTTP listener, workers on.
 * Production runs one or more of these beside the API (WORKER_IN_PROCESS=false there).
 */
async function main() {
  const config = loadConfig({ ...process.env, MIGRATIONS_RUN: process.env.MIGRATIONS_RUN ?? 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runWorkers: true }), {
    logger: new PinoNestLogger(createLogger(config.LOG_LEVEL)),
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.init();
  process.stdout.write(`Bangfu worker running ${app.get(WorkerHost).running} queue processor(s)\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : (e as Error).stack}\n`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
