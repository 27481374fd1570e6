import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { isUuid } from './ids';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection types: `Paginated(Product)` gives ProductConnection and ProductEdge. */
export function Paginated<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${node.name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(`${node.name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionType as Type<Connection<T>>;
}

/** A connection query's Relay paging arguments: `@Args() { first, after }: PageArgs`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  return first;
}

/** Opaque cursors: base64url JSON of the sort key, so the order can change without breaking clients. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key)) throw new Error('not a key');
    return key;
  } catch {
    throw badInput('after is not a valid cursor', { field: 'after' });
  }
}

/** PostgreSQL's timestamptz text and ISO strings: date, time to the microsecond, zone. */
const CURSOR_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * A newest-first cursor's (time, id), or BAD_USER_INPUT: both reach SQL as timestamptz and uuid parameters,
 * so anything PostgreSQL would refuse (Date.parse takes "0" and 2026-02-30) is refused here first.
 */
export function timeIdCursor(cursor: unknown[]): [string, string] {
  const [at, id] = cursor;
  const m = typeof at === 'string' ? CURSOR_TIME.exec(at) : null;
  const [y, mo, d, h, mi, sec] = (m ?? []).slice(1, 7).map(Number);
  const day = m ? new Date(Date.UTC(y, mo - 1, d)) : null;
  const real = day !== null && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  if (!real || h > 23 || mi > 59 || sec > 59 || !isUuid(id))
    throw badInput('after is not a valid cursor', { field: 'after' });
  return [at as string, id];
}

/** Builds a connection from rows fetched with limit+1 (the extra row tells whether there is a next page). */
export function toConnection<T>(
  rows: T[],
  limit: number,
  totalCount: number,
  keyOf: (row: T) => unknown[],
  hasPrevious: boolean,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * One page of a filtered TypeORM query, newest first by (created_at, id), with the total counted before the
 * cursor narrows it. created_at travels in the cursor as PostgreSQL text: a JS Date would drop the
 * microseconds and skip or repeat rows created in the same millisecond. `present` maps the page's rows
 * (masking, derived fields) and keeps their ids.
 */
export async function newestFirstPage<E extends { id: string }, T extends { id: string }>(
  qb: SelectQueryBuilder<E>,
  page: { first?: number | null; after?: string | null },
  present: (rows: E[]) => T[] | Promise<T[]>,
): Promise<Connection<T>> {
  const limit = pageSize(page.first);
  const cursor = decodeCursor(page.after);
  const a = qb.alias;
  const total = await qb.getCount();
  if (cursor) {
    const [ts, id] = timeIdCursor(cursor);
    qb.andWhere(`(${a}.created_at, ${a}.id) < (:cTs::timestamptz, :cId::uuid)`, { cTs: ts, cId: id });
  }
  qb.addSelect(`${a}.created_at::text`, 'cursor_ts')
    .orderBy(`${a}.created_at`, 'DESC')
    .addOrderBy(`${a}.id`, 'DESC')
    .limit(limit + 1);
  const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
  const keys = new Map(entities.map((e, i) => [e.id, raw[i].cursor_ts]));
  return toConnection(await present(entities), limit, total, (row) => [keys.get(row.id), row.id], !!cursor);
}

/** A raw-SQL list for sqlNewestFirstPage: its rows' SELECT … FROM, the FROM of its count, the sort columns, the filters. */
export interface SqlList {
  select: string;
  from: string;
  time: string;
  id: string;
  /** Conditions with $n placeholders into params; the cursor adds its own. */
  where: string[];
  params: unknown[];
}

/**
 * One page of a raw-SQL list, newest first by (time, id): counts the filtered rows, then reads the page after the
 * cursor (the time as PostgreSQL text and an id, as newestFirstPage's). `present` turns the page's rows into nodes;
 * `key` gives a node's time and id. The time in the cursor is read with the rows: a node's JS Date would drop the
 * microseconds, and rows stamped in one transaction (one detection run) would fall behind the cursor unseen.
 */
export async function sqlNewestFirstPage<Row, T>(
  em: EntityManager,
  list: SqlList,
  page: { first?: number | null; after?: string | null },
  present: (rows: Row[]) => Promise<T[]>,
  key: (node: T) => [Date, string],
): Promise<Connection<T>> {
  const limit = pageSize(page.first);
  const cursor = decodeCursor(page.after);
  const { where, params } = list;
  const clause = () => (where.length ? `WHERE ${where.join(' AND ')}` : '');
  const [{ n }]: Array<{ n: number }> = await em.query(
    `SELECT count(*)::int AS n FROM ${list.from} ${clause()}`,
    params,
  );
  if (cursor) {
    const [at, id] = timeIdCursor(cursor);
    where.push(`(${list.time}, ${list.id}) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
  }
  const select = list.select.replace(
    /^\s*SELECT\s/i,
    `SELECT ${list.time}::text AS cursor_ts, ${list.id}::text AS cursor_id, `,
  );
  const rows: Array<Row & { cursor_ts: string; cursor_id: string }> = await em.query(
    `${select} ${clause()} ORDER BY ${list.time} DESC, ${list.id} DESC LIMIT ${limit + 1}`,
    params,
  );
  const exact = new Map(rows.map((r) => [r.cursor_id, r.cursor_ts]));
  const cursorOf = (node: T) => {
    const [at, id] = key(node);
    return [exact.get(id) ?? at.toISOString(), id];
  };
  return toConnection(await present(rows), limit, n, cursorOf, !!cursor);
}
