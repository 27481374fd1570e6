import { useState } from 'react';
import { api } from '../../api/client';
import {
  CANCEL_ORDER,
  CHECKOUT_CHANNELS,
  ORDER,
  type OrderDetail,
  SETTLE_ORDER,
  SUPPLIER_NAMES,
} from '../../api/ordering';
import { DeliveryAddressCard } from '../../components/DeliveryAddress';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { OrderTimeline } from '../../components/OrderTimeline';
import { StatusChip } from '../../components/StatusChip';
import { translateOr, useI18n } from '../../i18n';
import { distinct, useBatch } from '../../lib/batch-query';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { isBuyerSide, orderActions, orderCrumb, viewerOf } from '../../lib/orders';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { PrintableButton } from '../agency/shared';
import { OrderAftersalesPanel } from '../aftersales/OrderAftersalesPanel';
import { AttributionPanel } from './AttributionPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { PaymentPanel } from './PaymentPanel';
import { PaymentClockPanel } from '../supervision/PaymentClockPanel';
import { SupplierOrderCard } from './SupplierOrderCard';
import { ActionButton } from '../../components/ActionButton';
import { FormActions } from '../../components/FormActions';
import { NoteField } from '../../components/FormField';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

function CancelForm({ order, onOrder }: { order: OrderDetail; onOrder: (o: OrderDetail) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useAction(async () => {
    const data = await api.request(CANCEL_ORDER, {
      orderId: order.id,
      reason: reason.trim(),
    });
    onOrder(data.cancelOrder);
    setOpen(false);
  });
  const submit = () => {
    if (reason.trim()) void cancel.run();
  };
  if (!open) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {t('order.cancel')}
      </button>
    );
  }
  return (
    <Form className="decision" onSubmit={submit} data-testid="cancel-form">
      <NoteField label={t('order.cancelReason')} required maxLength={500} value={reason} onChange={setReason} />
      <p className="hint">{t('order.cancelHint')}</p>
      <FormActions
        action={cancel}
        label={t('order.cancelConfirm')}
        disabled={!reason.trim()}
        variant="danger"
        onCancel={() => setOpen(false)}
      />
    </Form>
  );
}

