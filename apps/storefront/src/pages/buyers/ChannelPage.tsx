import { CHANNELS } from '../../api/catalog';
import { Breadcrumb, NotFoundCard, PageLoading } from '../../components/PageShell';
import { SortedProductList } from '../../components/SortedProductList';
import { translateOr, useI18n } from '../../i18n';
import { useQuery } from '../../lib/use-query';

/** /channels/:id — a hall, zone or counter (三专): where it is and what it sells. */
export function ChannelPage({ params }: { params: { id?: string } }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(CHANNELS);
  const channel = data?.channels.find((c) => c.id === params.id);

  if (loading && !data) return <PageLoading />;
  if (!channel)
    return <NotFoundCard title={t('hall.notFound')} back="/" backText={t('nav.home')} error={error} onRetry={reload} />;
  // An online hall sells every published product; the others sell what is placed in them.
  const sellsEverything = channel.kind === 'HALL' && channel.online;
  return (
    <div className="container page-body channel-page">
      <Breadcrumb current={channel.name} />
      <section className="card">
        <h1 data-testid="hall-name">{channel.name}</h1>
        <p className="muted">
          {translateOr(t, `channel.kind.${channel.kind}`, channel.kind)} ·{' '}
          {channel.online ? t('channel.online') : [channel.region?.name, channel.address].filter(Boolean).join(' · ')}
        </p>
        {!channel.online && <p className="small">{t('hall.physicalHint')}</p>}
      </section>
      <section aria-labelledby="hall-products">
        <h2 id="hall-products">{t('hall.products')}</h2>
        <SortedProductList filter={sellsEverything ? {} : { channelId: channel.id }} emptyText={t('hall.empty')} />
      </section>
    </div>
  );
}
