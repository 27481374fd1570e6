import { PAYMENT_CLOCK } from '../../api/supervision';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { PaymentClockTable } from './PaymentClockTable';
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
      {r && (
        <>
          <dl className="facts facts-inline">
            <dt>{t('clock.owed.outstanding')}</dt>
            <dd data-testid="owed-outstanding">{formatFen(r.outstandingAmount)}</dd>
            <dt>{t('supervision.overdue.amount')}</dt>
            <dd>{formatFen(r.overdueAmount)}</dd>
            <dt>{t('supervision.overdue.interest')}</dt>
            <dd>{formatFen(r.interestAmount)}</dd>
          </dl>
          {r.entries.length === 0 ? (
            <p className="muted">{t('clock.owed.none')}</p>
          ) : (
            <PaymentClockTable entries={r.entries} show="supplier" />
          )}
        </>
      )}
    </TitledCard>
  );
}
