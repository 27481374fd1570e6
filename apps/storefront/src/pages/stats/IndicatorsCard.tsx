import { ASSISTANCE_INDICATORS } from '../../api/statistics';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { ExportButtons } from './ExportButtons';
import { Fact } from '../../components/Fact';

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
            <Fact label={t('stats.indicators.halls')}>{d.hallCount}</Fact>
            <Fact label={t('stats.indicators.zones')}>{d.zoneCount}</Fact>
            <Fact label={t('stats.indicators.counters')}>{d.counterCount}</Fact>
            <Fact label={t('stats.indicators.suppliers')}>{d.certifiedSupplierCount}</Fact>
            <Fact label={t('stats.indicators.products')}>{d.certifiedProductCount}</Fact>
            <Fact label={t('stats.indicators.salesYtd')}>{formatFen(d.salesAmountYtd)}</Fact>
            <Fact label={t('stats.indicators.uncertifiedYtd')}>{formatFen(d.uncertifiedSalesAmountYtd)}</Fact>
            <Fact label={t('stats.indicators.households')}>
              {d.householdsDriven}
              <span className="muted small">
                {' '}
                {t('stats.indicators.householdSplit', {
                  exPoverty: d.exPovertyHouseholdsDriven,
                  monitored: d.monitoredHouseholdsDriven,
                })}
              </span>
            </Fact>
            <Fact label={t('stats.indicators.villageIncome')}>{formatFen(d.villageCollectiveIncome)}</Fact>
          </dl>
        </>
      )}
    </section>
  );
}
