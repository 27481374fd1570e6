// Shared Vite/Vitest settings for the server side: SWC keeps the decorator metadata that
// NestJS DI, GraphQL code-first and TypeORM rely on (esbuild/oxc drop it).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import type { ViteUserConfig as UserConfig } from 'vitest/config';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The tsconfig.base.json path aliases as Vite aliases, so there is one list to maintain. */
export function workspaceAliases(): Record<string, string> {
  const base = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  const paths: Record<string, string[]> = base.compilerOptions.paths;
  return Object.fromEntries(Object.entries(paths).map(([name, [target]]) => [name, resolve(workspaceRoot, target)]));
}

export function swcPlugin() {
  return swc.vite({
    tsconfigFile: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
  });
}

/** Vitest config for a server-side project: real Postgres/Redis come from scripts/test.mjs or globalSetup. */
export function serverTestConfig(projectRoot: string, name: string): UserConfig {
  return {
    root: workspaceRoot,
    plugins: [swcPlugin()],
    // One copy of graphql-js (the CommonJS one Node and Apollo load), or instanceof checks fail.
    resolve: {
      alias: [
        ...Object.entries(workspaceAliases()).map(([find, replacement]) => ({ find, replacement })),
        { find: /^graphql$/, replacement: resolve(workspaceRoot, 'node_modules/graphql/index.js') },
      ],
    },
    test: {
      name,
      dir: resolve(workspaceRoot, projectRoot),
      include: ['**/*.spec.ts'],
      environment: 'node',
      globalSetup: [resolve(workspaceRoot, 'libs/shared/testing/src/global-setup.ts')],
      setupFiles: [resolve(workspaceRoot, 'libs/shared/testing/src/setup-file.ts')],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      maxWorkers: 2,
      reporters: ['default'],
    },
  };
}
