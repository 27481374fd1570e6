// Builds what `npm start` serves: the API bundle (dist/api) and the storefront (dist/storefront).
// Skips a target whose sources are older than its output, so a restart is quick.
// `node scripts/build.mjs codegen` (`npm run codegen`) only writes the storefront's GraphQL types.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const TARGETS = {
  api: {
    config: 'apps/api/vite.config.ts',
    out: 'dist/api/main.js',
    sources: ['apps/api', 'apps/worker', 'libs', 'migrations', 'tools'],
  },
  storefront: {
    config: 'apps/storefront/vite.config.ts',
    out: 'dist/storefront/index.html',
    sources: ['apps/storefront', 'libs/shared/locale'],
  },
};

/**
 * The storefront's GraphQL types (apps/storefront/src/api/generated) are generated, never committed:
 * graphql-codegen writes them from schema.graphql and the `graphql()` documents (apps/storefront/codegen.ts),
 * failing when a document asks for something the schema lacks. It runs on every storefront build, even
 * one skipped as up to date, because the type check and lint read these files too; a file whose text is
 * unchanged is left alone, so its timestamp does not make the storefront look stale.
 */
export function codegen() {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@graphql-codegen/cli/esm/bin.js'), '--config', 'apps/storefront/codegen.ts'],
    { cwd: root, stdio: 'inherit' },
  );
}

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

export function build(names = Object.keys(TARGETS), { force = false } = {}) {
  for (const name of names) {
    if (name === 'codegen') {
      codegen();
      continue;
    }
    const t = TARGETS[name];
    if (!existsSync(join(root, t.config))) continue;
    if (name === 'storefront') codegen();
    const out = join(root, t.out);
    const stale =
      force ||
      !existsSync(out) ||
      t.sources.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > statSync(out).mtimeMs);
    if (!stale) continue;
    process.stdout.write(`[bangfu] building ${name}…\n`);
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', t.config], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  build(args.length ? args.filter((a) => !a.startsWith('--')) : undefined, { force: args.includes('--force') });
}
