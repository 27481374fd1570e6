// The storefront's GraphQL types come only from codegen (codegen.ts): this regenerates them in memory
// from schema.graphql and every `graphql()` document, and fails when a document asks for something the
// schema lacks (codegen validates each one) or when the committed src/api/generated/ files are stale.
// `npm run codegen` (BANGFU_WRITE_CODEGEN=1) rewrites them.
import { generate } from '@graphql-codegen/cli';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_DIR } from '../../codegen';

const root = resolve(config.cwd ?? '.');
const write = process.env.BANGFU_WRITE_CODEGEN === '1';

describe('generated GraphQL types', () => {
  it('match schema.graphql and the documents', { timeout: 120_000 }, async () => {
    const outputs = (await generate(config, false)) as Array<{ filename: string; content: string }>;
    const expected = new Map(outputs.map((o) => [resolve(root, o.filename), o.content]));
    const dir = resolve(root, GENERATED_DIR);
    if (write) {
      rmSync(dir, { recursive: true, force: true });
      for (const [file, content] of expected) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    const onDisk = new Map(readdirSync(dir).map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')]));
    expect([...onDisk.keys()].sort(), 'files under src/api/generated (run `npm run codegen`)').toEqual(
      [...expected.keys()].sort(),
    );
    for (const [file, content] of expected) {
      expect(onDisk.get(file) === content, `${file} is stale: run \`npm run codegen\``).toBe(true);
    }
  });
});
