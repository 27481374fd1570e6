// Finds the tables a TypeScript file names in SQL, so test/table-ownership.spec.ts can fail when a lib
// names a table another lib owns (docs/ARCHITECTURE.md, "Table ownership").
// Only string and template literals are read (comments and identifiers never count), and only
// UPPERCASE SQL keywords: the codebase writes SQL in upper case, and lower case would match prose in
// error messages ("cannot update certification"). A name counts only when it is a known table or view,
// so CTEs, aliases, functions (FROM unnest(...)) and catalog tables (pg_database) are ignored.
import ts from 'typescript';

export interface TableReference {
  table: string;
  line: number;
  /** `sql` for a name in a literal, `entity` for a TypeORM @Entity('name') declaration. */
  kind: 'sql' | 'entity';
}

const NAME = String.raw`(?:"?[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?`;
const ANY_NAME = String.raw`(?:"?[a-z_][a-z0-9_]*"?\.)?"?[a-z_][a-z0-9_]*"?`;
// A keyword followed by one name: DELETE FROM and every FROM/JOIN, INTO, UPDATE, REFERENCES, and the
// TABLE of CREATE/ALTER/LOCK/TRUNCATE TABLE. ONLY is PostgreSQL's inheritance opt-out. `IS DISTINCT
// FROM x` compares with a column.
const SINGLE = new RegExp(
  String.raw`\b(?<!DISTINCT\s+)(?:FROM|JOIN|INTO|UPDATE|REFERENCES|TABLE|COPY)\s+(?:ONLY\s+)?${NAME}`,
  'g',
);
// FROM a x, b y and TRUNCATE a, b name several tables.
const LIST = new RegExp(
  String.raw`\b(?<!DISTINCT\s+)(?:FROM|TRUNCATE(?:\s+TABLE)?)\s+((?:${ANY_NAME}(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s*,\s*)+${ANY_NAME})`,
  'g',
);
const LIST_ITEM = new RegExp(String.raw`(?:^|,)\s*${NAME}`, 'g');

const QUERY_BUILDER_TABLE_ARG = new Set([
  'from',
  'addFrom',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'leftJoinAndMapOne',
  'into',
  'update',
]);

/** Table names (from `known`) that one piece of SQL text names, with their offsets in it. */
export function tablesInSql(sql: string, known: ReadonlySet<string>): { table: string; index: number }[] {
  const found = new Map<string, { table: string; index: number }>();
  const add = (table: string, index: number) => {
    if (known.has(table) && !found.has(`${index}:${table}`)) found.set(`${index}:${table}`, { table, index });
  };
  // Offsets are the name's own, so a name both patterns find counts once.
  for (const m of sql.matchAll(SINGLE)) add(m[1], m.index + m[0].lastIndexOf(m[1]));
  for (const m of sql.matchAll(LIST)) {
    const list = m.index + m[0].lastIndexOf(m[1]);
    for (const item of m[1].matchAll(LIST_ITEM)) add(item[1], list + item.index + item[0].lastIndexOf(item[1]));
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** Every known table a TypeScript source names in a string/template literal or an @Entity('name'). */
export function tablesInSource(source: string, known: ReadonlySet<string>, fileName = 'file.ts'): TableReference[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const refs: TableReference[] = [];
  const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) {
      const { expression, arguments: args } = node.expression;
      if (ts.isIdentifier(expression) && expression.text === 'Entity' && args[0] && ts.isStringLiteral(args[0])) {
        if (known.has(args[0].text))
          refs.push({ table: args[0].text, line: lineOf(args[0].getStart()), kind: 'entity' });
        return;
      }
    }
    // TypeORM's query builder names tables as the first argument: .from('t', 'x'), .innerJoin('t', …).
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const [first] = node.arguments;
      if (QUERY_BUILDER_TABLE_ARG.has(node.expression.name.text) && first && ts.isStringLiteralLike(first)) {
        if (known.has(first.text)) refs.push({ table: first.text, line: lineOf(first.getStart()), kind: 'sql' });
      }
    }
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // The literal's text starts one character after its opening quote/backtick/brace.
      const start = node.getStart() + 1;
      const raw = source.slice(start);
      for (const { table, index } of tablesInSql(node.text, known)) {
        // node.text has escapes resolved; SQL rarely has any, so the raw offset is near enough for a line number.
        refs.push({ table, line: lineOf(start + Math.min(index, raw.length)), kind: 'sql' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return refs;
}

/**
 * Tables and views the migrations create (CREATE TABLE / CREATE [MATERIALIZED] VIEW), in order: a
 * table renamed (ALTER TABLE a RENAME TO b, a rebuild's temporary copy) counts under its new name, and
 * one dropped or attached as a partition no longer counts. Each source is one statement or a migration's
 * text; within one source creations are read before drops.
 */
export function tablesInMigrations(sources: string[]): { tables: Set<string>; views: Set<string> } {
  const tables = new Set<string>();
  const views = new Set<string>();
  const TABLE_CHANGE =
    /\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)|\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?\s+RENAME\s+TO\s+"?([a-z_][a-z0-9_]*)/g;
  // A partition (CREATE TABLE x PARTITION OF t) is part of its parent; a dropped table is gone.
  const PARTITION_OR_DROP =
    /\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?\s+PARTITION\s+OF\b|\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([a-z_][a-z0-9_, ]*)/g;
  for (const s of sources) {
    for (const m of s.matchAll(TABLE_CHANGE)) {
      if (m[1]) tables.add(m[1]);
      else {
        tables.delete(m[2]);
        tables.add(m[3]);
      }
    }
    for (const m of s.matchAll(PARTITION_OR_DROP)) {
      if (m[1]) tables.delete(m[1]);
      else for (const name of m[2].split(',')) tables.delete(name.trim());
    }
    for (const m of s.matchAll(
      /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)/g,
    )) {
      views.add(m[1]);
    }
  }
  return { tables, views };
}
