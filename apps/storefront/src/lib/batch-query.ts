// Reading many records by id in one request (the cart's products, an order's supplier names).
import { useMemo } from 'react';
import { TypedDocumentString } from '../api/generated/graphql';
import type { Doc } from './graphql';
import { useQuery } from './use-query';

/** Many records of one field in one request; `fragment` (a codegen document) is what each one reads. */
export interface Batch<R> {
  name: string;
  field: string;
  /** The field's id argument. */
  arg: string;
  fragment: Doc<R>;
}

export const batch = <R>(name: string, field: string, fragment: Doc<R>, arg = 'id'): Batch<R> => ({
  name,
  field,
  arg,
  fragment,
});

/**
 * One query for many ids: `{ n0: product(id: $n0) { ...F } n1: … }`. Returns the document and its
 * variables; the answer's keys map back to the ids by position. No ids: an empty query. Field, argument and
 * fragment are checked against schema.graphql by batch-query.spec.ts.
 */
export function aliasedQuery<R, A = R>(
  b: Batch<R>,
  ids: readonly string[],
): { query: string; document: Doc<Record<string, A | null>>; variables: Record<string, string>; keys: string[] } {
  const text = b.fragment.toString();
  const fragment = /^\s*fragment (\w+) on /.exec(text)?.[1];
  if (!fragment) throw new Error(`batch ${b.name}: the document is not a fragment`);
  const keys = ids.map((_, i) => `n${i}`);
  const params = keys.map((k) => `$${k}: ID!`).join(', ');
  const body = keys.map((k) => `${k}: ${b.field}(${b.arg}: $${k}) { ...${fragment} }`).join('\n    ');
  const query = ids.length ? `query ${b.name}(${params}) {\n    ${body}\n  }\n${text}` : '';
  // No ids: nothing to ask (callers skip); a valid stand-in keeps the type.
  const document = new TypedDocumentString<Record<string, A | null>, Record<string, string>>(query || '{ __typename }');
  return { query, document, variables: Object.fromEntries(keys.map((k, i) => [k, ids[i]])), keys };
}

/**
 * The answer of an aliased query as id → record, null when the server had none for that id. While
 * an answer for other ids is still shown (`stale`), only records that carry their own id are kept,
 * so a position never lends its record to another id.
 */
export function byId<T extends { id: string }>(
  ids: readonly string[],
  keys: readonly string[],
  data: Record<string, T | null> | null,
  stale = false,
): Map<string, T | null> {
  const map = new Map<string, T | null>();
  if (!data) return map;
  const answered = new Map<string, T>();
  for (const rec of Object.values(data)) if (rec && typeof rec.id === 'string') answered.set(rec.id, rec);
  ids.forEach((id, i) => {
    const rec = answered.get(id);
    if (rec) map.set(id, rec);
    else if (!stale && keys[i] in data) map.set(id, null);
  });
  return map;
}

/** Distinct ids, in a stable order, so the query only changes when the set does. */
export const distinct = (ids: Iterable<string>) => [...new Set(ids)].sort();

export interface BatchState<T> {
  records: Map<string, T | null>;
  loading: boolean;
  error: ReturnType<typeof useQuery>['error'];
  reload: () => void;
}

export function useBatch<T extends { id: string }>(
  b: Batch<T>,
  ids: readonly string[],
  options: { skip?: boolean } = {},
): BatchState<T> {
  const key = ids.join(',');
  // `key` stands for `ids`: a new array with the same ids keeps the same query.
  const built = useMemo(() => aliasedQuery(b, ids), [b, key]);
  const { data, loading, error, reload } = useQuery(built.document, built.variables, {
    skip: options.skip || ids.length === 0,
  });
  const records = useMemo(() => byId(ids, built.keys, data, loading), [built, data, loading]);
  return { records, loading, error, reload };
}
