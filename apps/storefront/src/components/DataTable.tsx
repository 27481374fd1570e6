import type { ReactNode } from 'react';

/** A column heading; `num` right-aligns it like its figures. */
export type Column = ReactNode | { label: ReactNode; num?: boolean };

const isHeading = (c: Column): c is { label: ReactNode; num?: boolean } =>
  typeof c === 'object' && c !== null && 'label' in c;

/** A horizontally scrollable table with one heading row; the caller renders the body rows. */
export function DataTable({
  columns,
  children,
  className,
  testId,
}: {
  columns: Column[];
  children: ReactNode;
  /** More classes on the table (`stats-table compact`). */
  className?: string;
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) =>
              isHeading(c) ? (
                <th key={i} className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ) : (
                <th key={i}>{c}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
