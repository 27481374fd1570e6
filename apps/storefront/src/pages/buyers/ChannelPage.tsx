import { CHANNELS } from '../../api/catalog';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SortedProductList, sortFrom, withSort } from '../../components/SortedProductList';
import { translateOr, useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../lib/router';
import { useQuery } from '../../lib/use-query';

/** /channels/:id — a hall, zone or counter (三专): where it is and what it sells. */
export function ChannelPage({ params }: { params: { id?: string } }) {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const { data, error, loading, reload } = useQuery(CHANNELS);
  const channel = data?.channels.find((c) => c.id === params.id);
  const sort = sortFrom(search);

  if (loading && !data)
    return (
      <div className="container page-body">
        <Loading />
      </div>
    );
  if (!channel) {
    return (
      <div className="container auth-page">
        <div className="card">
          <ErrorNotice error={error} onRetry={reload} />
          <h1>{t('hall.notFound')}</h1>
          <Link to="/" className="button button-primary">
            {t('nav.home')}
          </Link>
        </div>
      </div>
    );
  }
  // An online hall sells every published product; the others sell what is placed in them.
  const sellsEverything = channel.kind === 'HALL' && channel.online;
  return (
    <div className="container page-body channel-page">
      <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <span aria-current="page">{channel.name}</span>
          </li>
        </ol>
      </nav>
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
        <SortedProductList
          filter={sellsEverything ? {} : { channelId: channel.id }}
          sort={sort}
          onSort={(s) => navigate(withSort(pathname, search, s), { replace: true })}
          emptyText={t('hall.empty')}
        />
      </section>
    </div>
  );
}
