import { useState } from 'react';
import { api } from '../../api/client';
import type { SupplierKind } from '../../api/generated/graphql';
import {
  APPLY_AS_SUPPLIER,
  type ApplyAsSupplierInput,
  SUPPLIER_KINDS,
  SUPPLIERS,
  type SupplierRecord,
} from '../../api/portal';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Notifications } from '../../components/Notifications';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusChip } from '../../components/StatusChip';
import { translateOr, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { SelectField } from '../../components/SelectField';
import { FormActions } from '../../components/FormActions';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { TitledCard } from '../../components/TitledCard';

export function AdmissionTab({ supplierId }: { supplierId: string }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useQuery(SUPPLIERS, {});
  const [applying, setApplying] = useState(false);
  const supplier = data?.suppliers.find((s) => s.id === supplierId);

  if (loading && !data) return <Loading />;
  return (
    <>
      <ErrorNotice error={error} onRetry={reload} />
      {supplier ? (
        <SupplierDetails supplier={supplier} locale={locale} />
      ) : (
        data && <p className="card muted">{t('admission.none')}</p>
      )}
      <Notifications />
      {applying ? (
        <ApplyForm onCancel={() => setApplying(false)} />
      ) : (
        <section className="card">
          <h2>{t('apply.another')}</h2>
          <p className="muted">{t('apply.anotherHint')}</p>
          <button type="button" className="button button-quiet" onClick={() => setApplying(true)}>
            {t('apply.open')}
          </button>
        </section>
      )}
    </>
  );
}

function SupplierDetails({ supplier, locale }: { supplier: SupplierRecord; locale: string }) {
  const { t } = useI18n();
  return (
    <TitledCard
      title={t('admission.title')}
      testId="admission"
      aside={<StatusChip domain="supplierStatus" status={supplier.status} />}
    >
      <p className="muted">{translateOr(t, `admission.explain.${supplier.status}`, '')}</p>
      <dl className="facts">
        <dt>{t('apply.kind')}</dt>
        <dd>{translateOr(t, `supplierKind.${supplier.kind}`, supplier.kind)}</dd>
        <dt>{t('apply.creditCode')}</dt>
        <dd className="mono">{supplier.creditCode ?? '—'}</dd>
        <dt>{t('apply.county')}</dt>
        <dd>{supplier.county ? supplier.county.path.map((r) => r.name).join(' › ') : supplier.countyCode}</dd>
        <dt>{t('apply.linkage')}</dt>
        <dd className="prewrap">{supplier.linkageMechanism}</dd>
        <dt>{t('product.households')}</dt>
        <dd>{t('product.householdCount', { count: supplier.linkedHouseholdCount })}</dd>
        <dt>{t('admission.appliedAt')}</dt>
        <dd>{formatDateTime(supplier.appliedAt, locale)}</dd>
      </dl>
      {supplier.history && supplier.history.length > 0 && (
        <>
          <h3 className="label">{t('history.title')}</h3>
          <ol className="timeline">
            {supplier.history.map((h, i) => (
              <li key={i}>
                <StatusChip domain="supplierStatus" status={h.toStatus} testId="history-status" />
                <span className="muted small">
                  {formatDateTime(h.createdAt, locale)}
                  {h.actorName ? ` · ${h.actorName}` : ''}
                </span>
                {h.reason && <p className="timeline-reason">{h.reason}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </TitledCard>
  );
}

/** 供应商准入申请: the new organisation, its registered county and how it shares income with households. */
export function ApplyForm({ onCancel }: { onCancel?: () => void }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [form, setForm] = useState({
    name: '',
    creditCode: '',
    kind: 'COOPERATIVE',
    county: '',
    linkageMechanism: '',
    sourceCounties: '',
  });
  const [countyMissing, setCountyMissing] = useState(false);
  const apply = useAction((input: ApplyAsSupplierInput) => api.request(APPLY_AS_SUPPLIER, { input }));

  const submit = async () => {
    const county = /^\d{6}$/.test(form.county) ? form.county.padEnd(12, '0') : null;
    setCountyMissing(!county);
    if (!county) return;
    const input: ApplyAsSupplierInput = {
      name: form.name.trim(),
      creditCode: form.creditCode.trim().toUpperCase(),
      kind: form.kind as SupplierKind,
      countyCode: county,
      linkageMechanism: form.linkageMechanism.trim(),
    };
    if (form.kind === 'TRADING_AGENT') {
      input.sourceCountyCodes = form.sourceCounties
        .split(/[\s,，、]+/)
        .filter(Boolean)
        .map((c) => (/^\d{6}$/.test(c) ? c.padEnd(12, '0') : c));
    }
    const done = await apply.run(input);
    if (done) {
      await refresh();
      navigate('/portal/supplier');
      onCancel?.();
    }
  };

  return (
    <Form className="card form" onSubmit={submit} aria-labelledby="apply-title">
      <h2 id="apply-title">{t('apply.title')}</h2>
      <ErrorNotice error={apply.error} />
      <TextField
        label={t('apply.name')}
        name="name"
        required
        maxLength={200}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <TextField
        label={t('apply.creditCode')}
        name="creditCode"
        required
        pattern="[0-9A-Za-z]{18}"
        title={t('apply.creditCodeHint')}
        autoCapitalize="characters"
        spellCheck={false}
        className="mono"
        value={form.creditCode}
        onChange={(e) => setForm({ ...form, creditCode: e.target.value })}
      />
      <SelectField
        label={t('apply.kind')}
        name="kind"
        value={form.kind}
        onChange={(e) => setForm({ ...form, kind: e.target.value })}
        options={SUPPLIER_KINDS.map((k) => [k, t(`supplierKind.${k}`)])}
      />
      <fieldset className="fieldset">
        <legend>{t('apply.county')}</legend>
        <RegionPicker value={form.county} onChange={(county) => setForm({ ...form, county })} />
        <p className={countyMissing ? 'field-error' : 'hint'}>{t('apply.countyHint')}</p>
      </fieldset>
      {form.kind === 'TRADING_AGENT' && (
        <TextField
          label={t('apply.sourceCounties')}
          name="sourceCounties"
          value={form.sourceCounties}
          placeholder="520621, 520627"
          onChange={(e) => setForm({ ...form, sourceCounties: e.target.value })}
        />
      )}
      <label className="field">
        <span>{t('apply.linkage')}</span>
        <textarea
          name="linkageMechanism"
          required
          rows={3}
          placeholder={t('apply.linkagePlaceholder')}
          value={form.linkageMechanism}
          onChange={(e) => setForm({ ...form, linkageMechanism: e.target.value })}
        />
      </label>
      <p className="hint">{t('apply.eligibility')}</p>
      <FormActions
        label={apply.busy ? t('form.submitting') : t('apply.submit')}
        disabled={apply.busy}
        onCancel={onCancel}
      />
    </Form>
  );
}
