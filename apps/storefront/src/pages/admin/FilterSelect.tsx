import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';

/** An admin list's filter: 全部 (the empty value) first, then each choice as [value, text]. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  const { t } = useI18n();
  return (
    <SelectField compact label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('admin.filter.all')}</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}
