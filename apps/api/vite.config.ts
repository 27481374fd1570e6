import { defineConfig } from 'vite';
import { swcPlugin, workspaceAliases, workspaceRoot } from '../../tools/vite/preset.ts';

// The API, CLI and worker as one Node ESM build; node_modules stay external.
export default defineConfig({
  root: workspaceRoot,
  plugins: [swcPlugin()],
  resolve: { alias: workspaceAliases() },
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/api',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        main: 'apps/api/src/main.ts',
        cli: 'apps/api/src/cli.ts',
        worker: 'apps/worker/src/main.ts',
      },
      output: {
        format: 'esm',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // V8 keeps every script's source in memory, and one non-Latin-1 character makes all of it a
        // two-byte string (the main chunk took 3.8 MB): non-ASCII (the Chinese texts) as \u escapes, and
        // no comments (the doc comments were a third of it; the source maps keep them).
        charset: 'ascii',
        comments: false,
      },
    },
  },
});
