import { type ReactNode, useId } from 'react';

/** A card headed by its title (an `<h2>`), which also names the card for screen readers. */
export function TitledCard({
  title,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  /** More classes on the card (`stats-card`). */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
