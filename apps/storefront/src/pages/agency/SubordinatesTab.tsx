import { useState } from 'react';
import { ORDERS } from '../../api/ordering';
import { SUBORDINATE_COMPLETION } from '../../api/procurement';
import { bpsText, PAYMENT_CLOCK, UNIT_FILINGS } from '../../api/supervision';
import { ErrorNotice } from '../../components/Feedback';
import { translateOr, useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useConnection } from '../../lib/use-connection';
import { useQuery } from '../../lib/use-query';
import { OrderRows } from '../orders/OrdersPage';
import { QueryStatus } from '../../components/ListStatus';
import { PaymentClockSummary } from '../supervision/PaymentClockTable';
import { TitledCard } from '../../components/TitledCard';

/** One subordinate unit: its filings (with the reason for a drop) and its purchases. */
function UnitDetail({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const filings = useQuery(UNIT_FILINGS, { orgId });
  const orders = useConnection(ORDERS, { filter: { buyerOrgId: orgId }, first: 10 }, (d) => d.orders);
  return (
    <div className="sub-unit-detail" data-testid="sub-unit-detail">
      <h3>{t('agency.sub.filings')}</h3>
      <ErrorNotice error={filings.error} onRetry={filings.reload} />
      {filings.data?.reservedShareFilings.length === 0 && <p className="muted">{t('agency.sub.noFilings')}</p>}
      <ul className="row-list">
        {filings.data?.reservedShareFilings.map((f) => (
          <li key={f.id} data-testid="sub-filing">
            <strong>{f.year}</strong> · {translateOr(t, `canteenMode.${f.canteenMode}`, f.canteenMode)} ·{' '}
            {bpsText(f.ratioBps)} · {formatFen(f.reservedAmount)}
            {f.late && <span className="muted small"> · {t('agency.sub.late')}</span>}
            {f.decreaseReason && (
              <div className="muted small">{t('supervision.decreaseReason', { reason: f.decreaseReason })}</div>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('agency.sub.purchases')}</h3>
      <OrderRows list={orders} emptyText={t('orders.empty')} />
    </div>
  );
}

/** AGENCY_ADMIN: the units below this one — completion, filings, purchases — and what the subtree owes suppliers. */
export function SubordinatesTab({ orgId, year }: { orgId: string; year: number }) {
  const { t } = useI18n();
  const ranking = useQuery(SUBORDINATE_COMPLETION, { orgId, year });
  const clock = useQuery(PAYMENT_CLOCK, { filter: { orgId } });
  const [open, setOpen] = useState<string | null>(null);
  const units = ranking.data?.subordinateCompletion ?? [];
  const c = clock.data?.paymentClock;
  return (
    <>
      <TitledCard title={t('agency.sub.title', { year })} testId="subordinate-units">
        <p className="muted small">{t('agency.sub.lead')}</p>
        <QueryStatus query={ranking} empty={units.length === 0} emptyText={t('agency.ranking.none')} />
        <ul className="row-list">
          {units.map((u) => (
            <li key={u.orgId} data-testid="subordinate-unit">
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={open === u.orgId}
                onClick={() => setOpen(open === u.orgId ? null : u.orgId)}
              >
                {u.rank}. {u.name}
              </button>
              <span className="muted small">
                {' '}
                {u.completionPercent === null ? t('agency.ranking.noFiling') : bpsText(u.completionBasisPoints)} ·{' '}
                {formatFen(u.countedAmount)} / {formatFen(u.reservedAmount)} · {t('supervision.col.pending')}{' '}
                {formatFen(u.pendingAmount)}
              </span>
              {open === u.orgId && <UnitDetail orgId={u.orgId} />}
            </li>
          ))}
        </ul>
      </TitledCard>
      <TitledCard title={t('clock.units.title')} testId="subordinate-clock">
        <p className="muted small">{t('clock.lead')}</p>
        <ErrorNotice error={clock.error} onRetry={clock.reload} />
        {c && <PaymentClockSummary clock={c} show="both" />}
      </TitledCard>
    </>
  );
}
