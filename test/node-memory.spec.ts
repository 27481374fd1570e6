import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The API's memory flags live in three places a JS module cannot reach from all of them: the image's
 * command, `npm start`, and scripts/lib/node-memory.mjs (start:cluster's API processes and the bench,
 * which measures them). If one drifts, the bench no longer measures what production runs.
 */
const root = join(import.meta.dirname, '..');
const { PRODUCTION_NODE_OPTIONS: flags, PRODUCTION_NODE_ENV: env } = (await import(
  pathToFileURL(join(root, 'scripts/lib/node-memory.mjs')).href
)) as { PRODUCTION_NODE_OPTIONS: string[]; PRODUCTION_NODE_ENV: Record<string, string> };

describe('the API process is started with the same memory flags everywhere', () => {
  it('in the image: the command has the flags before the API, and ENV the allocator setting', () => {
    const dockerfile = readFileSync(join(root, 'docker/api.Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...flags, 'dist/api/main.js']);
    const envLine = dockerfile.split('\n').find((l) => l.startsWith('ENV ') && l.includes('NODE_ENV=production'));
    for (const [k, v] of Object.entries(env)) expect(envLine).toContain(` ${k}=${v}`);
  });

  it('in npm start', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe(['node', ...flags, 'scripts/start.mjs'].join(' '));
  });
});
