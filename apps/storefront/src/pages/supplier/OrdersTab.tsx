import { useState } from 'react';
import './supplier-tools.css';
import { ORDERS, type SupplierOrderData } from '../../api/ordering';
import { COUNT_KEY, SUPPLIER_ORDER_COUNTS, SUPPLIER_TABS, type SupplierTab } from '../../api/supplier-tools';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { ShipForm } from '../../components/ShipForm';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { type QueueEntry, supplierQueue } from '../../lib/orders';
import { Link, navigate } from '../../lib/router';
import { useConnection } from '../../lib/use-connection';
import { useQuery } from '../../lib/use-query';
import { Segmented } from '../../components/Segmented';
import { OrderNoLink } from '../../components/OrderNoLink';
import { TitledCard } from '../../components/TitledCard';

/** Where the printable slips of several orders open (one slip per printed page). */
export const packingSlipsUrl = (orderIds: string[]) =>
  `/portal/supplier/packing-slips?orders=${orderIds.map(encodeURIComponent).join(',')}`;

function IncomingOrder({
  entry,
  selected,
  onSelect,
  onShipped,
}: {
  entry: QueueEntry;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onShipped: (so: SupplierOrderData) => void;
}) {
  const { t, locale } = useI18n();
  const { order, supplierOrder: so, state } = entry;
  return (
    <li className="row incoming-order" data-testid="incoming-order" data-order-no={order.orderNo} data-state={state}>
      <label className="incoming-select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          data-testid="select-order"
        />
        <span className="visually-hidden">{t('supplierQueue.select', { orderNo: order.orderNo })}</span>
      </label>
      <div className="row-main">
        <div className="row-title">
          <OrderNoLink order={order} />
          <StatusChip domain="supplierOrderStatus" status={so.status} testId="supplier-order-status" />
          <StatusChip domain="orderStatus" status={order.status} testId="order-status" />
        </div>
        <p className="muted small">
          {formatDateTime(order.createdAt, locale)} ·{' '}
          {order.buyerKind === 'AGENCY' ? t('order.buyer.agency') : t('order.buyer.retail')} · {formatFen(so.subtotal)}
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
            {t('ship.summary', {
              carrier: so.carrier,
              trackingNo: so.trackingNo ?? '',
              at: formatDateTime(so.shippedAt, locale),
            })}
          </p>
        )}
        <p className="small">
          <Link to={`/portal/supplier/packing-slip/${order.id}`} data-testid="packing-slip-link">
            {t('supplierQueue.slip')}
          </Link>
        </p>
        {state === 'awaitingPayment' && (
          <p className="notice notice-warn small">{t('supplierOrders.awaitingPayment')}</p>
        )}
        {state === 'toShip' && <ShipForm supplierOrderId={so.id} orderId={order.id} onShipped={onShipped} />}
      </div>
    </li>
  );
}

/**
 * 订单发货: this supplier's part of its orders by tab — 待发货 holds only orders that can ship (paid, or
 * confirmed for pay on delivery); the server filters and counts every tab. Several orders can be
 * selected and their packing slips printed together.
 */
export function OrdersTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<SupplierTab>('TO_SHIP');
  const [justShipped, setJustShipped] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const counts = useQuery(SUPPLIER_ORDER_COUNTS, { supplierId });
  const list = useConnection(ORDERS, { filter: { supplierId, tab }, first: 20 }, (d) => d.orders);
  const entries = supplierQueue(list.nodes, supplierId);

  const choose = (next: SupplierTab) => {
    setTab(next);
    setSelected([]);
  };
  const shipped = (orderId: string, orderNo: string) => () => {
    // It leaves the 待发货 tab; the counts come from the server again.
    list.update((nodes) => nodes.filter((o) => o.id !== orderId));
    setSelected((ids) => ids.filter((id) => id !== orderId));
    counts.reload();
    setJustShipped(orderNo);
  };
  const toggle = (orderId: string) => (on: boolean) =>
    setSelected((ids) => (on ? [...new Set([...ids, orderId])] : ids.filter((id) => id !== orderId)));
  const allSelected = entries.length > 0 && entries.every((e) => selected.includes(e.order.id));

  return (
    <TitledCard
      title={t('supplierOrders.title')}
      testId="incoming-orders"
      aside={
        <Segmented
          label={t('queue.show')}
          value={tab}
          onChange={choose}
          options={SUPPLIER_TABS.map((v) => [
            v,
            `${t(`supplierQueue.tab.${v}`)} (${counts.data ? counts.data.supplierOrderCounts[COUNT_KEY[v]] : '…'})`,
          ])}
          testId={(v) => `queue-tab-${v}`}
        />
      }
    >
      <p className="muted small">{t('supplierQueue.lead')}</p>
      {justShipped && (
        <p className="notice notice-ok" role="status" data-testid="shipped-notice">
          {t('supplierOrders.shipped', { orderNo: justShipped })}{' '}
          <button type="button" className="link-button" onClick={() => choose('SHIPPED')}>
            {t('supplierOrders.view.shipped')}
          </button>
        </p>
      )}
      <ErrorNotice error={list.error ?? counts.error} onRetry={list.error ? list.reload : counts.reload} />
      {entries.length > 0 && (
        <div className="toolbar bulk-print no-print">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(e) => setSelected(e.target.checked ? entries.map((x) => x.order.id) : [])}
            />
            {t('supplierQueue.selectAll')}
          </label>
          <button
            type="button"
            className="button button-quiet"
            disabled={selected.length === 0}
            onClick={() => navigate(packingSlipsUrl(selected))}
            data-testid="print-selected"
          >
            {t('supplierQueue.printSelected', { count: selected.length })}
          </button>
        </div>
      )}
      {list.loading && !list.nodes.length ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : null}
      <ul className="row-list">
        {entries.map((e) => (
          <IncomingOrder
            key={e.supplierOrder.id}
            entry={e}
            selected={selected.includes(e.order.id)}
            onSelect={toggle(e.order.id)}
            onShipped={shipped(e.order.id, e.order.orderNo)}
          />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="load-more">
          <button type="button" className="button button-quiet" onClick={list.loadMore} disabled={list.loadingMore}>
            {t('products.loadMore')}
          </button>
        </div>
      )}
    </TitledCard>
  );
}
