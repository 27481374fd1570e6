// `npm run docs:states`: rewrites the "States" section of each lib README (between the states:begin/end
// markers) from the lib's state-machine definitions: a transition table and a Mermaid diagram.
// `--check` only reports READMEs that differ (each lib's states-readme.spec.ts fails on the same drift).
// The definitions are TypeScript with decorated entities, so they load through Vite with the same SWC
// settings the tests use (tools/vite/preset.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, loadConfigFromFile } from 'vite';

const root = new URL('..', import.meta.url).pathname;

/** README → the module and export listing that lib's machines. */
export const STATE_DOCS = [
  ['libs/ordering/README.md', 'libs/ordering/src/order-transitions.ts', 'ORDERING_STATE_MACHINES'],
  ['libs/certification/README.md', 'libs/certification/src/certification.workflow.ts', 'CERTIFICATION_STATE_MACHINES'],
  ['libs/supplier/README.md', 'libs/supplier/src/admission.ts', 'SUPPLIER_STATE_MACHINES'],
  ['libs/payment/README.md', 'libs/payment/src/payment.states.ts', 'PAYMENT_STATE_MACHINES'],
  ['libs/procurement/README.md', 'libs/procurement/src/purchase-request.states.ts', 'PROCUREMENT_STATE_MACHINES'],
];

const check = process.argv.includes('--check');
const loaded = await loadConfigFromFile(
  { command: 'serve', mode: 'development' },
  join(root, 'libs/shared/core/vitest.config.ts'),
  root,
  'silent',
);
const { plugins, resolve } = loaded.config;
// The tests pin graphql to its CommonJS file; here Node loads it as an ordinary external package.
const alias = resolve.alias.filter((a) => String(a.find) !== String(/^graphql$/));
const server = await createServer({
  configFile: false,
  root,
  plugins,
  resolve: { ...resolve, alias },
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
let drift = 0;
try {
  const docs = await server.ssrLoadModule(join(root, 'libs/shared/core/src/state-machine-docs.ts'));
  for (const [readme, module, name] of STATE_DOCS) {
    const machines = (await server.ssrLoadModule(join(root, module)))[name];
    if (!machines) throw new Error(`${module} does not export ${name}`);
    const path = join(root, readme);
    const before = readFileSync(path, 'utf8');
    const after = docs.replaceStatesSection(before, machines);
    if (before === after) continue;
    drift++;
    if (check) process.stdout.write(`${readme}: States section differs from ${module} (run npm run docs:states)\n`);
    else {
      writeFileSync(path, after);
      process.stdout.write(`${readme}: States section rewritten\n`);
    }
  }
} finally {
  await server.close();
}
process.exit(check && drift ? 1 : 0);
