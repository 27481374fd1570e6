import { useState } from 'react';
import { CERTIFY_PRODUCT, type CertifyInput, REVOKE_CERTIFICATION } from '../../api/admin';
import { api } from '../../api/client';
import {
  CERTIFICATION_STATUSES,
  CERTIFICATIONS,
  type CertificationRecord,
  REJECT_CERTIFICATION,
} from '../../api/portal';
import type { CertificationStatus } from '../../api/generated/graphql';
import { CertificationDocuments } from '../../components/CertificationDocuments';
import { useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useConnection } from '../../lib/use-connection';
import { ConfirmAction } from './ConfirmAction';
import { ListStatus, LoadMore } from '../../components/ListStatus';
import { FilterSelect } from '../../components/FilterSelect';
import { FormActions } from '../../components/FormActions';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { CertificationTitle } from '../../components/CertificationItem';

/** A year from today less a day: the usual validity of a 帮扶产品认定 certificate. */
function oneYearFrom(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function CertifyForm({
  cert,
  onDone,
  onCancel,
}: {
  cert: CertificationRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const today = shanghaiToday();
  const [form, setForm] = useState<CertifyInput>({
    certificateNo: '',
    issuer: t('admin.cert.defaultIssuer'),
    batch: '',
    validFrom: today,
    validTo: oneYearFrom(today),
  });
  const certify = useAction(async () => {
    await api.request(CERTIFY_PRODUCT, { id: cert.id, input: form });
    onDone();
  });
  const field = (key: keyof CertifyInput, label: string, type = 'text') => (
    <TextField
      compact
      label={label}
      type={type}
      required
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
    />
  );
  const submit = () => certify.run();
  return (
    <Form className="admin-form" onSubmit={submit} data-testid="certify-form">
      <div className="form-grid">
        {field('certificateNo', t('admin.cert.certificateNo'))}
        {field('batch', t('admin.cert.batch'))}
        {field('issuer', t('admin.cert.issuer'))}
        {field('validFrom', t('admin.cert.validFrom'), 'date')}
        {field('validTo', t('admin.cert.validTo'), 'date')}
      </div>
      <FormActions action={certify} label={t('admin.cert.issue')} onCancel={onCancel} />
    </Form>
  );
}

function CertificationRow({ cert, onChanged }: { cert: CertificationRecord; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [certifying, setCertifying] = useState(false);
  const last = cert.history[cert.history.length - 1];
  const title = (action: string) => t('admin.cert.confirmTitle', { action, product: cert.product.title });
  return (
    <li className="row" data-testid="admin-certification" data-status={cert.status} data-product-id={cert.product.id}>
      <div className="row-main">
        <CertificationTitle cert={cert} />
        <p className="muted small">
          {cert.product.supplier?.name ?? '—'} · {cert.product.originRegion?.path.map((r) => r.name).join(' ') ?? '—'} ·{' '}
          {formatDateTime(cert.updatedAt, locale)}
        </p>
        {cert.certificateNo && (
          <p className="small">
            {t('admin.cert.certificateNo')} <span className="mono">{cert.certificateNo}</span> · {cert.validFrom} –{' '}
            {cert.validTo}
          </p>
        )}
        {last?.reason && <p className="muted small">{last.reason}</p>}
        <CertificationDocuments certificationId={cert.id} status={cert.status} documents={cert.documents ?? []} />
        {certifying && (
          <CertifyForm
            cert={cert}
            onCancel={() => setCertifying(false)}
            onDone={() => {
              setCertifying(false);
              onChanged();
            }}
          />
        )}
      </div>
      <div className="row-actions">
        {cert.status === 'VERIFIED' && !certifying && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setCertifying(true)}
            data-testid="certify"
          >
            {t('admin.cert.certify')}
          </button>
        )}
        {(cert.status === 'VERIFIED' || cert.status === 'PENDING') && (
          <ConfirmAction
            label={t('decision.reject')}
            title={title(t('decision.reject'))}
            testId="cert-reject"
            onConfirm={async (reason) => {
              await api.request(REJECT_CERTIFICATION, { id: cert.id, reason });
              onChanged();
            }}
          />
        )}
        {cert.status === 'CERTIFIED' && (
          <ConfirmAction
            label={t('admin.cert.revoke')}
            title={title(t('admin.cert.revoke'))}
            testId="cert-revoke"
            onConfirm={async (reason) => {
              await api.request(REVOKE_CERTIFICATION, { id: cert.id, reason });
              onChanged();
            }}
          />
        )}
      </div>
    </li>
  );
}

/** 帮扶产品认定: applications a county coordinator verified, to certify or reject; certificates to revoke. */
export function CertificationSection() {
  const { t } = useI18n();
  const [status, setStatus] = useState('VERIFIED');
  const list = useConnection(
    CERTIFICATIONS,
    { filter: status ? { statuses: [status as CertificationStatus] } : {}, first: 30 },
    (d) => d.certifications,
  );
  return (
    <section className="card">
      <p className="muted">{t('admin.cert.lead')}</p>
      <div className="admin-filters">
        <FilterSelect
          label={t('admin.filter.status')}
          value={status}
          onChange={setStatus}
          options={CERTIFICATION_STATUSES.map((s) => [s, t(`certStatus.${s}`)] as const)}
        />
      </div>
      <ListStatus error={list.error} onRetry={list.reload} loading={list.loading} empty={list.nodes.length === 0} />
      <ul className="row-list">
        {list.nodes.map((c) => (
          <CertificationRow key={c.id} cert={c} onChanged={list.reload} />
        ))}
      </ul>
      <LoadMore list={list} plain label={t('admin.more')} />
    </section>
  );
}
