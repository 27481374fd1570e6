import { type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { SelectField } from './SelectField';
import { Form } from './Form';
import { SearchField } from './FormField';

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
    <SelectField
      compact
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={options}
      data-testid={testId}
    >
      <option value="">{anyLabel ?? t('admin.filter.all')}</option>
    </SelectField>
  );
}

/**
 * An admin list's search form: the search text, then its filters (children), then 查询. The text is applied
 * on submit (Enter or the button); filters may apply as they are picked.
 */
export function SearchFilters({
  label,
  value,
  onChange,
  onSearch,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form className="admin-filters" role="search" onSubmit={onSearch}>
      <SearchField label={label} value={value} onChange={onChange} />
      {children}
      <div className="field field-compact">
        <button type="submit" className="button button-primary">
          {t('admin.search')}
        </button>
      </div>
    </Form>
  );
}
