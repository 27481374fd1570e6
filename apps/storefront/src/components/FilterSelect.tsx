import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { SelectField } from './SelectField';

/**
 * A list's filter: "any" (the empty value; 全部 unless `anyLabel` says otherwise) first, then each choice as
 * [value, text]. The admin console's lists, orders, complaints and findings use it.
 */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  anyLabel,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  anyLabel?: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <SelectField compact label={label} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{anyLabel ?? t('admin.filter.all')}</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}
