import { useId, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import {
  AMEND_RESERVED_SHARE,
  CANTEEN_MODES,
  EXEMPTIONS,
  FILE_RESERVED_SHARE,
  type FilingData,
  REQUEST_EXEMPTION,
  RESERVED_SHARE,
  SUBORDINATE_COMPLETION,
} from '../../api/procurement';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { FieldProblem, TextField, NoteField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { StatusChip } from '../../components/StatusChip';
import { translateOr, useI18n } from '../../i18n';
import { bpsToPercentText, reservedAmountOf } from '../../lib/agency';
import { filingFigures, filingFormSchema } from '../../lib/forms';
import { fenToYuanText, formatFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { ProcurementError } from './shared';
import { FormActions } from '../../components/FormActions';
import { TitledCard } from '../../components/TitledCard';

/** The API's names for the filing's fields, where the form has its own. */
const FILING_FIELDS = { canteenBudget: 'budget', ratioBps: 'ratio', catererName: 'caterer', coveredOrgIds: 'covered' };

function FilingForm({
  orgId,
  year,
  filing,
  minimumBps,
  onSaved,
}: {
  orgId: string;
  year: number;
  filing: FilingData | null;
  minimumBps: number;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const form = useZodForm(filingFormSchema(!!filing), {
    mode: filing?.canteenMode ?? 'OWN',
    budget: filing ? fenToYuanText(filing.canteenBudget) : '',
    ratio: filing ? bpsToPercentText(filing.ratioBps) : bpsToPercentText(minimumBps),
    caterer: filing?.catererName ?? '',
    covered: filing?.coveredOrgIds.filter((o) => o !== orgId) ?? [],
    // 同比下降须说明: the server says when the amount is below last year's; from then on the form asks why.
    decreaseReason: filing?.decreaseReason ?? '',
    reason: '',
  });
  const problems = form.formState.errors;
  const [mode, budget, ratio] = form.watch(['mode', 'budget', 'ratio']);
  const [askDecrease, setAskDecrease] = useState(Boolean(filing?.decreaseReason));
  const [exemptionReason, setExemptionReason] = useState('');
  const [saved, setSaved] = useState(false);
  const units = useQuery(SUBORDINATE_COMPLETION, { orgId, year }, { skip: mode !== 'SHARED' });

  const { budgetFen, bps } = filingFigures({ mode, budget, ratio });
  const reserved = budgetFen !== null && bps !== null ? reservedAmountOf(budgetFen, bps) : null;
  const belowMinimum = mode !== 'NONE' && bps !== null && bps < minimumBps;

  const save = useAction(async ({ reason, ...fields }: z.output<ReturnType<typeof filingFormSchema>>) => {
    const input = { orgId, year, ...fields };
    if (filing) await api.request(AMEND_RESERVED_SHARE, { input: { ...input, reason } });
    else await api.request(FILE_RESERVED_SHARE, { input });
    setSaved(true);
    form.setValue('reason', '');
    onSaved();
  });
  const exempt = useAction(async () => {
    if (bps === null) return;
    await api.request(REQUEST_EXEMPTION, { input: { orgId, year, ratioBps: bps, reason: exemptionReason.trim() } });
    setExemptionReason('');
    onSaved();
  });

  useServerProblem(form, save.error, FILING_FIELDS);
  if (save.error?.code === 'RESERVED_DECREASE_REASON_REQUIRED' && !askDecrease) setAskDecrease(true);

  const submit = form.handleSubmit((fields) => {
    setSaved(false);
    void save.run(fields);
  });

  return (
    <form className="stack" onSubmit={submit} data-testid="filing-form" noValidate>
      <SelectField
        label={t('agency.filing.mode')}
        {...form.register('mode')}
        options={CANTEEN_MODES.map((m) => [m, translateOr(t, `canteenMode.${m}`, m)])}
      />
      <p className="hint">{translateOr(t, `canteenMode.hint.${mode}`, '')}</p>
      <TextField
        label={t('agency.filing.budget')}
        inputMode="decimal"
        error={problems.budget}
        {...form.register('budget')}
      />
      {mode !== 'NONE' && (
        <TextField
          label={t('agency.filing.ratio')}
          inputMode="decimal"
          error={problems.ratio}
          {...form.register('ratio')}
        />
      )}
      {mode === 'OUTSOURCED' && (
        <TextField
          label={t('agency.filing.caterer')}
          maxLength={200}
          error={problems.caterer}
          {...form.register('caterer')}
        />
      )}
      {mode === 'SHARED' && (
        <fieldset className="fieldset">
          <legend>{t('agency.filing.covered')}</legend>
          {units.data?.subordinateCompletion.length === 0 && <p className="muted small">{t('agency.ranking.none')}</p>}
          {units.data?.subordinateCompletion.map((u) => (
            <label key={u.orgId} className="check">
              <input type="checkbox" value={u.orgId} {...form.register('covered')} />
              {u.name}
            </label>
          ))}
        </fieldset>
      )}
      <dl className="facts">
        <dt>{t('agency.filing.minimum')}</dt>
        <dd data-testid="filing-minimum">{bpsToPercentText(minimumBps)}%</dd>
        <dt>{t('agency.filing.reserved')}</dt>
        <dd data-testid="filing-reserved">
          <strong>{formatFen(reserved)}</strong>
        </dd>
      </dl>
      {belowMinimum && (
        <div className="notice notice-warn" data-testid="below-minimum">
          <p>{t('agency.filing.belowMinimum', { minimum: bpsToPercentText(minimumBps) })}</p>
          <NoteField
            label={t('agency.exemption.reason')}
            maxLength={500}
            value={exemptionReason}
            onChange={setExemptionReason}
          />
          <ProcurementError error={exempt.error} />
          <button
            type="button"
            className="button button-quiet"
            disabled={exempt.busy || !exemptionReason.trim()}
            onClick={() => void exempt.run()}
          >
            {t('agency.exemption.request')}
          </button>
        </div>
      )}
      {askDecrease && (
        <label className="field" htmlFor={`${id}-decrease`}>
          <span>{t('agency.filing.decreaseReason')}</span>
          <textarea id={`${id}-decrease`} rows={2} maxLength={2000} {...form.register('decreaseReason')} />
        </label>
      )}
      {filing && (
        <label className="field" htmlFor={`${id}-reason`}>
          <span>{t('agency.filing.amendReason')}</span>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={500}
            aria-invalid={!!problems.reason}
            {...form.register('reason')}
          />
          <FieldProblem error={problems.reason} />
        </label>
      )}
      <ProcurementError error={save.error} />
      {saved && !save.error && (
        <p className="notice notice-ok" role="status" data-testid="filing-saved">
          {t('agency.filing.saved')}
        </p>
      )}
      <FormActions label={filing ? t('agency.filing.amend') : t('agency.filing.submit')} disabled={save.busy} />
    </form>
  );
}

/** 预留份额申报: file once per year, amend afterwards (kept as history), ask for an exemption below the minimum. */

export function FilingTab({ orgId, year }: { orgId: string; year: number }) {
  const { t, locale } = useI18n();
  const share = useQuery(RESERVED_SHARE, { orgId, year });
  const exemptions = useQuery(EXEMPTIONS, { filter: { orgId } });
  const s = share.data?.reservedShare;
  const reload = () => {
    share.reload();
    exemptions.reload();
  };
  return (
    <TitledCard title={t('agency.filing.title', { year })}>
      <p className="muted small">{t('agency.filing.lead')}</p>
      <ErrorNotice error={share.error} onRetry={share.reload} />
      {share.loading && !s ? <Loading /> : null}
      {s?.filing && (
        <p className="notice notice-ok" data-testid="filing-current">
          {t('agency.filing.current', {
            version: s.filing.version,
            budget: formatFen(s.filing.canteenBudget),
            ratio: bpsToPercentText(s.filing.ratioBps),
            reserved: formatFen(s.filing.reservedAmount),
            deadline: s.filing.deadline,
          })}
          {s.filing.late ? ` ${t('agency.filing.late')}` : ''}
        </p>
      )}
      {s && (
        <FilingForm
          key={`${s.filing?.id ?? 'new'}-${s.filing?.version ?? 0}`}
          orgId={orgId}
          year={year}
          filing={s.filing}
          minimumBps={s.filing?.minimumBps ?? s.minimumBps}
          onSaved={reload}
        />
      )}
      {s?.filing && s.filing.amendments.length > 0 && (
        <>
          <h3>{t('agency.filing.history')}</h3>
          <ul className="row-list">
            {s.filing.amendments.map((a) => (
              <li key={a.version} className="row">
                <span>
                  v{a.version} · {translateOr(t, `amendmentKind.${a.kind}`, a.kind)} ·{' '}
                  {new Date(a.createdAt).toLocaleDateString(locale)}
                  {a.reason ? ` · ${a.reason}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(exemptions.data?.reservedShareExemptions.length ?? 0) > 0 && (
        <>
          <h3>{t('agency.exemption.title')}</h3>
          <ul className="row-list">
            {exemptions.data!.reservedShareExemptions.map((x) => (
              <li key={x.id} className="row" data-testid="exemption">
                <span>
                  {x.year} · {bpsToPercentText(x.ratioBps)}% · {x.reason}
                </span>
                <StatusChip domain="exemptionStatus" status={x.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </TitledCard>
  );
}
