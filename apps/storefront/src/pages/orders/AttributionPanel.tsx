import { ORDER_ATTRIBUTION } from '../../api/attribution';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { translateOr, useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { TitledCard } from '../../components/TitledCard';

const KINDS = ['HOUSEHOLD', 'VILLAGE_COLLECTIVE', 'COOPERATIVE', 'UNASSIGNED'] as const;

/** "Where your money went" (您的钱去了哪里): per line, what households, village collectives and cooperatives received. */
export function AttributionPanel({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(ORDER_ATTRIBUTION, { orderId });
  const a = data?.orderAttribution;
  return (
    <TitledCard title={t('attribution.title')} testId="attribution">
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !a ? <Loading /> : null}
      {a && !a.counted && (
        <p className="muted" data-testid="attribution-pending">
          {t('attribution.notCounted')}
        </p>
      )}
      {a && a.counted && (
        <>
          <p data-testid="attribution-summary">
            {t('attribution.summary', {
              amount: formatFen(a.householdAmount),
              count: a.householdCount,
              total: formatFen(a.attributedAmount),
            })}
          </p>
          {a.lines.map((line) => {
            const sums = KINDS.map((k) => ({
              kind: k,
              amount: line.beneficiaries.filter((b) => b.kind === k).reduce((s, b) => s + b.amount, 0),
            }));
            const households = line.beneficiaries.filter((b) => b.kind === 'HOUSEHOLD');
            return (
              <div key={line.orderLineId} className="attribution-line" data-testid="attribution-line">
                <h3>
                  {line.productTitle} × {line.quantity} · {formatFen(line.lineTotal)}
                </h3>
                {line.ruleKind && (
                  <p className="muted small">
                    {translateOr(t, `attributionKind.${line.ruleKind}`, line.ruleKind)}
                    {line.capped ? ` · ${t('attribution.capped')}` : ''}
                  </p>
                )}
                <dl className="money-split">
                  {sums.map((s) => (
                    <div key={s.kind} style={{ display: 'contents' }} data-testid={`attribution-${s.kind}`}>
                      <dt>{t(`attribution.kind.${s.kind}`)}</dt>
                      <dd>{formatFen(s.amount)}</dd>
                    </div>
                  ))}
                </dl>
                {households.length > 0 && (
                  <ul className="rank-list small">
                    {households.map((b, i) => (
                      <li key={`${b.householdId}-${b.lotNo}-${i}`} data-testid="attribution-household">
                        <span>
                          {b.name ?? t('attribution.household')}
                          {b.villageName ? ` · ${b.villageName}` : ''}
                          {b.lotNo ? ` · ${t('attribution.lot', { lot: b.lotNo })}` : ''}
                        </span>
                        <strong>{formatFen(b.amount)}</strong>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </>
      )}
    </TitledCard>
  );
}
