import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));

// Pure logic only (dictionaries, client, routing): no DOM is installed, so tests run in Node.
export default defineConfig({
  root: here,
  // Shared pure code (yuan, Asia/Shanghai dates) the server uses too; see libs/shared/locale.
  resolve: { alias: { '@bangfu/locale': resolve(here, '../../libs/shared/locale/src/index.ts') } },
  test: {
    name: 'storefront',
    include: ['src/**/*.spec.ts'],
    globalSetup: ['codegen-setup.ts'],
    environment: 'node',
  },
});
