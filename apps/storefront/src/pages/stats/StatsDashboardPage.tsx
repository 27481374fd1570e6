// 销售统计看板 for coordinators and auditors (read-only: nothing here changes data). Every filter is in
// the URL, so links and reloads keep them; the region starts at the user's scope and drills down.
import { useCallback } from 'react';
import { SALES_STATS } from '../../api/statistics';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { forRoles } from '../../components/Guard';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { hasRole, regionScopes } from '../../lib/roles';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import {
  breadcrumb,
  filtersHref,
  indicatorsDate,
  parseFilters,
  scopeRootFor,
  type StatsFilters,
} from '../../lib/stats-filters';
import { useQuery } from '../../lib/use-query';
import { CertifiedShare, KindBreakdown, MonthTrend } from './BreakdownCards';
import { ExportButtons } from './ExportButtons';
import { IndicatorsCard } from './IndicatorsCard';
import { RankingCard } from './RankingCard';
import { SalesTable } from './SalesTable';
import { StatsFilterBar } from './StatsFilterBar';
import { Fact } from '../../components/Fact';
import { PortalPage } from '../../components/PageShell';
import { TitledCard } from '../../components/TitledCard';

export const STATS_PATH = '/portal/stats';
export const STATS_ROLES = ['COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN'] as const;

function Dashboard() {
  const { t } = useI18n();
  const { me } = useSession();
  const { search } = useLocation();
  const scopes = [...new Set([...regionScopes(me, 'COORDINATOR'), ...regionScopes(me, 'AUDITOR')])];
  const admin = hasRole(me, 'PLATFORM_ADMIN');
  const f = parseFilters(search, scopes[0] ?? '');
  const root = scopeRootFor(f.region, scopes, admin);
  const readOnly = hasRole(me, 'AUDITOR') && !hasRole(me, 'COORDINATOR', 'PLATFORM_ADMIN');
  const change = useCallback(
    (next: Partial<StatsFilters>) => navigate(filtersHref(STATS_PATH, { ...f, ...next }), { replace: true }),
    [f],
  );
  const drillHref = (region: string) => filtersHref(STATS_PATH, { ...f, region });

  const main = useQuery(
    SALES_STATS,
    { regionCode: f.region, from: f.from, to: f.to, groupBy: f.groupBy, side: f.side },
    { skip: root === null },
  );
  const s = main.data?.salesStats;
  const exportParams = { regionCode: f.region, from: f.from, to: f.to, groupBy: f.groupBy, side: f.side };
  const crumbs = root === null ? [] : breadcrumb(f.region, root, s?.regionPath ?? []);

  return (
    <PortalPage
      kicker={t('stats.kicker')}
      title={t('stats.title')}
      lead={
        <>
          {t('stats.lead')}
          {readOnly && (
            <span className="chip chip-quiet" data-testid="read-only">
              {t('stats.readOnly')}
            </span>
          )}
        </>
      }
      smallLead
      className="stats-page"
    >
      <StatsFilterBar f={f} onChange={change} />

      {root === null ? (
        <div className="notice notice-error" role="alert" data-testid="out-of-scope">
          {t('stats.outOfScope')}{' '}
          <Link to={filtersHref(STATS_PATH, { ...f, region: scopes[0] ?? '' })}>{t('stats.backToScope')}</Link>
        </div>
      ) : (
        <>
          <nav className="breadcrumb" aria-label={t('stats.breadcrumb')} data-testid="region-breadcrumb">
            <ol>
              {crumbs.map((c, i) => (
                <li key={c.prefix || 'country'}>
                  {i === crumbs.length - 1 ? (
                    <span aria-current="page">{c.name ?? t('regions.root')}</span>
                  ) : (
                    <Link to={drillHref(c.prefix)}>{c.name ?? t('regions.root')}</Link>
                  )}
                </li>
              ))}
            </ol>
          </nav>

          <ErrorNotice error={main.error} onRetry={main.reload} />
          {main.loading && !s ? <Loading /> : null}
          {s && (
            <dl className="kpi-grid kpi-strip" data-testid="stats-total" data-net-fen={s.total.netAmount}>
              <Fact label={t('stats.fig.net')}>{formatFen(s.total.netAmount)}</Fact>
              <Fact label={t('stats.fig.gross')}>{formatFen(s.total.grossAmount)}</Fact>
              <Fact label={t('stats.fig.refund')}>{formatFen(s.total.refundAmount)}</Fact>
              <Fact label={t('stats.fig.uncertified')}>{formatFen(s.total.uncertifiedNetAmount)}</Fact>
              <Fact label={t('stats.fig.orders')}>{s.total.orderCount}</Fact>
              <Fact label={t('stats.fig.buyers')}>{s.total.buyerCount}</Fact>
              <Fact label={t('stats.fig.households')}>{s.total.householdsDriven ?? '—'}</Fact>
            </dl>
          )}

          <IndicatorsCard region={f.region} date={indicatorsDate(f.to)} />

          <TitledCard
            title={t('stats.byGroup', { group: t(`stats.groupBy.${f.groupBy}`) })}
            testId="sales-by-group"
            aside={<ExportButtons kind="sales-stats" params={exportParams} testId="sales-export" />}
          >
            {f.groupBy === 'REGION' && <p className="muted small">{t('stats.drillHint')}</p>}
            {s && <SalesTable data={s} region={f.region} drillHref={drillHref} />}
          </TitledCard>

          <div className="stats-grid">
            <KindBreakdown f={f} groupBy="CHANNEL_KIND" title={t('stats.channelKinds.title')} testId="channel-kinds" />
            <CertifiedShare
              f={f}
              netAmount={s?.total.netAmount ?? 0}
              certified={s?.total.certifiedNetAmount ?? 0}
              uncertified={s?.total.uncertifiedNetAmount ?? 0}
              exportParams={{ regionCode: f.region, from: f.from, to: f.to, side: f.side }}
            />
            <KindBreakdown
              f={f}
              groupBy="SUPPLIER_KIND"
              title={t('stats.supplierKinds.title')}
              testId="supplier-kinds"
            />
            <KindBreakdown f={f} groupBy="BUYER_KIND" title={t('stats.buyerKinds.title')} testId="buyer-kinds" />
            <MonthTrend f={f} />
            <RankingCard region={f.region} year={Number(f.to.slice(0, 4))} />
          </div>
        </>
      )}
    </PortalPage>
  );
}

export const StatsDashboardPage = forRoles(STATS_ROLES, Dashboard);
