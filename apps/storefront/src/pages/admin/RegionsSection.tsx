import { useState } from 'react';
import {
  JURISDICTION_MINIMUMS,
  REGION_WITH_FLAGS,
  type RegionFlags,
  SET_JURISDICTION_MINIMUM,
  SET_REGION_FLAGS,
} from '../../api/admin';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/Feedback';
import { RegionName } from '../../components/RegionName';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { regionCodeOf } from '../../lib/region-code';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { QueryStatus } from '../../components/ListStatus';
import { Checkbox } from '../../components/Checkbox';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';

/** 脱贫县 / 重点帮扶县 flags of a county (products may only be published from an ex-poverty county). */
function CountyFlags() {
  const { t } = useI18n();
  const [prefix, setPrefix] = useState('');
  const code = prefix.length === 6 ? regionCodeOf(prefix) : null;
  const region = useQuery(REGION_WITH_FLAGS, { code: code ?? '' }, { skip: !code });
  const save = useAction(async (flags: Partial<Pick<RegionFlags, 'exPovertyCounty' | 'keyAssistanceCounty'>>) => {
    if (!code) return;
    const data = await api.request(SET_REGION_FLAGS, { code, ...flags });
    region.setData(() => ({ region: data.setRegionFlags }));
  });
  const r = region.data?.region;
  return (
    <section className="card">
      <h2>{t('admin.regions.flagsTitle')}</h2>
      <p className="muted">{t('admin.regions.flagsLead')}</p>
      <div className="admin-filters">
        <RegionPicker value={prefix} onChange={setPrefix} deepest={3} />
      </div>
      <ErrorNotice error={region.error ?? save.error} />
      {r && (
        <div className="chip-row" data-testid="county-flags">
          <strong>{r.name}</strong>
          <Checkbox
            label={t('region.flag.exPoverty')}
            checked={r.exPovertyCounty}
            disabled={save.busy}
            onChange={(exPovertyCounty) => void save.run({ exPovertyCounty })}
          />
          <Checkbox
            label={t('region.flag.keyAssistance')}
            checked={r.keyAssistanceCounty}
            disabled={save.busy}
            onChange={(keyAssistanceCounty) => void save.run({ keyAssistanceCounty })}
          />
        </div>
      )}
    </section>
  );
}

/** Minimum reserved-share ratios by province or city (elsewhere 10%). */
function Minimums() {
  const { t, locale } = useI18n();
  const minimums = useQuery(JURISDICTION_MINIMUMS);
  const [prefix, setPrefix] = useState('');
  const [percent, setPercent] = useState('10');
  const bps = /^\d{1,3}(\.\d{1,2})?$/.test(percent.trim()) ? Math.round(Number(percent) * 100) : null;
  const save = useAction(async () => {
    const regionCode = regionCodeOf(prefix);
    if (!regionCode || bps === null) return; // the button is disabled then
    await api.request(SET_JURISDICTION_MINIMUM, { regionCode, ratioBps: bps });
    minimums.reload();
  });
  const rows = minimums.data?.jurisdictionMinimums ?? [];
  return (
    <section className="card">
      <h2>{t('admin.regions.minimumsTitle')}</h2>
      <QueryStatus query={minimums} empty={rows.length === 0} emptyText={t('admin.regions.noMinimums')} />
      <div className="table-scroll">
        <table className="table">
          <tbody>
            {rows.map((m) => (
              <tr key={m.regionPrefix}>
                <td>
                  <RegionName prefix={m.regionPrefix} />
                </td>
                <td className="num">{(m.ratioBps / 100).toFixed(2)}%</td>
                <td className="muted small">{formatDateTime(m.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form
        className="admin-form"
        onSubmit={() => {
          if (prefix && bps !== null) void save.run();
        }}
      >
        <div className="admin-filters">
          <RegionPicker value={prefix} onChange={setPrefix} deepest={2} />
          <TextField
            compact
            label={t('admin.regions.minimumPercent')}
            inputMode="decimal"
            required
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            aria-invalid={bps === null}
          />
          <div className="field field-compact">
            <button type="submit" className="button button-primary" disabled={save.busy || !prefix || bps === null}>
              {t('admin.regions.setMinimum')}
            </button>
          </div>
        </div>
        <ErrorNotice error={save.error} />
      </Form>
    </section>
  );
}

export function RegionsSection() {
  return (
    <>
      <CountyFlags />
      <Minimums />
    </>
  );
}
