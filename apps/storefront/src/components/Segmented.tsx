import type { ReactNode } from 'react';

/**
 * One of a few choices as a row of buttons (`.segmented`), the chosen one `aria-pressed`; `options` are
 * [value, text] pairs. `hint` and `testId` give a button its title and test id.
 */
export function Segmented<V extends string | number | boolean>({
  label,
  value,
  onChange,
  options,
  hint,
  testId,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly (readonly [V, ReactNode])[];
  hint?: (value: V) => string;
  testId?: (value: V) => string;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button
          key={String(v)}
          type="button"
          aria-pressed={v === value}
          onClick={() => onChange(v)}
          title={hint?.(v)}
          data-testid={testId?.(v)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
