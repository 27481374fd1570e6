import { RESERVED_SHARE, SUBORDINATE_COMPLETION } from '../../api/procurement';
import { Bars, Gauge } from '../../components/Charts';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { translateOr, useI18n } from '../../i18n';
import { bpsToPercentText } from '../../lib/agency';
import { completionDeadline, remainingFen } from '../../lib/completion-card';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { ExportButtons } from './ExportButtons';
import { TitledCard } from '../../components/TitledCard';

/** 预留份额完成情况: gauge, figures, monthly bars, and (admins) the units below ranked by completion. */
export function CompletionTab({ orgId, year, isAdmin }: { orgId: string; year: number; isAdmin: boolean }) {
  const { t } = useI18n();
  const share = useQuery(RESERVED_SHARE, { orgId, year });
  const ranking = useQuery(SUBORDINATE_COMPLETION, { orgId, year }, { skip: !isAdmin });
  const s = share.data?.reservedShare;
  const deadline = completionDeadline(year);

  return (
    <>
      <TitledCard
        title={t('agency.completion.title', { year })}
        testId="completion"
        aside={
          <button type="button" className="button button-quiet" onClick={share.reload} data-testid="completion-refresh">
            {t('agency.refresh')}
          </button>
        }
      >
        <p className="muted small">{t('agency.completion.lead')}</p>
        <ExportButtons orgId={orgId} year={year} isAdmin={isAdmin} />
        <ErrorNotice error={share.error} onRetry={share.reload} />
        {share.loading && !s ? (
          <Loading />
        ) : s ? (
          <div className="dashboard-grid">
            <div>
              <Gauge
                basisPoints={s.completionBasisPoints}
                label={t('agency.completion.percent')}
                caption={s.filing ? undefined : t('agency.completion.noFiling')}
                testId="completion-gauge"
              />
              <p className="center" data-testid="completion-percent" data-bps={s.completionBasisPoints ?? ''}>
                {s.completionPercent === null ? '—' : `${s.completionPercent.toFixed(2)}%`}
              </p>
            </div>
            <dl className="facts">
              <dt>{t('agency.completion.reserved')}</dt>
              <dd data-testid="reserved-amount">{formatFen(s.reservedAmount)}</dd>
              <dt>{t('agency.completion.counted')}</dt>
              <dd data-testid="counted-amount" data-fen={s.countedAmount}>
                <strong>{formatFen(s.countedAmount)}</strong>
              </dd>
              <dt>{t('agency.completion.remaining')}</dt>
              <dd data-testid="remaining-amount" data-fen={remainingFen(s.reservedAmount, s.countedAmount)}>
                {formatFen(remainingFen(s.reservedAmount, s.countedAmount))}
              </dd>
              <dt>{t('agency.completion.deadline')}</dt>
              <dd data-testid="completion-deadline">
                {deadline.daysLeft >= 0
                  ? t('agency.completion.deadlineDays', { date: deadline.date, days: deadline.daysLeft })
                  : t('agency.completion.deadlinePassed', { date: deadline.date })}
              </dd>
              <dt>{t('agency.completion.pending')}</dt>
              <dd data-testid="pending-amount">{formatFen(s.pendingAmount)}</dd>
              {s.tradeUnionAmount > 0 && (
                <>
                  <dt>{t('agency.completion.tradeUnion')}</dt>
                  <dd>{formatFen(s.tradeUnionAmount)}</dd>
                </>
              )}
              {s.uncertifiedAmount > 0 && (
                <>
                  <dt>{t('agency.completion.uncertified')}</dt>
                  <dd>{formatFen(s.uncertifiedAmount)}</dd>
                </>
              )}
              <dt>{t('agency.filing.minimum')}</dt>
              <dd>{bpsToPercentText(s.minimumBps)}%</dd>
              {s.filing && (
                <>
                  <dt>{t('agency.filing.mode')}</dt>
                  <dd>{translateOr(t, `canteenMode.${s.filing.canteenMode}`, s.filing.canteenMode)}</dd>
                </>
              )}
            </dl>
            <div>
              <h3>{t('agency.completion.monthly')}</h3>
              <Bars
                items={s.monthly.map((m) => ({ label: String(m.month), value: m.countedAmount }))}
                label={t('agency.completion.monthly')}
                xTitle={t('agency.chart.month')}
                yTitle={t('agency.chart.amount')}
                format={formatFen}
                testId="monthly-bars"
              />
            </div>
          </div>
        ) : null}
      </TitledCard>

      {isAdmin && (
        <TitledCard title={t('agency.ranking.title')} testId="subordinates">
          <ErrorNotice error={ranking.error} onRetry={ranking.reload} />
          {ranking.loading && !ranking.data ? (
            <Loading />
          ) : ranking.data?.subordinateCompletion.length === 0 ? (
            <p className="muted">{t('agency.ranking.none')}</p>
          ) : null}
          <ol className="rank-list">
            {ranking.data?.subordinateCompletion.map((u) => (
              <li key={u.orgId} data-testid="subordinate">
                <span>
                  {u.rank}. {u.name}
                </span>
                <span className="muted small">
                  {u.completionPercent === null ? t('agency.ranking.noFiling') : `${u.completionPercent.toFixed(2)}%`} ·{' '}
                  {formatFen(u.countedAmount)} / {formatFen(u.reservedAmount)}
                </span>
              </li>
            ))}
          </ol>
        </TitledCard>
      )}
    </>
  );
}
