import type { ReactNode } from 'react';
import type { ConnectionState } from '../lib/use-connection';
import { ErrorNotice, Loading } from './Feedback';
import { LoadMore } from './ListStatus';
import { TitledCard } from './TitledCard';

/**
 * A card listing a connection (lib/use-connection.ts): its title with the total beside it, the load error,
 * "loading" while a page is on its way, the empty text once there are no rows, the rows (children) and 加载更多.
 */
export function ConnectionCard({
  title,
  total,
  list,
  emptyText,
  moreLabel,
  testId,
  totalTestId,
  moreTestId,
  children,
}: {
  title: ReactNode;
  /** The total as the reader reads it ("共 12 条"). */
  total: (count: number) => ReactNode;
  list: Omit<ConnectionState<unknown>, 'update'>;
  emptyText: ReactNode;
  moreLabel: ReactNode;
  testId?: string;
  totalTestId?: string;
  moreTestId?: string;
  children: ReactNode;
}) {
  return (
    <TitledCard
      title={title}
      testId={testId}
      aside={
        list.totalCount !== null && (
          <span className="muted small" data-testid={totalTestId}>
            {total(list.totalCount)}
          </span>
        )
      }
    >
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading ? <Loading /> : null}
      {!list.loading && list.nodes.length === 0 && !list.error && <p className="muted">{emptyText}</p>}
      {children}
      <LoadMore list={list} plain label={moreLabel} testId={moreTestId} />
    </TitledCard>
  );
}
