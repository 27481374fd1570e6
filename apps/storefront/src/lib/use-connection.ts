import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { type AnyVariables } from '@urql/core';
import { asRequestError, type Doc, type RequestError } from './graphql';

export interface ConnectionPage<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: N }>;
}

export interface ConnectionState<N> {
  nodes: N[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: RequestError | null;
  loadMore: () => void;
  reload: () => void;
  /** Local edit of the loaded nodes (after a mutation), keeping the cursor. */
  update: (fn: (nodes: N[]) => N[]) => void;
}

/**
 * A Relay connection read page by page ("load more"): the first page whenever the variables change,
 * then `after: endCursor`. Answers for variables that are no longer current are dropped.
 */
export function useConnection<T, N, V extends AnyVariables = any>(
  query: Doc<T, V>,
  variables: NoInfer<Omit<V, 'after'>>,
  select: (data: T) => ConnectionPage<N>,
  options: { skip?: boolean } = {},
): ConnectionState<N> {
  const key = JSON.stringify(variables);
  const skip = options.skip ?? false;
  const selectRef = useRef(select);
  selectRef.current = select;
  const generation = useRef(0);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{
    nodes: N[];
    totalCount: number | null;
    endCursor: string | null;
    hasNextPage: boolean;
    loading: boolean;
    loadingMore: boolean;
    error: RequestError | null;
  }>({
    nodes: [],
    totalCount: null,
    endCursor: null,
    hasNextPage: false,
    loading: !skip,
    loadingMore: false,
    error: null,
  });

  useEffect(() => {
    const mine = ++generation.current;
    if (skip) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    setState((s) => ({ ...s, loading: true, loadingMore: false, error: null }));
    api.request(query, { ...JSON.parse(key), after: null } as V).then(
      (data) => {
        if (mine !== generation.current) return;
        const page = selectRef.current(data);
        setState({
          nodes: page.edges.map((e) => e.node),
          totalCount: page.totalCount,
          endCursor: page.pageInfo.endCursor,
          hasNextPage: page.pageInfo.hasNextPage,
          loading: false,
          loadingMore: false,
          error: null,
        });
      },
      (e) =>
        mine === generation.current &&
        setState((s) => ({
          ...s,
          nodes: [],
          totalCount: null,
          hasNextPage: false,
          loading: false,
          error: asRequestError(e),
        })),
    );
  }, [query, key, attempt, skip]);

  // Read the latest state without re-creating loadMore (and never start requests inside an updater).
  const stateRef = useRef(state);
  stateRef.current = state;

  const loadMore = useCallback(() => {
    const mine = generation.current;
    const s = stateRef.current;
    if (!s.hasNextPage || s.loadingMore || s.loading) return;
    stateRef.current = { ...s, loadingMore: true };
    setState((cur) => ({ ...cur, loadingMore: true, error: null }));
    api.request(query, { ...JSON.parse(key), after: s.endCursor } as V).then(
      (data) => {
        if (mine !== generation.current) return;
        const page = selectRef.current(data);
        setState((cur) => ({
          ...cur,
          nodes: [...cur.nodes, ...page.edges.map((e) => e.node)],
          totalCount: page.totalCount,
          endCursor: page.pageInfo.endCursor,
          hasNextPage: page.pageInfo.hasNextPage,
          loadingMore: false,
        }));
      },
      (e) =>
        mine === generation.current && setState((cur) => ({ ...cur, loadingMore: false, error: asRequestError(e) })),
    );
  }, [query, key]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((fn: (nodes: N[]) => N[]) => setState((s) => ({ ...s, nodes: fn(s.nodes) })), []);
  const { nodes, totalCount, hasNextPage, loading, loadingMore, error } = state;
  return { nodes, totalCount, hasNextPage, loading, loadingMore, error, loadMore, reload, update };
}
