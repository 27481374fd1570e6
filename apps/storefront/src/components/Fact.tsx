import type { ReactNode } from 'react';

/** One name and value of a description list (`<dl>`): a figure grid, a store's facts. */
export function Fact({ label, testId, children }: { label: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
