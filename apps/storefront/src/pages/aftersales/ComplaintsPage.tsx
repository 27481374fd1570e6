import { useState } from 'react';
import type { ComplaintStatus } from '../../api/aftersales';
import { RequireRole } from '../../components/Guard';
import { FilterSelect } from '../../components/FilterSelect';
import { useI18n } from '../../i18n';
import { ComplaintCard } from './ComplaintCard';
import { useComplaints } from './use-complaints';
import { ListStatus } from '../../components/ListStatus';

const STATUSES: ComplaintStatus[] = ['ANSWERED', 'OPEN', 'UPHELD', 'REJECTED'];

/** Coordinators decide complaints in their region (auditors read them; platform admins see all). */
function Complaints() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const { data, error, loading, reload, rows, replace } = useComplaints(status ? { status } : {});
  return (
    <div className="container page-body portal">
      <div className="portal-head">
        <div>
          <p className="label">{t('complaints.kicker')}</p>
          <h1>{t('complaints.title')}</h1>
          <p className="muted">{t('complaints.lead')}</p>
        </div>
        <FilterSelect
          label={t('complaints.filter')}
          value={status}
          onChange={(v) => setStatus(v as ComplaintStatus | '')}
          options={STATUSES.map((s) => [s, t(`complaintStatus.${s}`)] as const)}
          anyLabel={t('complaints.all')}
        />
      </div>
      <section className="card" data-testid="complaints">
        <ListStatus error={error} onRetry={reload} loading={loading && !data} empty={rows.length === 0} />
        <ul className="row-list">
          {rows.map((c) => (
            <ComplaintCard key={c.id} complaint={c} showOrder onChanged={replace} />
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ComplaintsPage() {
  return (
    <RequireRole roles={['COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN']}>
      <Complaints />
    </RequireRole>
  );
}
