import { useState } from 'react';
import { api } from '../../api/client';
import {
  type CertificationRecord,
  CERTIFICATIONS,
  RECOMMEND_SUPPLIER,
  REJECT_CERTIFICATION,
  REJECT_SUPPLIER,
  type SupplierRecord,
  SUPPLIERS,
  VERIFY_CERTIFICATION,
} from '../../api/portal';
import { CertificationItem } from '../../components/CertificationItem';
import { Decision } from '../../components/Decision';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { RequireRole } from '../../components/Guard';
import { PortalPage } from '../../components/PageShell';
import { RegionName } from '../../components/RegionName';
import { StatusChip } from '../../components/StatusChip';
import { translateOr, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { regionScopes } from '../../lib/roles';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useConnection } from '../../lib/use-connection';
import { useQuery } from '../../lib/use-query';
import { ConnectionStatus, LoadMore } from '../../components/ListStatus';
import { Segmented } from '../../components/Segmented';
import { TitledCard } from '../../components/TitledCard';

function PendingToggle({ pendingOnly, onChange }: { pendingOnly: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Segmented
      label={t('queue.show')}
      value={pendingOnly}
      onChange={onChange}
      options={[
        [true, t('queue.pending')],
        [false, t('queue.all')],
      ]}
    />
  );
}

function SupplierQueue() {
  const { t } = useI18n();
  const [pendingOnly, setPendingOnly] = useState(true);
  const { data, error, loading, reload, setData } = useQuery(SUPPLIERS, {
    filter: pendingOnly ? { status: 'APPLIED' } : {},
    first: 100,
  });
  const replace = (next: SupplierRecord) =>
    setData((d) => d && { suppliers: d.suppliers.map((s) => (s.id === next.id ? next : s)) });
  return (
    <TitledCard
      title={t('coord.suppliers.title')}
      aside={<PendingToggle pendingOnly={pendingOnly} onChange={setPendingOnly} />}
    >
      <p className="muted">{t('coord.suppliers.lead')}</p>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data ? (
        <Loading />
      ) : data?.suppliers.length === 0 ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : null}
      <ul className="row-list">
        {data?.suppliers.map((s) => (
          <SupplierItem key={s.id} supplier={s} onChange={replace} />
        ))}
      </ul>
    </TitledCard>
  );
}

function SupplierItem({ supplier, onChange }: { supplier: SupplierRecord; onChange: (s: SupplierRecord) => void }) {
  const { t, locale } = useI18n();
  const act = useAction(async (reason: string | null) => {
    const data = reason
      ? (await api.request(REJECT_SUPPLIER, { supplierId: supplier.id, reason })).rejectSupplier
      : (await api.request(RECOMMEND_SUPPLIER, { supplierId: supplier.id })).recommendSupplier;
    onChange(data);
  });
  const lastReason = supplier.history?.at(-1)?.reason;
  return (
    <li className="row" data-testid="supplier-application" data-supplier-name={supplier.name}>
      <div className="row-main">
        <div className="row-title">
          <strong>{supplier.name}</strong>
          <StatusChip domain="supplierStatus" status={supplier.status} />
        </div>
        <p className="muted small">
          {translateOr(t, `supplierKind.${supplier.kind}`, supplier.kind)} ·{' '}
          {supplier.county ? supplier.county.path.map((r) => r.name).join(' › ') : supplier.countyCode}
          {' · '}
          <span className="mono">{supplier.creditCode}</span>
          {' · '}
          {formatDateTime(supplier.appliedAt, locale)}
        </p>
        <p className="small prewrap">
          <span className="muted">{t('apply.linkage')}：</span>
          {supplier.linkageMechanism}
        </p>
        {lastReason && supplier.status !== 'APPLIED' && <p className="timeline-reason">{lastReason}</p>}
      </div>
      {supplier.status === 'APPLIED' && (
        <div className="row-actions">
          <Decision
            approveLabel={t('coord.recommend')}
            busy={act.busy}
            error={act.error}
            onApprove={() => void act.run(null)}
            onReject={(r) => void act.run(r)}
          />
        </div>
      )}
    </li>
  );
}

function CertificationQueue() {
  const { t } = useI18n();
  const [pendingOnly, setPendingOnly] = useState(true);
  const list = useConnection(
    CERTIFICATIONS,
    { filter: pendingOnly ? { statuses: ['PENDING'] } : {}, first: 20 },
    (d) => d.certifications,
  );
  const replace = (next: CertificationRecord) =>
    list.update((nodes) => nodes.map((n) => (n.id === next.id ? next : n)));
  return (
    <TitledCard
      title={t('coord.certs.title')}
      aside={<PendingToggle pendingOnly={pendingOnly} onChange={setPendingOnly} />}
    >
      <p className="muted">{t('coord.certs.lead')}</p>
      <ConnectionStatus list={list} />
      <ul className="row-list">
        {list.nodes.map((c) => (
          <CertificationDecision key={c.id} cert={c} onChange={replace} />
        ))}
      </ul>
      <LoadMore list={list} plain />
    </TitledCard>
  );
}

function CertificationDecision({
  cert,
  onChange,
}: {
  cert: CertificationRecord;
  onChange: (c: CertificationRecord) => void;
}) {
  const { t } = useI18n();
  const act = useAction(async (reason: string | null) => {
    const data = reason
      ? (await api.request(REJECT_CERTIFICATION, { id: cert.id, reason })).rejectCertification
      : (await api.request(VERIFY_CERTIFICATION, { id: cert.id })).verifyCertification;
    onChange(data);
  });
  return (
    <CertificationItem cert={cert} showSupplier>
      {cert.status === 'PENDING' && (
        <Decision
          approveLabel={t('coord.verify')}
          busy={act.busy}
          error={act.error}
          onApprove={() => void act.run(null)}
          onReject={(r) => void act.run(r)}
        />
      )}
    </CertificationItem>
  );
}

export function CoordinatorPage() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <RequireRole roles={['COORDINATOR']}>
      <PortalPage
        kicker={t('coord.kicker')}
        title={t('coord.title')}
        lead={
          <>
            {t('coord.scope')}{' '}
            {regionScopes(me).map((prefix, i) => (
              <span key={prefix}>
                {i > 0 && '、'}
                <RegionName prefix={prefix} />
              </span>
            ))}
          </>
        }
      >
        <SupplierQueue />
        <CertificationQueue />
      </PortalPage>
    </RequireRole>
  );
}
