import { useState } from 'react';
import { FLAGGED_PAYMENTS, ORDER_REFUNDS, RECENT_REFUNDS, REFUND_ORDER, REFUND_UNMATCHED } from '../../api/admin';
import { api } from '../../api/client';
import { ORDERS } from '../../api/ordering';
import type { RefundStatus } from '../../api/generated/graphql';
import { ErrorNotice } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen, parseYuanToFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';
import { FilterSelect } from '../../components/FilterSelect';
import { DataTable } from '../../components/DataTable';
import { ListStatus } from '../../components/ListStatus';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { OrderNoLink } from '../../components/OrderNoLink';

/** Find an order by its number, see what was paid and refunded, and refund all or part of it with a reason. */
function RefundOrder({ onRefunded }: { onRefunded: () => void }) {
  const { t, locale } = useI18n();
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState('');
  const find = useAction(async (search: string) => {
    const data = await api.request(ORDERS, { filter: { search }, first: 5 });
    const nodes = data.orders.edges.map((e) => e.node);
    // Money moves only for an unambiguous order: the exact number, or the only match of a partial one.
    const order = nodes.find((n) => n.orderNo === search) ?? (nodes.length === 1 ? nodes[0] : null);
    const refunds = order ? (await api.request(ORDER_REFUNDS, { orderId: order.id })).orderRefunds : [];
    return { order, refunds, matches: order ? [] : nodes.map((n) => n.orderNo) };
  });
  const [found, setFound] = useState<Awaited<ReturnType<typeof find.run>>>(undefined);
  const lookUp = async (no = number.trim()) => setFound(await find.run(no));
  const fen = amount.trim() ? parseYuanToFen(amount) : null;
  const order = found?.order;
  return (
    <section className="card">
      <h2>{t('admin.refunds.orderTitle')}</h2>
      <Form className="admin-filters" role="search" onSubmit={lookUp}>
        <TextField
          compact
          label={t('admin.orders.number')}
          required
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <div className="field field-compact">
          <button type="submit" className="button button-primary" disabled={find.busy}>
            {t('admin.search')}
          </button>
        </div>
      </Form>
      <ErrorNotice error={find.error} />
      {found && !order && found.matches.length === 0 && <p className="muted">{t('admin.refunds.noOrder')}</p>}
      {found && found.matches.length > 0 && (
        <div className="chip-row">
          <span className="muted">{t('admin.refunds.several')}</span>
          {found.matches.map((no) => (
            <button
              key={no}
              type="button"
              className="button button-quiet mono"
              onClick={() => {
                setNumber(no);
                void lookUp(no);
              }}
            >
              {no}
            </button>
          ))}
        </div>
      )}
      {order && (
        <div data-testid="refund-order">
          <p>
            <OrderNoLink order={order} /> <StatusChip domain="orderStatus" status={order.status} />
          </p>
          <p className="muted small">
            {t('admin.refunds.paidRefunded', {
              paid: formatFen(order.paidAmount),
              refunded: formatFen(order.refundedAmount),
            })}
          </p>
          <ul className="row-list">
            {found.refunds.map((r) => (
              <li key={r.id} className="row small">
                <span>
                  {formatFen(r.amount)} · {r.status} · {formatDateTime(r.createdAt, locale)}
                </span>
                <span className="muted">{r.reason ?? r.failure ?? ''}</span>
              </li>
            ))}
          </ul>
          <div className="inline-form">
            <TextField
              compact
              label={t('admin.refunds.amount')}
              inputMode="decimal"
              placeholder={t('admin.refunds.amountAll')}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={amount.trim() !== '' && fen === null}
            />
            <ConfirmAction
              label={t('admin.refunds.refund')}
              title={t('admin.refunds.confirmTitle', {
                order: order.orderNo,
                amount: fen !== null ? formatFen(fen) : t('admin.refunds.amountAll'),
              })}
              onConfirm={async (reason) => {
                await api.request(REFUND_ORDER, { orderId: order.id, amount: fen, reason });
                setAmount('');
                onRefunded();
                await lookUp();
              }}
            />
          </div>
        </div>
      )}
    </section>
  );
}

/** Payments that need a person: paid after cancellation, paid twice, or a refund the provider disagrees with. */
function FlaggedPayments() {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useQuery(FLAGGED_PAYMENTS);
  const rows = data?.flaggedPayments ?? [];
  return (
    <section className="card">
      <h2>{t('admin.refunds.flaggedTitle')}</h2>
      <ListStatus error={error} onRetry={reload} loading={loading && !data} empty={rows.length === 0} />
      <ul className="row-list">
        {rows.map((p) => (
          <li key={p.id} className="row">
            <div className="row-main">
              <div className="row-title">
                <span className="price">{formatFen(p.amount)}</span>
                <Link to={`/orders/${p.orderId}`}>{t('admin.payments.order')}</Link>
                <span className="chip chip-warning">{p.flag}</span>
              </div>
              <p className="muted small">
                {p.flagReason} · {formatDateTime(p.createdAt, locale)}
              </p>
            </div>
            {p.flag === 'NEEDS_REFUND' && (
              <div className="row-actions">
                <ConfirmAction
                  label={t('admin.refunds.returnPayment')}
                  title={t('admin.refunds.returnTitle', { amount: formatFen(p.amount) })}
                  onConfirm={async () => {
                    await api.request(REFUND_UNMATCHED, { paymentId: p.id });
                    reload();
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const REFUND_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;

/** Every order's refunds, newest first; FAILED ones need following up with the provider or the bank. */
function RecentRefunds() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useQuery(RECENT_REFUNDS, {
    status: (status || null) as RefundStatus | null,
    first: 50,
  });
  const rows = data?.refunds ?? [];
  return (
    <section className="card">
      <h2>{t('admin.refunds.recentTitle')}</h2>
      <div className="admin-filters">
        <FilterSelect
          label={t('admin.filter.status')}
          value={status}
          onChange={setStatus}
          options={REFUND_STATUSES.map((s) => [s, t(`admin.refunds.status.${s}`)] as const)}
        />
      </div>
      <ListStatus error={error} onRetry={reload} loading={loading && !data} empty={rows.length === 0} />
      {rows.length > 0 && (
        <DataTable
          columns={[
            t('admin.payouts.createdAt'),
            { label: t('admin.orders.total'), num: true },
            t('admin.filter.status'),
            t('admin.confirm.reasonShort'),
            null,
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id} data-testid="recent-refund">
              <td className="nowrap">{formatDateTime(r.createdAt, locale)}</td>
              <td className="num">{formatFen(r.amount)}</td>
              <td className="nowrap">{t(`admin.refunds.status.${r.status as (typeof REFUND_STATUSES)[number]}`)}</td>
              <td>{r.failure ?? r.reason ?? '—'}</td>
              <td className="nowrap">
                <Link to={`/orders/${r.orderId}`}>{t('admin.payments.order')}</Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function RefundsSection() {
  // A refund made above shows in the list below without a manual reload.
  const [version, setVersion] = useState(0);
  return (
    <>
      <RefundOrder onRefunded={() => setVersion((v) => v + 1)} />
      <RecentRefunds key={version} />
      <FlaggedPayments />
    </>
  );
}
