import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Pure logic only (dictionaries, client, routing): no DOM is installed, so tests run in Node.
export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  test: {
    name: 'storefront',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
