import { api } from '../../api/client';
import {
  CONFIRM_BANK_TRANSFER,
  PAYMENTS_AWAITING_CONFIRMATION,
  type PendingTransfer,
  REJECT_BANK_TRANSFER,
} from '../../api/ordering';
import { Decision } from '../../components/Decision';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { QueryRowList } from '../../components/ListStatus';

function TransferRow({ payment, onDone }: { payment: PendingTransfer; onDone: (id: string) => void }) {
  const { t, locale } = useI18n();
  const act = useAction(async (kind: 'confirm' | 'reject', reason?: string) => {
    if (kind === 'confirm') await api.request(CONFIRM_BANK_TRANSFER, { paymentId: payment.id });
    else await api.request(REJECT_BANK_TRANSFER, { paymentId: payment.id, reason: reason ?? '' });
    onDone(payment.id);
  });
  return (
    <li className="row" data-testid="pending-transfer" data-order-id={payment.orderId}>
      <div className="row-main">
        <div className="row-title">
          <span className="price">{formatFen(payment.amount)}</span>
          <Link to={`/orders/${payment.orderId}`}>{t('admin.payments.order')}</Link>
        </div>
        <p className="muted small">
          {t('pay.bank.reference')} <span className="mono">{payment.reference}</span> ·{' '}
          {t('admin.payments.paidOn', { at: formatDateTime(payment.paidAt, locale) })} ·{' '}
          {t('admin.payments.recordedAt', { at: formatDateTime(payment.createdAt, locale) })}
        </p>
      </div>
      <div className="row-actions">
        <Decision
          approveLabel={t('admin.payments.confirm')}
          busy={act.busy}
          error={act.error}
          onApprove={() => void act.run('confirm')}
          onReject={(reason) => void act.run('reject', reason)}
        />
      </div>
    </li>
  );
}

/** Platform finance: bank transfers agencies recorded, to be matched with the bank statement (console section). */
export function PaymentsAdmin() {
  const { t } = useI18n();
  const payments = useQuery(PAYMENTS_AWAITING_CONFIRMATION);
  const done = (id: string) =>
    payments.setData((d) =>
      d ? { paymentsAwaitingConfirmation: d.paymentsAwaitingConfirmation.filter((p) => p.id !== id) } : d,
    );
  const rows = payments.data?.paymentsAwaitingConfirmation ?? [];
  return (
    <section className="card">
      <p className="muted">{t('admin.payments.lead')}</p>
      <QueryRowList query={payments} rows={rows} row={(p) => <TransferRow key={p.id} payment={p} onDone={done} />} />
    </section>
  );
}