export function OrderPage({ params }: { params: { id?: string } }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { search } = useLocation();
  const signedIn = !!me;
  const { data, error, loading, reload, setData } = useQuery(ORDER, { id: params.id ?? '' }, { skip: !signedIn });
  const order = data?.order;
  const suppliers = useBatch(SUPPLIER_NAMES, distinct(order?.supplierOrders.map((so) => so.supplierId) ?? []));
  const channels = useQuery(CHECKOUT_CHANNELS);
  const replace = (o: OrderDetail) => setData(() => ({ order: o }));
  const settle = useAction(async () => {
    const res = await api.request(SETTLE_ORDER, { orderId: order?.id ?? '' });
    replace(res.settleOrder);
  });

  if (me === undefined)
    return (
      <div className="container page-body">
        <Loading />
      </div>
    );
  if (me === null) {
    return (
      <div className="container auth-page">
        <div className="card">
          <h1>{t('guard.signIn.title')}</h1>
          <Link
            to={`/login?next=${encodeURIComponent(`/orders/${params.id ?? ''}`)}`}
            className="button button-primary"
          >
            {t('nav.login')}
          </Link>
        </div>
      </div>
    );
  }
  if (loading && !order)
    return (
      <div className="container page-body">
        <Loading />
      </div>
    );
  if (!order) {
    return (
      <div className="container page-body">
        <h1>{t('order.notFound')}</h1>
        <ErrorNotice
          error={error}
          onRetry={error?.code === 'NOT_FOUND' || error?.code === 'FORBIDDEN' ? undefined : reload}
        />
        <Link to="/orders">{t('orders.back')}</Link>
      </div>
    );
  }

  const viewer = viewerOf(me);
  const actions = orderActions(order, viewer);
  const crumb = orderCrumb(order, viewer);
  const channel = channels.data?.channels.find((c) => c.id === order.channelId);
  const supplierName = (id: string) => suppliers.records.get(id)?.name ?? null;

  return (
    <div className="container page-body order-page">
      <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
        <ol>
          <li>{crumb.to ? <Link to={crumb.to}>{t(crumb.label)}</Link> : t(crumb.label)}</li>
          <li>
            <span aria-current="page">{order.orderNo}</span>
          </li>
        </ol>
      </nav>

      {search.get('placed') === '1' && order.status !== 'CANCELLED' && (
        <p className="notice notice-ok" role="status" data-testid="order-placed">
          {t('order.placedNotice', { count: order.supplierOrders.length })}
        </p>
      )}

      {search.get('requested') && (
        <p className="notice notice-ok" role="status" data-testid="order-requested">
          {t('order.requestedNotice', {
            no: search.get('requested') ?? '',
            status: translateOr(t, `orderStatus.${order.status}`, order.status),
          })}
        </p>
      )}

      <section className="card order-head" aria-labelledby="order-title">
        <div className="order-head-row">
          <div>
            <p className="label">{t('order.kicker')}</p>
            <h1 id="order-title" className="mono" data-testid="order-no">
              {order.orderNo}
            </h1>
          </div>
          <StatusChip domain="orderStatus" status={order.status} testId="order-status" />
        </div>
        {!order.wholeOrderVisible && <p className="notice notice-warn">{t('order.partialView')}</p>}
        <dl className="facts">
          <dt>{t('order.placedAt')}</dt>
          <dd>{formatDateTime(order.createdAt, locale)}</dd>
          <dt>{t('order.channel')}</dt>
          <dd>{channel?.name ?? '—'}</dd>
          <dt>{t('order.buyer')}</dt>
          <dd>{order.buyerKind === 'AGENCY' ? t('order.buyer.agency') : t('order.buyer.retail')}</dd>
          <dt>{t('order.paymentMode')}</dt>
          <dd>{translateOr(t, `paymentMode.${order.paymentMode}`, order.paymentMode)}</dd>
          <dt>{order.wholeOrderVisible ? t('order.total') : t('order.yourTotal')}</dt>
          <dd>
            <strong className="price" data-testid="order-total">
              {formatFen(order.totalAmount)}
            </strong>
          </dd>
          {order.wholeOrderVisible && (
            <>
              <dt>{t('order.paid')}</dt>
              <dd data-testid="order-paid">{formatFen(order.paidAmount)}</dd>
            </>
          )}
          {order.refundedAmount > 0 && (
            <>
              <dt>{t('order.refunded')}</dt>
              <dd>{formatFen(order.refundedAmount)}</dd>
            </>
          )}
        </dl>
        {(actions.cancel || actions.settle) && (
          <div className="form-actions order-actions">
            {actions.cancel && <CancelForm order={order} onOrder={replace} />}
            {actions.settle && (
              <ActionButton action={settle} variant="primary">
                {t('order.settle')}
              </ActionButton>
            )}
          </div>
        )}
        <ErrorNotice error={settle.error} />
        {order.wholeOrderVisible &&
          order.paidAmount > order.refundedAmount &&
          (order.status === 'PAID' || order.status === 'FULFILLING') && (
            <p className="hint">{t('order.paidCancelHint')}</p>
          )}
      </section>

      {actions.pay && (
        <PaymentPanel
          key={`${order.status}:${order.paymentMode}:${order.payments.length}`}
          order={order}
          actions={actions}
          onChanged={reload}
          onOrder={replace}
        />
      )}

      <DeliveryAddressCard orderId={order.id} />

      <section aria-labelledby="supplier-orders-title" className="supplier-orders">
        <h2 id="supplier-orders-title">{t('order.supplierOrders', { count: order.supplierOrders.length })}</h2>
        <p className="muted small">{t('order.supplierOrdersHint')}</p>
        <div className="supplier-order-list">
          {order.supplierOrders.map((so) => (
            <SupplierOrderCard
              key={so.id}
              so={so}
              supplierName={supplierName(so.supplierId)}
              canShip={actions.ship.includes(so.id)}
              canConfirmDelivery={actions.confirmDelivery.includes(so.id)}
              showLots={viewer.supplierOrgIds.includes(so.supplierId) || viewer.admin}
              onChanged={reload}
            />
          ))}
        </div>
      </section>

      {isBuyerSide(order, viewer) && (
        <OrderAftersalesPanel
          key={`aftersales-${order.id}-${order.status}`}
          order={order}
          supplierName={supplierName}
        />
      )}

      <TitledCard title={t('order.timeline')}>
        <OrderTimeline moves={order.history} domain="orderStatus" />
      </TitledCard>

      {order.wholeOrderVisible && order.payments.length > 0 && (
        <TitledCard title={t('pay.records')} testId="payments">
          <ul className="row-list">
            {order.payments.map((p) => (
              <li key={p.id} className="row" data-testid="payment-row">
                <div className="row-main">
                  <div className="row-title">
                    <span>{translateOr(t, `paymentMethod.${p.method}`, p.method)}</span>
                    <StatusChip domain="paymentStatus" status={p.status} />
                  </div>
                  <p className="muted small">
                    {formatFen(p.amount)} · {formatDateTime(p.createdAt, locale)}
                    {p.reference ? ` · ${t('pay.bank.reference')} ${p.reference}` : ''}
                    {p.rejectedReason ? ` · ${p.rejectedReason}` : ''}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </TitledCard>
      )}

      {order.wholeOrderVisible && (order.documents.length > 0 || actions.uploadDocuments || actions.accept) && (
        <DocumentsPanel
          order={order}
          canUpload={actions.uploadDocuments}
          canAccept={actions.accept}
          onChanged={reload}
          onOrder={replace}
        />
      )}

      {order.buyerKind === 'AGENCY' && order.acceptedAt && (
        <TitledCard title={t('order.acceptanceRecord')}>
          <p className="muted small">{t('order.acceptanceRecordHint')}</p>
          <PrintableButton
            url={`/api/orders/${encodeURIComponent(order.id)}/acceptance.html`}
            label={t('order.acceptanceRecordOpen')}
            testId="acceptance-record"
          />
        </TitledCard>
      )}

      {order.buyerKind === 'AGENCY' && order.paymentMode === 'PAY_ON_DELIVERY' && order.acceptedAt && (
        <PaymentClockPanel key={`${order.id}-${order.status}`} orderId={order.id} />
      )}

      {order.wholeOrderVisible && <AttributionPanel key={`${order.id}-${order.status}`} orderId={order.id} />}
    </div>
  );
}
