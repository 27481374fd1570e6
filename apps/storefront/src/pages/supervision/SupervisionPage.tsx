import { useState } from 'react';
import { downloadExport } from '../../api/statistics';
import {
  bpsText,
  COMPLETION_RANKING,
  PAYMENT_CLOCK,
  SUPERVISION_GROUPS,
  type SupervisionGroup,
  supervisionExportUrl,
} from '../../api/supervision';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { forRoles } from '../../components/Guard';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { shanghaiYear } from '../../lib/agency';
import { formatFen } from '../../lib/money';
import { hasRole, regionScopes } from '../../lib/roles';
import { navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ActionButton } from '../../components/ActionButton';
import { PortalPage } from '../../components/PageShell';
import { DataTable } from '../../components/DataTable';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

const SUPERVISORS = ['COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN'] as const;
/** The ranking's figure columns after the rank and the unit, in the order its cells are written. */
const RANKING_FIGURES = [
  'supervision.units.registered',
  'supervision.units.filed',
  'supervision.units.activated',
  'supervision.col.reserved',
  'supervision.col.counted',
  'supervision.col.pending',
  'supervision.col.completion',
  'supervision.col.yoy',
] as const;
/** The overdue table's figure columns after the unit. */
const OVERDUE_FIGURES = [
  'supervision.overdue.count',
  'supervision.overdue.amount',
  'supervision.overdue.maxDays',
  'supervision.overdue.interest',
] as const;
const WHOLE_COUNTRY = '000000000000';

function Exports({
  kind,
  params,
  testId,
}: {
  kind: 'ranking' | 'overdue';
  params: Record<string, string>;
  testId: string;
}) {
  const { t } = useI18n();
  const save = useAction((format: 'csv' | 'xlsx') =>
    downloadExport(supervisionExportUrl(kind, format, params), `${kind}.${format}`),
  );
  return (
    <div className="export-buttons" data-testid={testId}>
      <ActionButton action={save} args={['xlsx']} small>
        {t('supervision.export.xlsx')}
      </ActionButton>
      <ActionButton action={save} args={['csv']} small>
        {t('supervision.export.csv')}
      </ActionButton>
      <ErrorNotice error={save.error} />
    </div>
  );
}

