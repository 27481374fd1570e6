import { useId, useState } from 'react';
import { ADMIN_CHANNELS, ORGANIZATIONS } from '../../api/admin';
import { ORDER_STATUSES, ORDERS } from '../../api/ordering';
import { SUPPLIERS } from '../../api/portal';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useConnection } from '../../lib/use-connection';
import { useQuery } from '../../lib/use-query';

const EMPTY = { status: '', buyerOrgId: '', supplierId: '', channelId: '', from: '', to: '', search: '' };
type Filter = typeof EMPTY;

/** Only the filters that are set, as OrderFilter. */
const toFilter = (f: Filter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== ''));

/** Every order on the platform with buyer, supplier, channel, status and date filters and a number search. */
export function OrdersSection() {
  const { t, locale } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [search, setSearch] = useState('');
  const units = useQuery(ORGANIZATIONS, { kind: 'AGENCY' });
  const suppliers = useQuery(SUPPLIERS, { first: 100 });
  const channels = useQuery(ADMIN_CHANNELS);
  const list = useConnection(ORDERS, { filter: toFilter(filter), first: 30 }, (d) => d.orders);
  const set = (key: keyof Filter) => (e: { target: { value: string } }) =>
    setFilter({ ...filter, [key]: e.target.value });
  const channelName = (cid: string) => channels.data?.channels.find((c) => c.id === cid)?.name ?? '—';
  const unitName = (oid: string | null) =>
    oid
      ? (units.data?.organizations.find((o) => o.id === oid)?.name ?? t('admin.orders.agency'))
      : t('admin.orders.retail');
  return (
    <section className="card">
      <form
        className="admin-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...filter, search });
        }}
      >
        <label className="field field-compact" htmlFor={`${id}-q`}>
          <span>{t('admin.orders.search')}</span>
          <input id={`${id}-q`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <SelectField compact label={t('admin.filter.status')} value={filter.status} onChange={set('status')}>
          <option value="">{t('admin.filter.all')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`orderStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField compact label={t('admin.orders.buyer')} value={filter.buyerOrgId} onChange={set('buyerOrgId')}>
          <option value="">{t('admin.filter.all')}</option>
          {(units.data?.organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField compact label={t('admin.orders.supplier')} value={filter.supplierId} onChange={set('supplierId')}>
          <option value="">{t('admin.filter.all')}</option>
          {(suppliers.data?.suppliers ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField compact label={t('admin.orders.channel')} value={filter.channelId} onChange={set('channelId')}>
          <option value="">{t('admin.filter.all')}</option>
          {(channels.data?.channels ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <label className="field field-compact" htmlFor={`${id}-from`}>
          <span>{t('admin.filter.from')}</span>
          <input id={`${id}-from`} type="date" value={filter.from} onChange={set('from')} />
        </label>
        <label className="field field-compact" htmlFor={`${id}-to`}>
          <span>{t('admin.filter.to')}</span>
          <input id={`${id}-to`} type="date" value={filter.to} onChange={set('to')} />
        </label>
        <div className="field field-compact">
          <button type="submit" className="button button-primary">
            {t('admin.search')}
          </button>
        </div>
      </form>
      <p className="muted small" role="status">
        {list.totalCount !== null && t('admin.orders.count', { count: list.totalCount })}
      </p>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && <Loading />}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('admin.orders.number')}</th>
              <th>{t('admin.filter.status')}</th>
              <th>{t('admin.orders.buyer')}</th>
              <th>{t('admin.orders.channel')}</th>
              <th className="num">{t('admin.orders.total')}</th>
              <th>{t('admin.orders.placedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.nodes.map((o) => (
              <tr key={o.id} data-testid="admin-order">
                <td>
                  <Link to={`/orders/${o.id}`} className="mono">
                    {o.orderNo}
                  </Link>
                </td>
                <td>
                  <StatusChip domain="orderStatus" status={o.status} />
                </td>
                <td>{unitName(o.buyerOrgId)}</td>
                <td>{channelName(o.channelId)}</td>
                <td className="num">{formatFen(o.totalAmount)}</td>
                <td className="nowrap">{formatDateTime(o.createdAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <button type="button" className="button button-quiet" disabled={list.loadingMore} onClick={list.loadMore}>
          {t('admin.more')}
        </button>
      )}
    </section>
  );
}
