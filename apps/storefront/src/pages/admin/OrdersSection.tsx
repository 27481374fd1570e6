import { useState } from 'react';
import { ADMIN_CHANNELS, ORGANIZATIONS } from '../../api/admin';
import { ORDER_STATUSES, ORDERS } from '../../api/ordering';
import { SUPPLIERS } from '../../api/portal';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { useConnection } from '../../lib/use-connection';
import { useQuery } from '../../lib/use-query';
import { LoadMore } from '../../components/ListStatus';
import { FilterSelect, SearchFilters } from '../../components/FilterSelect';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/FormField';
import { OrderNoLink } from '../../components/OrderNoLink';

const EMPTY = { status: '', buyerOrgId: '', supplierId: '', channelId: '', from: '', to: '', search: '' };
type Filter = typeof EMPTY;

/** Only the filters that are set, as OrderFilter. */
const toFilter = (f: Filter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== ''));

const byName = (rows: readonly { id: string; name: string }[] = []) => rows.map((r) => [r.id, r.name] as const);

/** Every order on the platform with buyer, supplier, channel, status and date filters and a number search. */
export function OrdersSection() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [search, setSearch] = useState('');
  const units = useQuery(ORGANIZATIONS, { kind: 'AGENCY' });
  const suppliers = useQuery(SUPPLIERS, { first: 100 });
  const channels = useQuery(ADMIN_CHANNELS);
  const list = useConnection(ORDERS, { filter: toFilter(filter), first: 30 }, (d) => d.orders);
  const set = (key: keyof Filter) => (value: string) => setFilter({ ...filter, [key]: value });
  const channelName = (cid: string) => channels.data?.channels.find((c) => c.id === cid)?.name ?? '—';
  const unitName = (oid: string | null) =>
    oid
      ? (units.data?.organizations.find((o) => o.id === oid)?.name ?? t('admin.orders.agency'))
      : t('admin.orders.retail');
  return (
    <section className="card">
      <SearchFilters
        label={t('admin.orders.search')}
        value={search}
        onChange={setSearch}
        onSearch={() => setFilter({ ...filter, search })}
      >
        <FilterSelect
          label={t('admin.filter.status')}
          value={filter.status}
          onChange={set('status')}
          options={ORDER_STATUSES.map((s) => [s, t(`orderStatus.${s}`)] as const)}
        />
        <FilterSelect
          label={t('admin.orders.buyer')}
          value={filter.buyerOrgId}
          onChange={set('buyerOrgId')}
          options={byName(units.data?.organizations)}
        />
        <FilterSelect
          label={t('admin.orders.supplier')}
          value={filter.supplierId}
          onChange={set('supplierId')}
          options={byName(suppliers.data?.suppliers)}
        />
        <FilterSelect
          label={t('admin.orders.channel')}
          value={filter.channelId}
          onChange={set('channelId')}
          options={byName(channels.data?.channels)}
        />
        {(['from', 'to'] as const).map((end) => (
          <TextField
            key={end}
            compact
            label={t(`admin.filter.${end}`)}
            type="date"
            value={filter[end]}
            onChange={(e) => set(end)(e.target.value)}
          />
        ))}
      </SearchFilters>
      <p className="muted small" role="status">
        {list.totalCount !== null && t('admin.orders.count', { count: list.totalCount })}
      </p>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && <Loading />}
      <DataTable
        columns={[
          t('admin.orders.number'),
          t('admin.filter.status'),
          t('admin.orders.buyer'),
          t('admin.orders.channel'),
          { label: t('admin.orders.total'), num: true },
          t('admin.orders.placedAt'),
        ]}
      >
        {list.nodes.map((o) => (
          <tr key={o.id} data-testid="admin-order">
            <td>
              <OrderNoLink order={o} />
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
      </DataTable>
      <LoadMore list={list} plain label={t('admin.more')} />
    </section>
  );
}
