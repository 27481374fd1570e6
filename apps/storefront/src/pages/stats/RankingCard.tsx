import { REGION_COMPLETION } from '../../api/statistics';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';

/** Budget units located in the region ranked by 预留份额 completion (libs/procurement's regionCompletion). */
export function RankingCard({ region, year }: { region: string; year: number }) {
  const { t } = useI18n();
  // The ranking is asked per region; the whole country has no single region to ask for.
  const q = useQuery(REGION_COMPLETION, { regionCode: region, year }, { skip: region === '' });
  const units = q.data?.regionCompletion ?? [];
  return (
    <section className="card stats-card stats-wide" aria-labelledby="ranking-title" data-testid="agency-ranking">
      <h2 id="ranking-title">{t('stats.ranking.title', { year })}</h2>
      <p className="muted small">{t('stats.ranking.lead')}</p>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !q.data ? <Loading /> : null}
      {region === '' && <p className="muted">{t('stats.ranking.pickRegion')}</p>}
      {q.data && units.length === 0 && <p className="muted">{t('stats.ranking.none')}</p>}
      {units.length > 0 && (
        <div className="table-scroll">
          <table className="table stats-table compact">
            <thead>
              <tr>
                <th className="num">{t('stats.ranking.rank')}</th>
                <th>{t('stats.ranking.unit')}</th>
                <th className="num">{t('stats.ranking.reserved')}</th>
                <th className="num">{t('stats.ranking.counted')}</th>
                <th className="num">{t('stats.ranking.pending')}</th>
                <th className="num">{t('stats.ranking.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.orgId} data-testid="ranking-row">
                  <td className="num">{u.rank}</td>
                  <th scope="row">{u.name}</th>
                  <td className="num">{formatFen(u.reservedAmount)}</td>
                  <td className="num">{formatFen(u.countedAmount)}</td>
                  <td className="num">{formatFen(u.pendingAmount)}</td>
                  <td className="num">
                    {u.completionPercent === null ? t('stats.ranking.noFiling') : `${u.completionPercent.toFixed(2)}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
