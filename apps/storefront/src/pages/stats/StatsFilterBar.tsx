import { useId } from 'react';
import { SALES_GROUP_BYS, STATS_SIDES } from '../../api/statistics';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { shanghaiToday, type StatsFilters } from '../../lib/stats-filters';
import { Segmented } from '../../components/Segmented';

/** One end of the month range; clearing the input keeps the month it had (the range is never open). */
function MonthField({
  label,
  value,
  min,
  max,
  onPick,
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onPick: (month: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field-compact">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="month"
        value={value}
        min={min}
        max={max}
        required
        onChange={(e) => e.target.value && onPick(e.target.value)}
      />
    </div>
  );
}

/** Period (a whole year, or any month range), the side a sale is placed on, and the detail table's grouping. */
export function StatsFilterBar({ f, onChange }: { f: StatsFilters; onChange: (next: Partial<StatsFilters>) => void }) {
  const { t } = useI18n();
  const today = shanghaiToday();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const wholeYear =
    f.from.slice(0, 4) === f.to.slice(0, 4) &&
    f.from.endsWith('-01') &&
    (f.to.endsWith('-12') || f.to === today.slice(0, 7));
  const pickYear = (y: number) => onChange({ from: `${y}-01`, to: y === thisYear ? today.slice(0, 7) : `${y}-12` });
  return (
    <div className="stats-filters" role="group" aria-label={t('stats.filters')} data-testid="stats-filters">
      <SelectField
        label={t('stats.year')}
        compact
        value={wholeYear ? f.from.slice(0, 4) : ''}
        onChange={(e) => e.target.value && pickYear(Number(e.target.value))}
      >
        {!wholeYear && <option value="">{t('stats.customRange')}</option>}
        {years.map((y) => (
          <option key={y} value={y}>
            {t('stats.yearOption', { year: y })}
          </option>
        ))}
      </SelectField>
      <MonthField
        label={t('stats.from')}
        value={f.from}
        max={f.to}
        onPick={(from) => onChange({ from, to: from > f.to ? from : f.to })}
      />
      <MonthField
        label={t('stats.to')}
        value={f.to}
        min={f.from}
        onPick={(to) => onChange({ to, from: to < f.from ? to : f.from })}
      />
      <div className="field field-compact">
        <span className="field-label">{t('stats.side')}</span>
        <Segmented
          label={t('stats.side')}
          value={f.side}
          onChange={(side) => onChange({ side })}
          options={STATS_SIDES.map((side) => [side, t(`stats.side.${side}`)])}
          hint={(side) => t(`stats.side.${side}.hint`)}
        />
      </div>
      <SelectField
        label={t('stats.groupBy')}
        compact
        value={f.groupBy}
        onChange={(e) => onChange({ groupBy: e.target.value as StatsFilters['groupBy'] })}
        options={SALES_GROUP_BYS.map((g) => [g, t(`stats.groupBy.${g}`)])}
      />
    </div>
  );
}
