import type { ReactNode } from 'react';
import { ASSISTANCE_INDICATORS } from '../../api/statistics';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { ExportButtons } from './ExportButtons';

/** One indicator of the grid: its name over its value. */
function Kpi({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

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
            <Kpi label={t('stats.indicators.halls')}>{d.hallCount}</Kpi>
            <Kpi label={t('stats.indicators.zones')}>{d.zoneCount}</Kpi>
            <Kpi label={t('stats.indicators.counters')}>{d.counterCount}</Kpi>
            <Kpi label={t('stats.indicators.suppliers')}>{d.certifiedSupplierCount}</Kpi>
            <Kpi label={t('stats.indicators.products')}>{d.certifiedProductCount}</Kpi>
            <Kpi label={t('stats.indicators.salesYtd')}>{formatFen(d.salesAmountYtd)}</Kpi>
            <Kpi label={t('stats.indicators.uncertifiedYtd')}>{formatFen(d.uncertifiedSalesAmountYtd)}</Kpi>
            <Kpi label={t('stats.indicators.households')}>
              {d.householdsDriven}
              <span className="muted small">
                {' '}
                {t('stats.indicators.householdSplit', {
                  exPoverty: d.exPovertyHouseholdsDriven,
                  monitored: d.monitoredHouseholdsDriven,
                })}
              </span>
            </Kpi>
            <Kpi label={t('stats.indicators.villageIncome')}>{formatFen(d.villageCollectiveIncome)}</Kpi>
          </dl>
        </>
      )}
    </section>
  );
}
