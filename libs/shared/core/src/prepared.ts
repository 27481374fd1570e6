import { createHash } from 'node:crypto';

const named = new Map<string, string>();

/**
 * SQL that PostgreSQL parses once per connection instead of on every call: a hot statement of the
 * checkout path (issue 16, W3) passed to `em.query(prepared(sql), params)` becomes a named prepared
 * statement of node-postgres (Parse once per pooled connection, then Bind/Execute). After five
 * executions PostgreSQL also keeps one generic plan when its estimate is no worse than planning per
 * call; statements over id arrays (`unnest($1)`, `= ANY($1)`) are usually still planned per call,
 * because only the values tell the planner how many rows come (docs/BENCHMARKS.md, W3). Use it for
 * constant texts whose best plan does not depend on the values (key lookups, id lists): the name is a
 * hash of the text, and every distinct text stays prepared on each connection that ran it.
 *
 * It is the SQL text as a `String` object carrying node-postgres's `name` and `text`: TypeORM passes
 * the query through to the driver unchanged, so transactions, errors and result shapes stay TypeORM's,
 * and anything that reads the query as a string (logging, the statement-count spec) still can.
 */
export function prepared(sql: string): string {
  let name = named.get(sql);
  if (!name) {
    name = `bf_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    named.set(sql, name);
  }
  return Object.assign(new String(sql), { name, text: sql }) as unknown as string;
}
