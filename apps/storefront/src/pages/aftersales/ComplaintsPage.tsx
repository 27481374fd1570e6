import { useState } from 'react';
import type { ComplaintStatus } from '../../api/aftersales';
import { forRoles } from '../../components/Guard';
import { FilterSelect } from '../../components/FilterSelect';
import { useI18n } from '../../i18n';
import { ComplaintCard } from './ComplaintCard';
import { useComplaints } from './use-complaints';
import { QueryRowList } from '../../components/ListStatus';
import { PortalPage } from '../../components/PageShell';

const STATUSES: ComplaintStatus[] = ['ANSWERED', 'OPEN', 'UPHELD', 'REJECTED'];

/** Coordinators decide complaints in their region (auditors read them; platform admins see all). */
function Complaints() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const complaints = useComplaints(status ? { status } : {});
  return (
    <PortalPage
      kicker={t('complaints.kicker')}
      title={t('complaints.title')}
      lead={t('complaints.lead')}
      aside={
        <FilterSelect
          label={t('complaints.filter')}
          value={status}
          onChange={(v) => setStatus(v as ComplaintStatus | '')}
          options={STATUSES.map((s) => [s, t(`complaintStatus.${s}`)] as const)}
          anyLabel={t('complaints.all')}
        />
      }
    >
      <section className="card" data-testid="complaints">
        <QueryRowList
          query={complaints}
          rows={complaints.rows}
          row={(c) => <ComplaintCard key={c.id} complaint={c} showOrder onChanged={complaints.replace} />}
        />
      </section>
    </PortalPage>
  );
}

export const ComplaintsPage = forRoles(['COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN'], Complaints);
