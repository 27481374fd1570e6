import { useState } from 'react';
import { SUPPLIER_ADMISSION_MOVES } from '../../api/admin';
import { api } from '../../api/client';
import type { VariablesOf } from '../../lib/graphql';
import { SUPPLIER_STATUSES, SUPPLIERS, type SupplierRecord } from '../../api/portal';
import type { SupplierStatus } from '../../api/generated/graphql';
import { ErrorNotice } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { isMessageKey, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';
import { FilterSelect } from '../../components/FilterSelect';
import { QueryRowList } from '../../components/ListStatus';
import { ActionButton } from '../../components/ActionButton';

type Move = keyof typeof SUPPLIER_ADMISSION_MOVES;

function SupplierRow({ supplier, onChanged }: { supplier: SupplierRecord; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const move = async (kind: Move, text?: string) => {
    const supplierId = supplier.id;
    if (kind === 'approve' || kind === 'reinstate') {
      type Vars = VariablesOf<typeof SUPPLIER_ADMISSION_MOVES.approve>;
      await api.request<unknown, Vars>(SUPPLIER_ADMISSION_MOVES[kind], { supplierId, comment: text || null });
    } else {
      type Vars = VariablesOf<typeof SUPPLIER_ADMISSION_MOVES.reject>;
      await api.request<unknown, Vars>(SUPPLIER_ADMISSION_MOVES[kind], { supplierId, reason: text ?? '' });
    }
    onChanged();
  };
  const quick = useAction(move);
  const last = supplier.history?.[supplier.history.length - 1];
  const kindKey = `supplierKind.${supplier.kind}`;
  const confirm = (kind: Move, label: string) => (
    <ConfirmAction
      label={label}
      title={t('admin.suppliers.confirmTitle', { action: label, name: supplier.name })}
      testId={`supplier-${kind}`}
      onConfirm={(reason) => move(kind, reason)}
    />
  );
  return (
    <li className="row" data-testid="admin-supplier" data-status={supplier.status}>
      <div className="row-main">
        <div className="row-title">
          <span>{supplier.name}</span>
          <StatusChip domain="supplierStatus" status={supplier.status} />
        </div>
        <p className="muted small">
          {isMessageKey(kindKey) ? t(kindKey) : supplier.kind} ·{' '}
          {supplier.county?.path.map((r) => r.name).join(' ') ?? supplier.countyCode} ·{' '}
          {t('admin.suppliers.creditCode')} <span className="mono">{supplier.creditCode ?? '—'}</span> ·{' '}
          {t('admin.suppliers.appliedAt', { at: formatDateTime(supplier.appliedAt, locale) })}
        </p>
        <p className="small">{supplier.linkageMechanism}</p>
        {last && (
          <p className="muted small" data-testid="supplier-last-step">
            {t('admin.suppliers.lastStep', { who: last.actorName ?? '—', at: formatDateTime(last.createdAt, locale) })}
            {last.reason ? `：${last.reason}` : ''}
          </p>
        )}
        <ErrorNotice error={quick.error} />
      </div>
      <div className="row-actions">
        {supplier.status === 'RECOMMENDED' && (
          <>
            <ActionButton action={quick} args={['approve']} variant="primary" testId="supplier-approve">
              {t('admin.suppliers.approve')}
            </ActionButton>
            {confirm('reject', t('decision.reject'))}
          </>
        )}
        {supplier.status === 'APPROVED' && (
          <>
            {confirm('suspend', t('admin.suppliers.suspend'))}
            {confirm('revoke', t('admin.suppliers.revoke'))}
          </>
        )}
        {supplier.status === 'SUSPENDED' && (
          <>
            <ActionButton action={quick} args={['reinstate']} testId="supplier-reinstate">
              {t('admin.suppliers.reinstate')}
            </ActionButton>
            {confirm('revoke', t('admin.suppliers.revoke'))}
          </>
        )}
      </div>
    </li>
  );
}

/** 供应商准入: coordinators recommend, the platform approves or rejects, and later suspends, reinstates or revokes. */
export function SuppliersSection() {
  const { t } = useI18n();
  const [status, setStatus] = useState('RECOMMENDED');
  const suppliers = useQuery(SUPPLIERS, {
    filter: status ? { status: status as SupplierStatus } : {},
    first: 100,
  });
  const rows = suppliers.data?.suppliers ?? [];
  return (
    <section className="card">
      <p className="muted">{t('admin.suppliers.lead')}</p>
      <div className="admin-filters">
        <FilterSelect
          label={t('admin.filter.status')}
          value={status}
          onChange={setStatus}
          options={SUPPLIER_STATUSES.map((s) => [s, t(`supplierStatus.${s}`)] as const)}
        />
      </div>
      <QueryRowList
        query={suppliers}
        rows={rows}
        row={(s) => <SupplierRow key={s.id} supplier={s} onChanged={suppliers.reload} />}
      />
    </section>
  );
}
