import { type ReactNode, useId } from 'react';

/** A card headed by its title (an `<h2>`, which also names the card for screen readers) and what stands beside it. */
export function TitledCard({
  title,
  className,
  testId,
  aside,
  children,
}: {
  title: ReactNode;
  /** What stands beside the title (a toggle, the export buttons): title and aside then share a head row. */
  aside?: ReactNode;
  /** More classes on the card (`stats-card`). */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id} data-testid={testId}>
      {aside !== undefined ? (
        <div className="section-head-row">
          <h2 id={id}>{title}</h2>
          {aside}
        </div>
      ) : (
        <h2 id={id}>{title}</h2>
      )}
      {children}
    </section>
  );
}
