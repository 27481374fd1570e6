import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';

// The committed schema is the contract the storefront's generated types are built from: a change to a
// resolver that is not followed by `npm run schema` (and a storefront codegen) fails here.
const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
const HEADER = '# Generated from the resolvers by `npm run schema`; do not edit. Checked by test/schema.spec.ts.\n\n';

let server: TestServer;
beforeAll(async () => {
  server = await startApp();
});
afterAll(() => server?.close());

describe('committed GraphQL schema', () => {
  it('schema.graphql is what the code builds', () => {
    const schema = server.app.get(GraphQLSchemaHost).schema;
    const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env.BANGFU_WRITE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing file: the comparison below fails with the whole schema as the difference
    }
    expect(committed, 'schema.graphql differs from the code: run `npm run schema` and commit it').toBe(printed);
  });
});
