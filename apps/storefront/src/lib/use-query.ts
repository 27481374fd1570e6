import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { type AnyVariables } from '@urql/core';
import { asRequestError, type Doc, type RequestError } from './graphql';

export interface QueryState<T> {
  data: T | null;
  error: RequestError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (e.g. with a mutation's answer) without asking the server. */
  setData: (update: (data: T | null) => T | null) => void;
}

/**
 * Runs a query whenever its variables change; a late answer for old variables is dropped.
 * `skip` leaves the query unsent (e.g. until the user is known).
 */
export function useQuery<T, V extends AnyVariables = any>(
  query: Doc<T, V>,
  variables?: NoInfer<V>,
  options: { skip?: boolean } = {},
): QueryState<T> {
  const key = JSON.stringify(variables ?? {});
  const skip = options.skip ?? false;
  const [state, setState] = useState<{ data: T | null; error: RequestError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !skip,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (skip) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api.request(query, JSON.parse(key) as V).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (e) => current && setState({ data: null, error: asRequestError(e), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, key, attempt, skip]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback(
    (update: (data: T | null) => T | null) => setState((s) => ({ ...s, data: update(s.data) })),
    [],
  );
  return { ...state, reload, setData };
}
