// The storefront's GraphQL types come only from codegen (codegen.ts) and are not committed: builds, `npm
// run codegen` and this project's global setup (codegen-setup.ts) write src/api/generated. This checks that
// every `graphql()` document validates against schema.graphql (codegen refuses one asking for something the
// schema lacks) and that the files the type check and the specs read are the ones codegen writes now.
import { generate } from '@graphql-codegen/cli';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_DIR } from '../../codegen';

const root = resolve(config.cwd ?? '.');

type Output = { filename: string; content: string };

describe('generated GraphQL types', () => {
  it('come from schema.graphql and every document', { timeout: 120_000 }, async () => {
    const outputs = (await generate(config, false)) as Output[];
    const dir = resolve(root, GENERATED_DIR);
    const onDisk = readdirSync(dir).map((f) => join(dir, f));
    expect(onDisk.sort(), `files under ${GENERATED_DIR} (run \`npm run codegen\`)`).toEqual(
      outputs.map((o) => resolve(root, o.filename)).sort(),
    );
    for (const o of outputs) {
      const file = resolve(root, o.filename);
      expect(readFileSync(file, 'utf8') === o.content, `${file} is stale: run \`npm run codegen\``).toBe(true);
    }
  });

  it('are refused for a document the schema lacks', { timeout: 60_000 }, async () => {
    // The same configuration over one extra document: codegen must fail rather than type it.
    const dir = mkdtempSync(join(tmpdir(), 'bangfu-codegen-'));
    try {
      const bad = join(dir, 'bad.ts');
      writeFileSync(bad, 'graphql(`\n  query NoSuchField {\n    me {\n      noSuchField\n    }\n  }\n`);\n');
      const [output] = Object.values(config.generates);
      await expect(
        generate({ ...config, documents: [bad], generates: { [join(dir, 'generated/')]: output! } }, false),
      ).rejects.toThrow(/noSuchField/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
