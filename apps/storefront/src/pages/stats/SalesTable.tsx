import { useMemo } from 'react';
import type { SalesFigures, SalesStatsData } from '../../api/statistics';
import { EChart } from '../../components/EChart';
import { translateOr, useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { moneyChartOption } from '../../lib/stats-charts';
import { drillTarget } from '../../lib/stats-filters';

/** Row label in the reader's language where the key is an enum the dictionary knows; else the server's label. */
export function rowLabel(t: ReturnType<typeof useI18n>['t'], groupBy: string, key: string, label: string): string {
  if (groupBy === 'CHANNEL_KIND' || groupBy === 'SUPPLIER_KIND' || groupBy === 'BUYER_KIND')
    return translateOr(t, `stats.kind.${groupBy}.${key}`, label);
  return label;
}

/** A row's figures in the table's column order (the heading row lists the same). */
function FigureCells({ f, showHouseholds }: { f: SalesFigures; showHouseholds: boolean }) {
  return (
    <>
      <td className="num">{formatFen(f.netAmount)}</td>
      <td className="num">{formatFen(f.certifiedNetAmount)}</td>
      <td className="num">{formatFen(f.uncertifiedNetAmount)}</td>
      <td className="num">{formatFen(f.refundAmount)}</td>
      <td className="num">{f.orderCount}</td>
      <td className="num">{f.unitCount}</td>
      {showHouseholds && <td className="num">{f.householdsDriven ?? '—'}</td>}
    </>
  );
}

/**
 * The figures by the chosen grouping, as a chart and a table; grouped by region, each sub-region's
 * name opens it (the drill-down). The table carries every figure (the chart is a picture of it).
 */
export function SalesTable({
  data,
  region,
  drillHref,
}: {
  data: SalesStatsData;
  region: string;
  drillHref: (prefix: string) => string;
}) {
  const { t, locale } = useI18n();
  const rows = data.rows;
  const labels = useMemo(() => rows.map((r) => rowLabel(t, data.groupBy, r.key, r.label)), [rows, data.groupBy, t]);
  const option = useMemo(
    () =>
      moneyChartOption({
        categories: labels,
        series: [
          { name: t('stats.fig.certified'), values: rows.map((r) => r.figures.certifiedNetAmount), stack: 'net' },
          { name: t('stats.fig.uncertified'), values: rows.map((r) => r.figures.uncertifiedNetAmount), stack: 'net' },
        ],
        locale,
        horizontal: true,
      }),
    [rows, labels, locale, t],
  );
  const showHouseholds = data.groupBy === 'REGION' || data.groupBy === 'MONTH';
  return (
    <>
      {rows.length > 0 && (
        <EChart
          option={option}
          label={t('stats.chart.byGroup', { group: t(`stats.groupBy.${data.groupBy}`) })}
          height={Math.max(180, rows.length * 34 + 60)}
          testId="group-chart"
        />
      )}
      <div className="table-scroll">
        <table className="table stats-table" data-testid="group-table">
          <thead>
            <tr>
              <th>{t(`stats.groupBy.${data.groupBy}`)}</th>
              <th className="num">{t('stats.fig.net')}</th>
              <th className="num">{t('stats.fig.certified')}</th>
              <th className="num">{t('stats.fig.uncertified')}</th>
              <th className="num">{t('stats.fig.refund')}</th>
              <th className="num">{t('stats.fig.orders')}</th>
              <th className="num">{t('stats.fig.units')}</th>
              {showHouseholds && <th className="num">{t('stats.fig.households')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const target = data.groupBy === 'REGION' ? drillTarget(r.key, region) : null;
              return (
                <tr key={r.key} data-testid="group-row" data-key={r.key} data-net-fen={r.figures.netAmount}>
                  <th scope="row">
                    {target !== null ? (
                      <Link to={drillHref(target)} data-testid="drill" title={t('stats.drill', { name: labels[i] })}>
                        {labels[i]}
                      </Link>
                    ) : (
                      labels[i]
                    )}
                  </th>
                  <FigureCells f={r.figures} showHouseholds={showHouseholds} />
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-testid="group-total" data-net-fen={data.total.netAmount}>
              <th scope="row">{t('stats.total')}</th>
              <FigureCells f={data.total} showHouseholds={showHouseholds} />
            </tr>
          </tfoot>
        </table>
      </div>
      {rows.length === 0 && <p className="muted">{t('stats.empty')}</p>}
    </>
  );
}
