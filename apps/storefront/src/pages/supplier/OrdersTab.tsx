import { useState } from 'react';
import { ORDERS, type OrderSummary, type OrdersData, type SupplierOrderData } from '../../api/ordering';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { ShipForm } from '../../components/ShipForm';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { type QueueEntry, type QueueState, supplierQueue } from '../../lib/orders';
import { Link } from '../../lib/router';
import { useConnection } from '../../lib/use-connection';

type View = 'open' | 'shipped' | 'all';
const VIEWS: Record<View, QueueState[]> = {
  open: ['toShip', 'awaitingPayment'],
  shipped: ['shipped'],
  all: ['toShip', 'awaitingPayment', 'shipped', 'closed'],
};

function IncomingOrder({ entry, onShipped }: { entry: QueueEntry; onShipped: (so: SupplierOrderData) => void }) {
  const { t, locale } = useI18n();
  const { order, supplierOrder: so, state } = entry;
  return (
    <li className="row incoming-order" data-testid="incoming-order" data-order-no={order.orderNo} data-state={state}>
      <div className="row-main">
        <div className="row-title">
          <Link to={`/orders/${order.id}`} className="mono">
            {order.orderNo}
          </Link>
          <StatusChip domain="supplierOrderStatus" status={so.status} testId="supplier-order-status" />
          <StatusChip domain="orderStatus" status={order.status} testId="order-status" />
        </div>
        <p className="muted small">
          {formatDateTime(order.createdAt, locale)} · {order.buyerKind === 'AGENCY' ? t('order.buyer.agency') : t('order.buyer.retail')} · {formatFen(so.subtotal)}
        </p>
        <ul className="plain-list small">
          {so.lines.map((l) => (
            <li key={l.id}>
              {l.productTitle} · {l.spec} × {l.quantity} {l.unit}
            </li>
          ))}
        </ul>
        {so.carrier && (
          <p className="small" data-testid="shipment">
            {t('ship.summary', { carrier: so.carrier, trackingNo: so.trackingNo ?? '', at: formatDateTime(so.shippedAt, locale) })}
          </p>
        )}
        {state === 'awaitingPayment' && <p className="notice notice-warn small">{t('supplierOrders.awaitingPayment')}</p>}
        {state === 'toShip' && <ShipForm supplierOrderId={so.id} orderId={order.id} onShipped={onShipped} />}
      </div>
    </li>
  );
}

/** 待发货 / 已发货: this supplier's part of every order, newest first, shipped from here. */
export function OrdersTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('open');
  const [justShipped, setJustShipped] = useState<string | null>(null);
  const list = useConnection<OrdersData, OrderSummary>(ORDERS, { filter: { supplierId }, first: 20 }, (d) => d.orders);
  const entries = supplierQueue(list.nodes, supplierId);
  const count = (v: View) => entries.filter((e) => VIEWS[v].includes(e.state)).length;
  const shown = entries.filter((e) => VIEWS[view].includes(e.state));

  const shipped = (orderId: string, orderNo: string) => (so: SupplierOrderData) => {
    // The first shipment moves the order to FULFILLING (server rule); reflect it without a reload.
    list.update((nodes) =>
      nodes.map((o) =>
        o.id === orderId ? { ...o, status: o.status === 'PAID' || o.status === 'CONFIRMED' ? 'FULFILLING' : o.status, supplierOrders: o.supplierOrders.map((x) => (x.id === so.id ? so : x)) } : o,
      ),
    );
    setJustShipped(orderNo);
  };

  return (
    <section className="card" aria-labelledby="incoming-title" data-testid="incoming-orders">
      <div className="section-head-row">
        <h2 id="incoming-title">{t('supplierOrders.title')}</h2>
        <div className="segmented" role="group" aria-label={t('queue.show')}>
          {(['open', 'shipped', 'all'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`supplierOrders.view.${v}`)} ({count(v)})
            </button>
          ))}
        </div>
      </div>
      <p className="muted small">{t('supplierOrders.lead')}</p>
      {justShipped && (
        <p className="notice notice-ok" role="status" data-testid="shipped-notice">
          {t('supplierOrders.shipped', { orderNo: justShipped })}{' '}
          <button type="button" className="link-button" onClick={() => setView('shipped')}>
            {t('supplierOrders.view.shipped')}
          </button>
        </p>
      )}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.nodes.length ? <Loading /> : shown.length === 0 ? <p className="muted">{t('queue.empty')}</p> : null}
      <ul className="row-list">
        {shown.map((e) => (
          <IncomingOrder key={e.supplierOrder.id} entry={e} onShipped={shipped(e.order.id, e.order.orderNo)} />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="load-more">
          <button type="button" className="button button-quiet" onClick={list.loadMore} disabled={list.loadingMore}>
            {t('products.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
