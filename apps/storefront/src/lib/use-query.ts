import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { asRequestError, type RequestError } from './graphql';

export interface QueryState<T> {
  data: T | null;
  error: RequestError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs a query whenever its variables change; a late answer for old variables is dropped. */
export function useQuery<T>(query: string, variables?: Record<string, unknown>): QueryState<T> {
  const key = JSON.stringify(variables ?? {});
  const [state, setState] = useState<{ data: T | null; error: RequestError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api.request<T>(query, JSON.parse(key)).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (e) => current && setState({ data: null, error: asRequestError(e), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
