import { ASSISTANCE_INDICATORS } from '../../api/statistics';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { ExportButtons } from './ExportButtons';

/** 消费帮扶 official indicators as of a date, led by the server's report sentence (always Chinese, as the reports are). */
export function IndicatorsCard({ region, date }: { region: string; date: string }) {
  const { t } = useI18n();
  const q = useQuery(ASSISTANCE_INDICATORS, { regionCode: region, date });
  const d = q.data?.assistanceIndicators;
  return (
    <section
      className="card stats-card stats-wide indicators-card"
      aria-labelledby="indicators-title"
      data-testid="indicators"
    >
      <div className="section-head-row">
        <h2 id="indicators-title">{t('stats.indicators.title', { date })}</h2>
        <ExportButtons kind="assistance-indicators" params={{ regionCode: region, date }} testId="indicators-export" />
      </div>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !d ? <Loading /> : null}
      {d && (
        <>
          <blockquote className="indicators-summary" lang="zh-CN" data-testid="indicators-summary">
            {d.summary}
          </blockquote>
          <dl className="kpi-grid">
            <div>
              <dt>{t('stats.indicators.halls')}</dt>
              <dd>{d.hallCount}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.zones')}</dt>
              <dd>{d.zoneCount}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.counters')}</dt>
              <dd>{d.counterCount}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.suppliers')}</dt>
              <dd>{d.certifiedSupplierCount}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.products')}</dt>
              <dd>{d.certifiedProductCount}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.salesYtd')}</dt>
              <dd>{formatFen(d.salesAmountYtd)}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.uncertifiedYtd')}</dt>
              <dd>{formatFen(d.uncertifiedSalesAmountYtd)}</dd>
            </div>
            <div>
              <dt>{t('stats.indicators.households')}</dt>
              <dd>
                {d.householdsDriven}
                <span className="muted small">
                  {' '}
                  {t('stats.indicators.householdSplit', {
                    exPoverty: d.exPovertyHouseholdsDriven,
                    monitored: d.monitoredHouseholdsDriven,
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('stats.indicators.villageIncome')}</dt>
              <dd>{formatFen(d.villageCollectiveIncome)}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
