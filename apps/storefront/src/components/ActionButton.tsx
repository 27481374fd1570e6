import type { ReactNode } from 'react';

/**
 * A button that runs a `useAction` (lib/use-action.ts) and stays disabled while it is busy; `args` are passed to
 * `run`. The action's error is shown by the caller (`ErrorNotice`), which knows where it belongs.
 */
export function ActionButton<A extends unknown[]>({
  action,
  args,
  variant = 'quiet',
  small = false,
  testId,
  children,
}: {
  action: { busy: boolean; run: (...args: A) => Promise<unknown> };
  args?: A;
  variant?: 'quiet' | 'primary' | 'danger';
  small?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`button button-${variant}${small ? ' button-small' : ''}`}
      disabled={action.busy}
      onClick={() => void action.run(...((args ?? []) as A))}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
