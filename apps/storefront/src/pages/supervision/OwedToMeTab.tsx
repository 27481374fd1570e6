import { PAYMENT_CLOCK } from '../../api/supervision';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import { PaymentClockSummary } from './PaymentClockTable';
import { TitledCard } from '../../components/TitledCard';

/** Supplier portal, 应收账款: what agencies owe this supplier after acceptance, overdue amounts and late interest. */
export function OwedToMeTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const q = useQuery(PAYMENT_CLOCK, { filter: { supplierId } });
  const r = q.data?.paymentClock;
  return (
    <TitledCard title={t('clock.owed.title')} testId="owed-to-me">
      <p className="muted small">{t('clock.owed.lead')}</p>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !r ? <Loading /> : null}
      {r && <PaymentClockSummary clock={r} show="supplier" outstandingTestId="owed-outstanding" />}
    </TitledCard>
  );
}
