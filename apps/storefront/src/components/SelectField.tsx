import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

/**
 * A labelled <select>. The label sits beside the control (not around it) so the select's accessible
 * name is the label alone, not the label plus the chosen option.
 */
export function SelectField({
  label,
  compact = false,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; compact?: boolean }) {
  const id = useId();
  return (
    <div className={`field${compact ? ' field-compact' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...props}>
        {children}
      </select>
    </div>
  );
}
