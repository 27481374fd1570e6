// Reading many records by id in one request (the cart's products, an order's supplier names).
import { useMemo } from 'react';
import { useQuery } from './use-query';

/**
 * One query for many ids: `{ n0: product(id: $n0) { … } n1: … }`. Returns the document and its
 * variables; the answer's keys map back to the ids by position. No ids: an empty document.
 */
export function aliasedQuery(
  name: string,
  field: string,
  ids: readonly string[],
  selection: string,
  options: { fragment?: string; arg?: string } = {},
): { query: string; variables: Record<string, string>; keys: string[] } {
  const { fragment = '', arg = 'id' } = options;
  const keys = ids.map((_, i) => `n${i}`);
  const params = keys.map((k) => `$${k}: ID!`).join(', ');
  const body = keys.map((k) => `${k}: ${field}(${arg}: $${k}) ${selection}`).join('\n    ');
  const query = ids.length ? `query ${name}(${params}) {\n    ${body}\n  }\n${fragment}` : '';
  return { query, variables: Object.fromEntries(keys.map((k, i) => [k, ids[i]])), keys };
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
  name: string,
  field: string,
  ids: readonly string[],
  selection: string,
  options: { fragment?: string; arg?: string; skip?: boolean } = {},
): BatchState<T> {
  const key = ids.join(',');
  const { fragment, arg, skip } = options;
  // `key` stands for `ids`: a new array with the same ids keeps the same query.
  const built = useMemo(
    () => aliasedQuery(name, field, ids, selection, { fragment, arg }),
    [name, field, key, selection, fragment, arg],
  );
  const { data, loading, error, reload } = useQuery<Record<string, T | null>>(built.query, built.variables, {
    skip: skip || ids.length === 0,
  });
  const records = useMemo(() => byId(ids, built.keys, data, loading), [built, data, loading]);
  return { records, loading, error, reload };
}
