import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { RequestError } from '../lib/graphql';
import { ErrorNotice, Loading } from './Feedback';

/** What a list shows when it has no rows: the text (the admin queues' 暂无 by default), its class and test id. */
interface EmptyText {
  emptyText?: ReactNode;
  emptyClassName?: string;
  emptyTestId?: string;
}

/**
 * Above a list: the load error with a retry, then "loading" while nothing is shown yet, or the empty text once
 * the answer has no rows (the admin queues' 暂无 by default).
 */
export function ListStatus({
  error,
  onRetry,
  loading,
  empty,
  emptyText,
  emptyClassName = 'muted',
  emptyTestId,
}: EmptyText & {
  error: RequestError | null;
  onRetry?: () => void;
  loading: boolean;
  empty: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorNotice error={error} onRetry={onRetry} />
      {loading ? (
        <Loading />
      ) : empty ? (
        <p className={emptyClassName} data-testid={emptyTestId}>
          {emptyText ?? t('queue.empty')}
        </p>
      ) : null}
    </>
  );
}

/**
 * ListStatus for a connection (lib/use-connection.ts): loading until its first page, empty when the answer
 * counts no rows.
 */
export function ConnectionStatus({
  list,
  ...empty
}: EmptyText & {
  list: {
    error: RequestError | null;
    reload: () => void;
    loading: boolean;
    nodes: unknown[];
    totalCount: number | null;
  };
}) {
  return (
    <ListStatus
      error={list.error}
      onRetry={list.reload}
      loading={list.loading && !list.nodes.length}
      empty={list.totalCount === 0}
      {...empty}
    />
  );
}

/** What QueryStatus reads of a useQuery answer (lib/use-query.ts). */
interface QueryLike {
  error: RequestError | null;
  reload: () => void;
  loading: boolean;
  data: unknown;
}

/** ListStatus for a useQuery answer: loading until its first answer, empty when the caller's rows are. */
export function QueryStatus({ query, empty, ...text }: EmptyText & { query: QueryLike; empty: boolean }) {
  return (
    <ListStatus
      error={query.error}
      onRetry={query.reload}
      loading={query.loading && !query.data}
      empty={empty}
      {...text}
    />
  );
}

/**
 * A useQuery answer's rows as a list (`.row-list` unless `className` says otherwise) under their QueryStatus;
 * `row` renders one row, with its key.
 */
export function QueryRowList<T>({
  query,
  rows,
  row,
  className = 'row-list',
  ...text
}: EmptyText & {
  query: QueryLike;
  rows: readonly T[];
  row: (r: T) => ReactNode;
  className?: string;
}) {
  return (
    <>
      <QueryStatus query={query} empty={rows.length === 0} {...text} />
      <ul className={className}>{rows.map(row)}</ul>
    </>
  );
}

/**
 * 加载更多 under a connection (lib/use-connection.ts) while it has a next page: in a centred row that says it is
 * loading, or `plain`, a bare button that keeps its label.
 */
export function LoadMore({
  list,
  label,
  plain = false,
  testId,
}: {
  list: { hasNextPage: boolean; loadingMore: boolean; loadMore: () => void };
  label?: ReactNode;
  plain?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!list.hasNextPage) return null;
  const text = label ?? t('products.loadMore');
  const button = (
    <button
      type="button"
      className="button button-quiet"
      onClick={list.loadMore}
      disabled={list.loadingMore}
      data-testid={testId}
    >
      {!plain && list.loadingMore ? t('regions.loading') : text}
    </button>
  );
  return plain ? button : <div className="load-more">{button}</div>;
}