function Ranking({
  regionCode,
  year,
  month,
  groupBy,
}: {
  regionCode: string;
  year: number;
  month: number | null;
  groupBy: SupervisionGroup;
}) {
  const { t } = useI18n();
  const q = useQuery(COMPLETION_RANKING, { regionCode, year, groupBy, month });
  const r = q.data?.completionRanking;
  const params: Record<string, string> = {
    regionCode,
    year: String(year),
    groupBy,
    ...(month ? { month: String(month) } : {}),
  };
  return (
    <TitledCard
      title={t('supervision.ranking.title')}
      testId="supervision-ranking"
      aside={<Exports kind="ranking" params={params} testId="ranking-export" />}
    >
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !r ? <Loading /> : null}
      {r && (
        <>
          <p className="muted small" data-testid="ranking-status">
            {(r.regionPath.length ? r.regionPath.join(' / ') : t('supervision.wholeCountry')) + ' · '}
            {r.snapshot
              ? t('supervision.snapshot.frozen', {
                  month: `${r.snapshot.year}-${String(r.snapshot.month).padStart(2, '0')}`,
                })
              : t('supervision.snapshot.live')}
          </p>
          <dl className="facts facts-inline" data-testid="activation">
            <dt>{t('supervision.units.registered')}</dt>
            <dd>{r.total.figures.unitsRegistered}</dd>
            <dt>{t('supervision.units.filed')}</dt>
            <dd>{r.total.figures.unitsFiled}</dd>
            <dt>{t('supervision.units.activated')}</dt>
            <dd>{r.total.figures.unitsActivated}</dd>
            <dt>{t('supervision.col.completion')}</dt>
            <dd>
              <strong>{bpsText(r.total.figures.completionBasisPoints)}</strong>
            </dd>
          </dl>
          <DataTable
            className="stats-table"
            testId="ranking-table"
            columns={[
              { label: t('supervision.col.rank'), num: true },
              t(`supervision.group.${r.groupBy}`),
              ...RANKING_FIGURES.map((key) => ({ label: t(key), num: true })),
              ...(r.snapshot ? [{ label: t('supervision.col.correction'), num: true }] : []),
            ]}
          >
            {[...r.rows, { ...r.total, label: t('supervision.total') }].map((row) => (
              <tr
                key={row.rank === 0 ? 'total' : row.key}
                data-testid={row.rank === 0 ? 'ranking-total' : 'ranking-row'}
              >
                <td className="num">{row.rank || ''}</td>
                <td>
                  {row.label}
                  {row.decreaseReason && (
                    <div className="muted small">{t('supervision.decreaseReason', { reason: row.decreaseReason })}</div>
                  )}
                </td>
                <td className="num">{row.figures.unitsRegistered}</td>
                <td className="num">{row.figures.unitsFiled}</td>
                <td className="num">{row.figures.unitsActivated}</td>
                <td className="num">{formatFen(row.figures.reservedAmount)}</td>
                <td className="num">{formatFen(row.figures.countedAmount)}</td>
                <td className="num">{formatFen(row.figures.pendingAmount)}</td>
                <td className="num">
                  <strong>{bpsText(row.figures.completionBasisPoints)}</strong>
                </td>
                <td className={`num ${row.figures.reservedChangeAmount < 0 ? 'text-warning' : ''}`}>
                  {row.figures.reservedChangeBasisPoints === null
                    ? '—'
                    : `${row.figures.reservedChangeAmount >= 0 ? '+' : ''}${bpsText(row.figures.reservedChangeBasisPoints)}`}
                </td>
                {r.snapshot && (
                  <td className="num">
                    {row.countedDifference
                      ? `${row.countedDifference > 0 ? '+' : ''}${formatFen(row.countedDifference)}`
                      : '—'}
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </TitledCard>
  );
}

function Overdue({ regionCode }: { regionCode: string }) {
  const { t } = useI18n();
  const q = useQuery(PAYMENT_CLOCK, {
    filter: { regionCode: regionCode === WHOLE_COUNTRY ? null : regionCode, overdueOnly: true },
  });
  const r = q.data?.paymentClock;
  return (
    <TitledCard
      title={t('supervision.overdue.title')}
      testId="supervision-overdue"
      aside={<Exports kind="overdue" params={{ regionCode }} testId="overdue-export" />}
    >
      <p className="muted small">{t('supervision.overdue.lead')}</p>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !r ? <Loading /> : null}
      {r && (
        <>
          <dl className="facts facts-inline">
            <dt>{t('supervision.overdue.amount')}</dt>
            <dd data-testid="overdue-amount">{formatFen(r.overdueAmount)}</dd>
            <dt>{t('supervision.overdue.count')}</dt>
            <dd>{r.overdueCount}</dd>
            <dt>{t('supervision.overdue.interest')}</dt>
            <dd>{formatFen(r.interestAmount)}</dd>
          </dl>
          {r.overdueUnits.length === 0 ? (
            <p className="muted">{t('supervision.overdue.none')}</p>
          ) : (
            <DataTable
              className="stats-table"
              testId="overdue-table"
              columns={[t('supervision.group.UNIT'), ...OVERDUE_FIGURES.map((key) => ({ label: t(key), num: true }))]}
            >
              {r.overdueUnits.map((u) => (
                <tr key={u.orgId} data-testid="overdue-unit">
                  <td>{u.name}</td>
                  <td className="num">{u.overdueCount}</td>
                  <td className="num">{formatFen(u.overdueAmount)}</td>
                  <td className="num">{u.maxDaysOverdue}</td>
                  <td className="num">{formatFen(u.interestAmount)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </TitledCard>
  );
}

function Supervision() {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname, search } = useLocation();
  const scopes = [...regionScopes(me, 'COORDINATOR'), ...regionScopes(me, 'AUDITOR')];
  const defaultRegion = scopes[0] ? scopes[0].padEnd(12, '0') : hasRole(me, 'PLATFORM_ADMIN') ? WHOLE_COUNTRY : '';
  const thisYear = shanghaiYear();
  const [regionInput, setRegionInput] = useState(search.get('region') ?? defaultRegion);
  const regionCode = search.get('region') ?? defaultRegion;
  const year = Number(search.get('year') ?? thisYear);
  const month = search.get('month') ? Number(search.get('month')) : null;
  const groupBy = (SUPERVISION_GROUPS as readonly string[]).includes(search.get('group') ?? '')
    ? (search.get('group') as SupervisionGroup)
    : 'COUNTY';
  // Filters live in the URL so a deep link reopens the same view.
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    navigate(`${pathname}?${next}`, { replace: true });
  };
  return (
    <PortalPage
      kicker={t('supervision.kicker')}
      title={t('supervision.title')}
      lead={t('supervision.lead')}
      smallLead
      testId="supervision-page"
    >
      <Form
        className="card form-actions"
        aria-label={t('supervision.filters')}
        onSubmit={() => set({ region: regionInput.trim() })}
      >
        <label className="field compact">
          <span>{t('supervision.region')}</span>
          <input
            value={regionInput}
            onChange={(e) => setRegionInput(e.target.value)}
            inputMode="numeric"
            maxLength={12}
            data-testid="supervision-region"
          />
        </label>
        <SelectField
          compact
          label={t('supervision.year')}
          value={year}
          onChange={(e) => set({ year: e.target.value })}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => [y, y])}
        />
        <SelectField
          compact
          label={t('supervision.month')}
          value={month ?? ''}
          onChange={(e) => set({ month: e.target.value })}
        >
          <option value="">{t('supervision.month.all')}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {t('supervision.month.upTo', { month: i + 1 })}
            </option>
          ))}
        </SelectField>
        <SelectField
          compact
          label={t('supervision.groupBy')}
          value={groupBy}
          onChange={(e) => set({ group: e.target.value })}
          options={SUPERVISION_GROUPS.map((g) => [g, t(`supervision.group.${g}`)])}
        />
        <button type="submit" className="button button-primary">
          {t('supervision.apply')}
        </button>
      </Form>
      {regionCode ? (
        <>
          <Ranking
            key={`${regionCode}-${year}-${month}-${groupBy}`}
            regionCode={regionCode}
            year={year}
            month={month}
            groupBy={groupBy}
          />
          <Overdue key={`o-${regionCode}`} regionCode={regionCode} />
        </>
      ) : (
        <p className="muted">{t('supervision.noScope')}</p>
      )}
    </PortalPage>
  );
}

export const SupervisionPage = forRoles(SUPERVISORS, Supervision);
