// Runs every server-side test project in one Vitest process (used by `npx vitest` during development).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'libs/*/vitest.config.ts',
      'libs/shared/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'test/vitest.config.ts',
    ],
  },
});
