import type { PaymentClockData, PaymentClockEntryData } from '../../api/supervision';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';

/** Clock entries: who owes whom, due date, days overdue and late interest (the server computes the figures). */
export function PaymentClockTable({
  entries,
  show,
}: {
  entries: PaymentClockEntryData[];
  show: 'unit' | 'supplier' | 'both';
}) {
  const { t } = useI18n();
  return (
    <DataTable
      className="stats-table"
      testId="payment-clock-table"
      columns={[
        t('clock.order'),
        ...(show !== 'supplier' ? [t('clock.supplier')] : []),
        ...(show !== 'unit' ? [t('clock.unit')] : []),
        { label: t('clock.amount'), num: true },
        t('clock.acceptedOn'),
        t('clock.dueOn'),
        t('clock.status'),
        { label: t('clock.daysOverdue'), num: true },
        { label: t('clock.interest'), num: true },
      ]}
    >
      {entries.map((e) => (
        <tr key={`${e.orderId}-${e.supplierId}`} data-testid="payment-clock-entry" data-status={e.status}>
          <td>
            <a href={`/orders/${e.orderId}`}>{e.orderNo}</a>
          </td>
          {show !== 'supplier' && <td>{e.supplierName}</td>}
          {show !== 'unit' && <td>{e.unitName}</td>}
          <td className="num">{formatFen(e.amount)}</td>
          <td>{e.acceptedOn}</td>
          <td>
            {e.dueOn}
            <div className="muted small">{t('clock.term', { days: e.termDays })}</div>
          </td>
          <td>
            <span className="status-chip" data-status={e.status}>
              {t(`clock.status.${e.status}`)}
            </span>
            {e.paidOn && <div className="muted small">{t('clock.paidOn', { day: e.paidOn })}</div>}
          </td>
          <td className="num">{e.daysOverdue}</td>
          <td className="num">{formatFen(e.interestAmount)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A payment clock's totals (outstanding, overdue, late interest) above its entries, or that nothing is owed. */
export function PaymentClockSummary({
  clock,
  show,
  outstandingTestId,
}: {
  clock: PaymentClockData['paymentClock'];
  show: 'unit' | 'supplier' | 'both';
  outstandingTestId?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <dl className="facts facts-inline">
        <dt>{t('clock.owed.outstanding')}</dt>
        <dd data-testid={outstandingTestId}>{formatFen(clock.outstandingAmount)}</dd>
        <dt>{t('supervision.overdue.amount')}</dt>
        <dd>{formatFen(clock.overdueAmount)}</dd>
        <dt>{t('supervision.overdue.interest')}</dt>
        <dd>{formatFen(clock.interestAmount)}</dd>
      </dl>
      {clock.entries.length === 0 ? (
        <p className="muted">{t('clock.owed.none')}</p>
      ) : (
        <PaymentClockTable entries={clock.entries} show={show} />
      )}
    </>
  );
}
