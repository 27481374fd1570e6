import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

/** A select's choices as [value, text] pairs. */
export type SelectOptions = readonly (readonly [value: string | number, text: ReactNode])[];

/**
 * A labelled <select>. The label sits beside the control (not around it) so the select's accessible
 * name is the label alone, not the label plus the chosen option. Its choices are `options`, after any
 * `<option>` children (a first "all" or "none").
 */
export function SelectField({
  label,
  compact = false,
  options = [],
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; compact?: boolean; options?: SelectOptions }) {
  const id = useId();
  return (
    <div className={`field${compact ? ' field-compact' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...props}>
        {children}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
