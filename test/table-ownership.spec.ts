// Table ownership (issue 11, item 2): every table has one owning lib, and no lib's SQL names a table it
// does not own. The map is tools/table-ownership/table-owners.json, shown in docs/ARCHITECTURE.md;
// `BANGFU_WRITE_TABLE_MAP=1 npx vitest run --config test/vitest.config.ts test/table-ownership.spec.ts`
// rewrites that section from it. No database: the check reads source files.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findViolations,
  loadOwnerMap,
  migrationTables,
  renderOwnerTable,
  TEST_ONLY,
} from './table-ownership/ownership';
import { tablesInMigrations, tablesInSource, tablesInSql } from './table-ownership/scan';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const known = new Set(['orders', 'order_line', 'product', 'variant', 'channel', 'channel_product', 'region']);
const names = (sql: string) => tablesInSql(sql, known).map((r) => r.table);

describe('the SQL scanner', () => {
  it('finds tables after FROM, JOIN, INTO, UPDATE, DELETE FROM, REFERENCES and TABLE', () => {
    expect(names('SELECT * FROM orders o JOIN order_line l ON l.order_id = o.id LEFT JOIN product p ON true')).toEqual([
      'orders',
      'order_line',
      'product',
    ]);
    expect(names('INSERT INTO variant (id) VALUES ($1)')).toEqual(['variant']);
    expect(names('UPDATE ONLY channel SET name = $1')).toEqual(['channel']);
    expect(names('DELETE FROM channel_product WHERE id = $1')).toEqual(['channel_product']);
    expect(names('ALTER TABLE orders ADD COLUMN x int REFERENCES region(code)')).toEqual(['orders', 'region']);
    expect(names('SELECT 1 FROM public."orders"')).toEqual(['orders']);
  });

  it('finds every table of a comma list and a TRUNCATE', () => {
    expect(names('SELECT 1 FROM orders o, order_line AS l, product WHERE true')).toEqual([
      'orders',
      'order_line',
      'product',
    ]);
    expect(names('TRUNCATE channel, channel_product')).toEqual(['channel', 'channel_product']);
  });

  it('ignores unknown names, functions, lower-case prose and columns named like tables', () => {
    expect(names('WITH x AS (SELECT 1) SELECT * FROM x, unnest($1::uuid[]) FROM pg_database')).toEqual([]);
    expect(names('cannot update channel from orders')).toEqual([]);
    expect(names('SELECT o.region, product.name FROM other WHERE channel = 1')).toEqual([]);
    expect(names('SELECT (lag(region) OVER w IS DISTINCT FROM region)::int FROM x')).toEqual([]);
  });

  it('reads string and template literals, query-builder tables and @Entity names, not comments or identifiers', () => {
    const source = [
      '// SELECT * FROM orders (a comment)',
      "@Entity('product')",
      'class Product {}',
      'const orders = 1;',
      "const a = 'SELECT id FROM variant';",
      'const b = `SELECT ${orders} FROM channel',
      '  JOIN channel_product cp ON true WHERE x = ${orders} AND y IN (SELECT 1 FROM region)`;',
      "qb.innerJoin('order_line', 'l', 'l.order_id = o.id').from('orders', 'o').where('x', { region: 'region' });",
    ].join('\n');
    expect(tablesInSource(source, known)).toEqual([
      { table: 'product', line: 2, kind: 'entity' },
      { table: 'variant', line: 5, kind: 'sql' },
      { table: 'channel', line: 6, kind: 'sql' },
      { table: 'channel_product', line: 7, kind: 'sql' },
      { table: 'region', line: 7, kind: 'sql' },
      { table: 'orders', line: 8, kind: 'sql' },
      { table: 'order_line', line: 8, kind: 'sql' },
    ]);
  });

  it('finds the tables and views a migration creates, a renamed table under its new name', () => {
    const found = tablesInMigrations([
      'await q.query(`CREATE TABLE orders (id uuid)`); await q.query(`CREATE OR REPLACE VIEW order_facts AS SELECT 1`);',
      'await q.query(`CREATE TABLE region_new (code text)`); await q.query(`ALTER TABLE region_new RENAME TO region`);',
    ]);
    expect([...found.tables]).toEqual(['orders', 'region']);
    expect([...found.views]).toEqual(['order_facts']);
  });

  it('treats specs, test helpers and fixtures as test-only', () => {
    expect(
      ['a/b.spec.ts', 'a/test-helpers.ts', 'a/catalog.test-fixtures.ts', 'a/fixtures.ts'].every((f) =>
        TEST_ONLY.test(f),
      ),
    ).toBe(true);
    expect(TEST_ONLY.test('a/ordering.service.ts')).toBe(false);
  });
});

describe('table ownership', () => {
  const map = loadOwnerMap(root);

  it('gives every table and view the migrations create exactly one owner, and no others', async () => {
    const { tables, views } = await migrationTables();
    expect([...tables].filter((t) => !map.tables[t]).sort(), 'tables without an owner').toEqual([]);
    expect([...views].filter((v) => !map.views[v]).sort(), 'views without an owner').toEqual([]);
    expect(
      Object.keys(map.tables).filter((t) => !tables.has(t)),
      'owned tables no migration creates',
    ).toEqual([]);
    expect(
      Object.keys(map.views).filter((v) => !views.has(v)),
      'owned views no migration creates',
    ).toEqual([]);
  });

  it('no lib names a table it does not own', () => {
    const violations = findViolations(root, map).map(
      (v) => `lib ${v.lib} names table ${v.table} owned by ${v.owner} (${v.file}:${v.line})`,
    );
    expect(
      violations,
      'read it through the owner’s exported read service or a view the owner defines (docs/ARCHITECTURE.md)',
    ).toEqual([]);
  });

  it('is shown in docs/ARCHITECTURE.md', () => {
    const path = join(root, 'docs/ARCHITECTURE.md');
    const doc = readFileSync(path, 'utf8');
    const start = '<!-- table-owners:start -->';
    const end = '<!-- table-owners:end -->';
    const [i, j] = [doc.indexOf(start), doc.indexOf(end)];
    expect(i >= 0 && j > i, 'docs/ARCHITECTURE.md lacks the table-owners markers').toBe(true);
    const wanted = `${doc.slice(0, i + start.length)}\n${renderOwnerTable(map)}\n${doc.slice(j)}`;
    if (process.env.BANGFU_WRITE_TABLE_MAP === '1') return writeFileSync(path, wanted);
    expect(doc, 'rerun with BANGFU_WRITE_TABLE_MAP=1 to update docs/ARCHITECTURE.md').toBe(wanted);
  });
});
