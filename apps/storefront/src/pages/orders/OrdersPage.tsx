import type { ReactNode } from 'react';
import { ORDER_STATUSES, ORDERS, type OrderSummary } from '../../api/ordering';
import type { OrderStatus } from '../../api/generated/graphql';
import { forRoles } from '../../components/Guard';
import { FilterSelect } from '../../components/FilterSelect';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { navigate, useLocation } from '../../lib/router';
import { type ConnectionState, useConnection } from '../../lib/use-connection';
import { OrderSearch } from '../buyers/OrderSearch';
import { ConnectionStatus, LoadMore } from '../../components/ListStatus';
import { OrderNoLink } from '../../components/OrderNoLink';

/** Roles that buy (or act for a buying unit) and so have "my orders". */
export const ORDER_READER_ROLES = ['CUSTOMER', 'PURCHASER', 'APPROVER', 'AGENCY_ADMIN', 'PLATFORM_ADMIN'] as const;

const PAGE = 10;

/** Orders read through `useConnection` as rows, under the list's error, loading and empty states. */
export function OrderRows({
  list,
  emptyText,
  emptyTestId,
}: {
  list: ConnectionState<OrderSummary>;
  emptyText: ReactNode;
  emptyTestId?: string;
}) {
  return (
    <>
      <ConnectionStatus list={list} emptyText={emptyText} emptyTestId={emptyTestId} />
      <ul className="row-list">
        {list.nodes.map((o) => (
          <OrderRow key={o.id} order={o} />
        ))}
      </ul>
    </>
  );
}

export function OrderRow({ order }: { order: OrderSummary }) {
  const { t, locale } = useI18n();
  const titles = order.supplierOrders.flatMap((so) => so.lines.map((l) => l.productTitle));
  return (
    <li className="row" data-testid="order-row" data-order-id={order.id}>
      <div className="row-main">
        <div className="row-title">
          <OrderNoLink order={order} />
          <StatusChip domain="orderStatus" status={order.status} testId="order-row-status" />
        </div>
        <p className="muted small">
          {formatDateTime(order.createdAt, locale)} ·{' '}
          {t('orders.suppliersCount', { count: order.supplierOrders.length })}
        </p>
        <p className="small">
          {titles.slice(0, 3).join('、')}
          {titles.length > 3 ? ` ${t('orders.more', { count: titles.length - 3 })}` : ''}
        </p>
      </div>
      <div className="row-actions">
        <strong className="price">{formatFen(order.totalAmount)}</strong>
      </div>
    </li>
  );
}

function Orders() {
  const { t } = useI18n();
  const { search } = useLocation();
  const raw = search.get('status');
  const status = raw && (ORDER_STATUSES as readonly string[]).includes(raw) ? (raw as OrderStatus) : null;
  const q = (search.get('q') ?? '').trim();
  const list = useConnection(
    ORDERS,
    { filter: { ...(status ? { status } : {}), ...(q ? { search: q } : {}) }, first: PAGE },
    (d) => d.orders,
  );
  const go = (next: { status?: string | null; q?: string }) => {
    const params = new URLSearchParams();
    const s = next.status === undefined ? status : next.status;
    const text = next.q === undefined ? q : next.q.trim();
    if (s) params.set('status', s);
    if (text) params.set('q', text);
    navigate(params.size ? `/orders?${params}` : '/orders', { replace: true });
  };

  return (
    <div className="container page-body orders-page">
      <div className="portal-head">
        <div>
          <h1>{t('orders.title')}</h1>
          {list.totalCount !== null && (
            <p className="muted" data-testid="orders-count">
              {t('orders.count', { count: list.totalCount })}
            </p>
          )}
        </div>
        <OrderSearch initial={q} onSearch={(text) => go({ q: text })} />
        <FilterSelect
          label={t('orders.filter')}
          value={status ?? ''}
          onChange={(v) => go({ status: v || null })}
          options={ORDER_STATUSES.map((s) => [s, t(`orderStatus.${s}`)] as const)}
          anyLabel={t('orders.filter.all')}
        />
      </div>
      <section className="card">
        <OrderRows
          list={list}
          emptyText={status || q ? t('orders.emptyFiltered') : t('orders.empty')}
          emptyTestId="orders-empty"
        />
        <LoadMore list={list} />
      </section>
    </div>
  );
}

export const OrdersPage = forRoles(ORDER_READER_ROLES, Orders);
