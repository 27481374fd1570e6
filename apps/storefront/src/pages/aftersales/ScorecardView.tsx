import { SUPPLIER_SCORECARD } from '../../api/aftersales';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useQuery } from '../../lib/use-query';
import { TitledCard } from '../../components/TitledCard';

const percent = (bps: number | null) => (bps === null ? '—' : `${(bps / 100).toFixed(1)}%`);

/** A supplier's after-sales record: rating, complaint rate, upheld complaints, on-time shipping; warnings when shown. */
export function ScorecardView({ supplierId }: { supplierId: string }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useQuery(SUPPLIER_SCORECARD, { supplierId });
  const s = data?.supplierScorecard;
  return (
    <TitledCard title={t('scorecard.title')} testId="scorecard">
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !s ? <Loading /> : null}
      {s && (
        <>
          <dl className="facts">
            <dt>{t('scorecard.rating')}</dt>
            <dd data-testid="scorecard-rating">
              {s.ratingAverage === null ? '—' : `${s.ratingAverage.toFixed(2)} / 5`} ·{' '}
              {t('scorecard.ratingCount', { count: s.ratingCount })}
            </dd>
            <dt>{t('scorecard.complaintRate')}</dt>
            <dd>
              {percent(s.complaintRateBps)} ·{' '}
              {t('scorecard.complaints', { count: s.complaintCount, delivered: s.deliveredOrders })}
            </dd>
            <dt>{t('scorecard.upheld')}</dt>
            <dd data-testid="scorecard-upheld">
              {t('scorecard.upheldValue', {
                total: s.upheldComplaints,
                recent: s.upheldRecent,
                days: s.upheldWindowDays,
              })}
            </dd>
            <dt>{t('scorecard.onTime')}</dt>
            <dd>
              {percent(s.onTimeShippingBps)} ·{' '}
              {t('scorecard.onTimeValue', {
                onTime: s.onTimeShipped,
                shipped: s.shippedOrders,
                hours: s.onTimeShippingHours,
              })}
            </dd>
          </dl>
          {s.warnings.length > 0 && (
            <>
              <h3>{t('scorecard.warnings')}</h3>
              <ul className="row-list">
                {s.warnings.map((w) => (
                  <li key={w.id} className="row" data-testid="supplier-warning" data-level={w.level}>
                    <div className="row-main">
                      <div className="row-title">
                        <span className="status-chip" data-status={w.level === 'PROPOSAL' ? 'REJECTED' : 'PENDING'}>
                          {t(`warningLevel.${w.level}`)}
                        </span>
                        <span>{w.reason}</span>
                      </div>
                      <p className="muted small">{formatDateTime(w.createdAt, locale)}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </TitledCard>
  );
}
