// GraphQL Code Generator: every `graphql(`…`)` document in the storefront is validated against the
// committed schema.graphql and typed from it (src/api/generated, git-ignored). Every storefront build,
// `npm run codegen` and the unit tests' global setup write the files; src/api/codegen.spec.ts checks them.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../..');

export const GENERATED_DIR = 'apps/storefront/src/api/generated/';

const config: CodegenConfig = {
  cwd: workspaceRoot,
  schema: 'schema.graphql',
  documents: ['apps/storefront/src/**/*.{ts,tsx}', '!apps/storefront/src/api/generated/**'],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      // Components take the plain result types; no fragment masking to unwrap.
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', Money: 'number' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        // Documents as strings (urql parses them once): a third of the size of serialized syntax trees.
        documentMode: 'string',
      },
    },
  },
};

export default config;
