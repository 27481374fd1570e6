// The table-ownership check’s inputs and rules, kept out of the spec so the spec reads as the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { QueryRunner } from 'typeorm';
import { tablesInMigrations, tablesInSource } from './scan';

export interface OwnerMap {
  /** Folders whose code counts as another lib's (a data package of its owner). */
  libs: Record<string, string>;
  /** Folders not checked at all (the test harness). */
  exempt: string[];
  tables: Record<string, string>;
  views: Record<string, { owner: string; readers: string[]; reason: string }>;
}

export interface Violation {
  lib: string;
  table: string;
  owner: string;
  file: string;
  line: number;
}

/** Test-only files may set up any lib's rows: they are not part of a lib's runtime reads. */
export const TEST_ONLY = /(\.spec\.ts|(^|\/)test-helpers\.ts|test-fixtures\.ts|(^|\/)fixtures\.ts)$/;

export function loadOwnerMap(root: string): OwnerMap {
  return JSON.parse(readFileSync(join(root, 'tools/table-ownership/table-owners.json'), 'utf8'));
}

/**
 * The statements the migrations run, in order: each `up` runs against a runner that only records its
 * SQL. Reading the files' text would miss tables whose names a shared helper builds from data
 * (migrations/shapes.ts: createStatusHistory, loops over a list of tables).
 */
export async function migrationStatements(): Promise<string[]> {
  const { migrations } = await import('@bangfu/migrations');
  const statements: string[] = [];
  const recorder = {
    query: async (sql: string) => {
      statements.push(sql);
      return [];
    },
  };
  for (const Migration of migrations) await new Migration().up(recorder as unknown as QueryRunner);
  return statements;
}

export async function migrationTables() {
  return tablesInMigrations(await migrationStatements());
}

/** Every lib source folder: libs/<name>/src and libs/shared/<name>/src. */
function libFolders(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, 'libs'))) {
    if (name === 'shared') {
      for (const s of readdirSync(join(root, 'libs/shared'))) out.push(`libs/shared/${s}`);
    } else out.push(`libs/${name}`);
  }
  return out;
}

function tsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every place a lib's non-test source names a table or view it may not name. */
export function findViolations(root: string, map: OwnerMap): Violation[] {
  const known = new Set([...Object.keys(map.tables), ...Object.keys(map.views)]);
  const violations: Violation[] = [];
  for (const folder of libFolders(root)) {
    if (map.exempt.includes(folder)) continue;
    const lib = map.libs[folder] ?? folder.slice('libs/'.length);
    for (const path of tsFiles(join(root, folder, 'src'))) {
      const file = relative(root, path);
      if (TEST_ONLY.test(file)) continue;
      for (const ref of tablesInSource(readFileSync(path, 'utf8'), known, file)) {
        const view = map.views[ref.table];
        const owner = view ? view.owner : map.tables[ref.table];
        if (owner === lib || view?.readers.includes(lib)) continue;
        violations.push({ lib, table: ref.table, owner, file, line: ref.line });
      }
    }
  }
  return violations;
}

/** The map as the Markdown table docs/ARCHITECTURE.md shows. */
export function renderOwnerTable(map: OwnerMap): string {
  const byOwner = new Map<string, string[]>();
  for (const [table, owner] of Object.entries(map.tables)) byOwner.set(owner, [...(byOwner.get(owner) ?? []), table]);
  const rows = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, tables]) => `| ${owner} | ${tables.map((t) => `\`${t}\``).join(', ')} |`);
  const views = Object.entries(map.views).map(
    ([v, d]) => `| \`${v}\` | ${d.owner} | ${d.readers.join(', ')} | ${d.reason} |`,
  );
  return [
    '| owning lib | tables |',
    '|---|---|',
    ...rows,
    '',
    views.length
      ? ['| view | owner | may be read by | why a view |', '|---|---|---|---|', ...views].join('\n')
      : 'No views yet.',
  ].join('\n');
}
