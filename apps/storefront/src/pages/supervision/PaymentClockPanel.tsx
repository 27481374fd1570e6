import { PAYMENT_CLOCK } from '../../api/supervision';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import { PaymentClockTable } from './PaymentClockTable';
import { TitledCard } from '../../components/TitledCard';

/** On an accepted pay-on-delivery agency order: when each supplier must be paid, and the late interest so far. */
export function PaymentClockPanel({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const q = useQuery(PAYMENT_CLOCK, { filter: { orderId } });
  const entries = q.data?.paymentClock.entries ?? [];
  if (!q.error && entries.length === 0) return null;
  return (
    <TitledCard title={t('clock.title')} testId="payment-clock">
      <p className="muted small">{t('clock.lead')}</p>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {entries.length > 0 && <PaymentClockTable entries={entries} show="unit" />}
    </TitledCard>
  );
}
