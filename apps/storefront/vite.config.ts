import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../..');

// The API serves dist/storefront on its own port; in dev, Vite proxies GraphQL to it.
export default defineConfig({
  root: here,
  plugins: [graphqlDocuments(resolve(here, 'src/api/generated/graphql.ts')), react()],
  // Shared pure code (yuan, Asia/Shanghai dates) the server uses too; see libs/shared/locale.
  resolve: { alias: { '@bangfu/locale': resolve(workspaceRoot, 'libs/shared/locale/src/index.ts') } },
  logLevel: 'warn',
  build: {
    outDir: resolve(workspaceRoot, 'dist/storefront'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
      // Uploads and images under /files; order documents, printable documents and exports under /api.
      '/files': 'http://localhost:3000',
      '/api': 'http://localhost:3000',
      '/produce-files': 'http://localhost:3000', // farmers' produce photos (libs/produce)
    },
  },
});
