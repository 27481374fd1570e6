import { REGION_PATH, type RegionRef } from '../api/catalog';
import { REGIONS, type RegionSummary } from '../api/operations';
import { isMessageKey, useI18n } from '../i18n';
import { regionCodeOf, regionPrefix } from '../lib/region-code';
import { useQuery } from '../lib/use-query';
import { SelectField } from './SelectField';

function RegionSelect({
  parentCode,
  value,
  level,
  onChange,
}: {
  parentCode: string | null;
  value: string;
  level: number;
  onChange: (r: RegionSummary | null) => void;
}) {
  const { t } = useI18n();
  const { data, loading } = useQuery(REGIONS, { parentCode });
  const levelKey = `region.level.${level}`;
  const label = isMessageKey(levelKey) ? t(levelKey) : '';
  if (data && data.regions.length === 0) return null;
  return (
    <SelectField
      compact
      label={label}
      value={value}
      disabled={loading && !data}
      onChange={(e) => onChange(data?.regions.find((r) => r.code === e.target.value) ?? null)}
    >
      <option value="">{t('filter.region.any')}</option>
      {data?.regions.map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
          {r.exPovertyCounty ? ` · ${t('region.flag.exPoverty')}` : ''}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Province › city › county selects for a region filter. `value` is a code prefix ('5206') or a
 * 12-digit code; the choice is reported as a prefix ('' for anywhere).
 */
export function RegionPicker({
  value,
  onChange,
  deepest = 3,
}: {
  value: string;
  onChange: (prefix: string) => void;
  deepest?: number;
}) {
  const code = value ? (regionCodeOf(value) ?? (/^\d{12}$/.test(value) ? value : null)) : null;
  const { data } = useQuery(REGION_PATH, { code: code ?? '' }, { skip: !code });
  const trail: RegionRef[] = code && data?.region ? data.region.path : [];
  const levels = Array.from({ length: Math.min(deepest, trail.length + 1) }, (_, i) => i);

  const choose = (depth: number, region: RegionSummary | null) => {
    if (region) onChange(regionPrefix(region.code));
    else onChange(depth === 0 ? '' : regionPrefix(trail[depth - 1].code));
  };

  return (
    <div className="region-picker">
      {levels.map((depth) => (
        <RegionSelect
          key={`${depth}-${depth === 0 ? 'root' : trail[depth - 1].code}`}
          level={depth + 1}
          parentCode={depth === 0 ? null : trail[depth - 1].code}
          value={trail[depth]?.code ?? ''}
          onChange={(r) => choose(depth, r)}
        />
      ))}
    </div>
  );
}
