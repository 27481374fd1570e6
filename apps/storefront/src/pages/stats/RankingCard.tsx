import { REGION_COMPLETION } from '../../api/statistics';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { DataTable } from '../../components/DataTable';
import { TitledCard } from '../../components/TitledCard';

/** Budget units located in the region ranked by 预留份额 completion (libs/procurement's regionCompletion). */
export function RankingCard({ region, year }: { region: string; year: number }) {
  const { t } = useI18n();
  // The ranking is asked per region; the whole country has no single region to ask for.
  const q = useQuery(REGION_COMPLETION, { regionCode: region, year }, { skip: region === '' });
  const units = q.data?.regionCompletion ?? [];
  return (
    <TitledCard title={t('stats.ranking.title', { year })} className="stats-card stats-wide" testId="agency-ranking">
      <p className="muted small">{t('stats.ranking.lead')}</p>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !q.data ? <Loading /> : null}
      {region === '' && <p className="muted">{t('stats.ranking.pickRegion')}</p>}
      {q.data && units.length === 0 && <p className="muted">{t('stats.ranking.none')}</p>}
      {units.length > 0 && (
        <DataTable
          className="stats-table compact"
          columns={[
            { label: t('stats.ranking.rank'), num: true },
            t('stats.ranking.unit'),
            { label: t('stats.ranking.reserved'), num: true },
            { label: t('stats.ranking.counted'), num: true },
            { label: t('stats.ranking.pending'), num: true },
            { label: t('stats.ranking.rate'), num: true },
          ]}
        >
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
        </DataTable>
      )}
    </TitledCard>
  );
}
