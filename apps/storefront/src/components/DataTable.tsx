import type { ReactNode } from 'react';

/** A column heading; `num` right-aligns it like its figures, `className` adds classes (`col-unit`). */
export type Column = ReactNode | { label: ReactNode; num?: boolean; className?: string };

const isHeading = (c: Column): c is { label: ReactNode; num?: boolean; className?: string } =>
  typeof c === 'object' && c !== null && 'label' in c;

function headingClass(c: { num?: boolean; className?: string }): string | undefined {
  return [c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A horizontally scrollable table with one heading row; the caller renders the body rows. `scoped` marks the
 * headings `scope="col"` (for tables whose rows start with a `<th scope="row">`); `region` names the scroller and
 * makes it focusable, so keyboard users can scroll it sideways on a phone (axe: scrollable-region-focusable).
 * `caption` names the table above its headings (small and muted, as the app's table captions are).
 */
export function DataTable({
  columns,
  children,
  className,
  testId,
  scoped = false,
  region,
  caption,
}: {
  columns: Column[];
  children: ReactNode;
  /** More classes on the table (`stats-table compact`). */
  className?: string;
  testId?: string;
  scoped?: boolean;
  region?: string;
  caption?: ReactNode;
}) {
  const scope = scoped ? 'col' : undefined;
  return (
    <div className="table-scroll" {...(region ? { tabIndex: 0, role: 'region', 'aria-label': region } : {})}>
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        {caption && <caption className="muted small">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) =>
              isHeading(c) ? (
                <th key={i} scope={scope} className={headingClass(c)}>
                  {c.label}
                </th>
              ) : (
                <th key={i} scope={scope}>
                  {c}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
