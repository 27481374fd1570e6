import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import { type AppConfig, ConfigError, loadConfig } from '@bangfu/core';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@bangfu/demo';
import { createApp } from './server';

export interface RunningApi {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close: () => Promise<void>;
}

/** Validates config, migrates (at DataSource init), loads demo data if asked, listens. */
export async function startApi(env: Record<string, string | undefined> = process.env): Promise<RunningApi> {
  const config = loadConfig(env);
  const app = await createApp(config);
  await app.init();
  if (config.DEMO_DATA) await seedDemo(app);
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://localhost:${address.port}`;
  return { app, config, url, close: () => app.close() };
}

export function demoLoginsTable(): string {
  const rows = DEMO_USERS.map((u) => `  ${u.role.padEnd(16)} ${u.email}`);
  return [`Demo logins (password: ${DEMO_PASSWORD}):`, ...rows].join('\n');
}

async function runDirectly() {
  try {
    const api = await startApi();
    process.stdout.write(`Bangfu API listening on ${api.url} (GraphQL at ${api.url}/graphql)\n`);
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      process.stdout.write(`${signal}: shutting down\n`);
      const force = setTimeout(() => process.exit(1), 15_000).unref();
      await api.close();
      clearTimeout(force);
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void runDirectly();
