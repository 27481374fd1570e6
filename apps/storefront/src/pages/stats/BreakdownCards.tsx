import { useMemo } from 'react';
import { CHANNEL_CERTIFIED_SHARE, SALES_STATS, type SalesGroupBy, type SalesStatsRow } from '../../api/statistics';
import { EChart } from '../../components/EChart';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { translateOr, useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { moneyChartOption, shareRingOption } from '../../lib/stats-charts';
import { monthsBetween, type StatsFilters } from '../../lib/stats-filters';
import { useQuery } from '../../lib/use-query';
import { ExportButtons } from './ExportButtons';
import { rowLabel } from './SalesTable';
import { DataTable } from '../../components/DataTable';
import { TitledCard } from '../../components/TitledCard';

const monthLabel = (m: string, locale: string) =>
  locale.startsWith('zh') ? `${m.slice(0, 4)}年${Number(m.slice(5))}月` : m;
const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

function useBreakdown(f: StatsFilters, groupBy: SalesGroupBy) {
  return useQuery(SALES_STATS, {
    regionCode: f.region,
    from: f.from,
    to: f.to,
    groupBy,
    side: f.side,
  });
}

/** One grouping (三专 or supplier kinds) as bars and a small table with each row's share of the net. */
export function KindBreakdown({
  f,
  groupBy,
  title,
  testId,
}: {
  f: StatsFilters;
  groupBy: SalesGroupBy;
  title: string;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const q = useBreakdown(f, groupBy);
  const s = q.data?.salesStats;
  const rows: SalesStatsRow[] = useMemo(() => s?.rows ?? [], [s]);
  const option = useMemo(
    () =>
      moneyChartOption({
        categories: rows.map((r) => rowLabel(t, groupBy, r.key, r.label)),
        series: [
          { name: t('stats.fig.certified'), values: rows.map((r) => r.figures.certifiedNetAmount), stack: 'net' },
          { name: t('stats.fig.uncertified'), values: rows.map((r) => r.figures.uncertifiedNetAmount), stack: 'net' },
        ],
        locale,
      }),
    [rows, groupBy, locale, t],
  );
  return (
    <section className="card stats-card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !s ? <Loading /> : null}
      {s && rows.length === 0 && <p className="muted">{t('stats.empty')}</p>}
      {s && rows.length > 0 && (
        <>
          <EChart option={option} label={title} height={240} />
          <table className="table stats-table compact">
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.key}
                  data-testid="breakdown-row"
                  data-key={r.key}
                  data-net-fen={r.figures.netAmount}
                  data-orders={r.figures.orderCount}
                >
                  <th scope="row">{rowLabel(t, groupBy, r.key, r.label)}</th>
                  <td className="num">{formatFen(r.figures.netAmount)}</td>
                  <td className="num muted">{percent(r.figures.netAmount, s.total.netAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Net sales per month of the period (empty months included) with the refunds booked in each month. */
export function MonthTrend({ f }: { f: StatsFilters }) {
  const { t, locale } = useI18n();
  const q = useBreakdown(f, 'MONTH');
  const s = q.data?.salesStats;
  const months = useMemo(() => monthsBetween(f.from, f.to), [f.from, f.to]);
  const byMonth = useMemo(() => new Map((s?.rows ?? []).map((r) => [r.key, r])), [s]);
  const option = useMemo(
    () =>
      moneyChartOption({
        categories: months.map((m) => monthLabel(m, locale)),
        series: [
          { name: t('stats.fig.net'), values: months.map((m) => byMonth.get(m)?.figures.netAmount ?? 0) },
          {
            name: t('stats.fig.refund'),
            values: months.map((m) => byMonth.get(m)?.figures.refundAmount ?? 0),
            color: '#a23a2a',
          },
        ],
        locale,
        kind: 'line',
      }),
    [months, byMonth, locale, t],
  );
  return (
    <TitledCard title={t('stats.trend.title')} className="stats-card stats-wide" testId="month-trend">
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !s ? <Loading /> : null}
      {s && (
        <>
          <EChart option={option} label={t('stats.trend.title')} height={260} />
          <details className="stats-details">
            <summary>{t('stats.trend.table')}</summary>
            <DataTable
              className="stats-table compact"
              columns={[
                t('stats.groupBy.MONTH'),
                { label: t('stats.fig.net'), num: true },
                { label: t('stats.fig.refund'), num: true },
                { label: t('stats.fig.orders'), num: true },
                { label: t('stats.fig.households'), num: true },
              ]}
            >
              {months.map((m) => {
                const r = byMonth.get(m);
                return (
                  <tr
                    key={m}
                    data-testid="month-row"
                    data-key={m}
                    data-net-fen={r?.figures.netAmount ?? 0}
                    data-orders={r?.figures.orderCount ?? 0}
                  >
                    <th scope="row">{monthLabel(m, locale)}</th>
                    <td className="num">{formatFen(r?.figures.netAmount ?? 0)}</td>
                    <td className="num">{formatFen(r?.figures.refundAmount ?? 0)}</td>
                    <td className="num">{r?.figures.orderCount ?? 0}</td>
                    <td className="num">{r?.figures.householdsDriven ?? '—'}</td>
                  </tr>
                );
              })}
            </DataTable>
          </details>
        </>
      )}
    </TitledCard>
  );
}

/** Certified vs uncertified net sales (ring) and per hall, zone and counter, with the counters under the threshold flagged. */
export function CertifiedShare({
  f,
  netAmount,
  certified,
  uncertified,
  exportParams,
}: {
  f: StatsFilters;
  netAmount: number;
  certified: number;
  uncertified: number;
  exportParams: Record<string, string>;
}) {
  const { t } = useI18n();
  const q = useQuery(CHANNEL_CERTIFIED_SHARE, {
    regionCode: f.region,
    from: f.from,
    to: f.to,
    side: f.side,
  });
  const report = q.data?.channelCertifiedShare;
  const option = useMemo(
    () =>
      shareRingOption({
        items: [
          { name: t('stats.fig.certified'), fen: certified, color: '#2f6b3a' },
          { name: t('stats.fig.uncertified'), fen: uncertified, color: '#c98b2b' },
        ],
      }),
    [certified, uncertified, t],
  );
  return (
    <TitledCard
      title={t('stats.share.title')}
      className="stats-card"
      testId="certified-share"
      aside={<ExportButtons kind="channel-certified-share" params={exportParams} testId="share-export" />}
    >
      <p className="stats-share-figure" data-testid="certified-share-total">
        {t('stats.share.total', { share: percent(certified, netAmount) })}
      </p>
      {netAmount > 0 && <EChart option={option} label={t('stats.share.title')} height={220} />}
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !report ? <Loading /> : null}
      {report && report.channels.length > 0 && (
        <DataTable
          className="stats-table compact"
          columns={[
            t('stats.share.channel'),
            { label: t('stats.fig.net'), num: true },
            { label: t('stats.share.percent'), num: true },
          ]}
        >
          {report.channels.map((c) => (
            <tr
              key={c.channelId}
              data-testid="channel-share"
              data-warning={c.warning}
              className={c.warning ? 'row-warning' : undefined}
            >
              <th scope="row">
                {c.name}{' '}
                <span className="muted small">{translateOr(t, `stats.kind.CHANNEL_KIND.${c.kind}`, c.kind)}</span>
                {c.warning && (
                  <span className="chip chip-warning">
                    {t('stats.share.warning', { threshold: (report.thresholdBps / 100).toFixed(0) })}
                  </span>
                )}
              </th>
              <td className="num">{formatFen(c.netAmount)}</td>
              <td className="num">
                {c.certifiedShareBps === null ? '—' : `${(c.certifiedShareBps / 100).toFixed(2)}%`}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </TitledCard>
  );
}
