// Builds what `npm start` serves: the API bundle (dist/api) and the storefront (dist/storefront).
// Skips a target whose sources are older than its output, so a restart is quick.
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
    const t = TARGETS[name];
    if (!existsSync(join(root, t.config))) continue;
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
