import { createHash } from 'node:crypto';

const named = new Map<string, string>();

/** A node-postgres query config (`name`, `text`) that prints as its SQL. */
class PreparedSql {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

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
 * It is a node-postgres query config (`name`, `text`) that prints as its SQL: TypeORM passes the query
 * through to the driver unchanged, so transactions, errors and result shapes stay TypeORM's, and
 * whatever reads the query as text (`String(q)`, a RegExp test) still can. Not a `String` object:
 * node-postgres copies a config's own properties on every query, and a String's are its characters.
 */
export function prepared(sql: string): string {
  let name = named.get(sql);
  if (!name) {
    name = `bf_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    named.set(sql, name);
  }
  return new PreparedSql(name, sql) as unknown as string;
}
