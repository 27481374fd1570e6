import { useI18n } from '../../i18n';
import { ComplaintCard } from './ComplaintCard';
import { useComplaints } from './use-complaints';
import { ScorecardView } from './ScorecardView';
import { QueryRowList } from '../../components/ListStatus';
import { TitledCard } from '../../components/TitledCard';

/** Supplier portal: complaints about this supplier's orders, to answer, and its scorecard. */
export function SupplierComplaintsTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const complaints = useComplaints({ supplierId });
  return (
    <>
      <ScorecardView supplierId={supplierId} />
      <TitledCard title={t('complaints.inbox')} testId="supplier-complaints">
        <p className="muted small">{t('complaints.inboxLead')}</p>
        <QueryRowList
          query={complaints}
          rows={complaints.rows}
          row={(c) => <ComplaintCard key={c.id} complaint={c} canAnswer showOrder onChanged={complaints.replace} />}
        />
      </TitledCard>
    </>
  );
}
