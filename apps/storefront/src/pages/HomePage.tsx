import { type Channel, CHANNELS, PRODUCTS } from '../api/catalog';
import { ErrorNotice, Loading } from '../components/Feedback';
import { ProductCard } from '../components/ProductCard';
import { RegionBrowser } from '../components/RegionBrowser';
import { SearchBox } from '../components/SearchBox';
import { UserCard } from '../components/UserCard';
import { useI18n } from '../i18n';
import { productsUrl } from '../lib/product-filter';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useQuery } from '../lib/use-query';
import { ListStatus } from '../components/ListStatus';

const KINDS = ['HALL', 'ZONE', 'COUNTER'] as const;

function ChannelSection() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(CHANNELS);
  const byKind = (kind: string) => (data?.channels ?? []).filter((c) => c.kind === kind);
  return (
    <section aria-labelledby="channels-title" className="channels">
      <div className="section-head">
        <h2 id="channels-title">{t('channels.title')}</h2>
        <p className="muted">{t('channels.subtitle')}</p>
      </div>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data ? (
        <Loading />
      ) : data && data.channels.length === 0 ? (
        <p className="muted">{t('channels.empty')}</p>
      ) : (
        <div className="channel-columns">
          {KINDS.map((kind) =>
            byKind(kind).length ? (
              <div key={kind} className="channel-column">
                <h3 className="label">{t(`channel.kind.${kind}`)}</h3>
                <ul className="channel-list">
                  {byKind(kind).map((c) => (
                    <ChannelItem key={c.id} channel={c} />
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </div>
      )}
    </section>
  );
}

function ChannelItem({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  return (
    <li>
      <Link to={`/channels/${channel.id}`} className="channel-card" data-kind={channel.kind}>
        <span className="channel-name">{channel.name}</span>
        <span className="muted small">
          {channel.online ? t('channel.online') : [channel.region?.name, channel.address].filter(Boolean).join(' · ')}
        </span>
      </Link>
    </li>
  );
}

function FeaturedProducts() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(PRODUCTS, {
    filter: { certifiedOnly: true },
    first: 8,
  });
  const nodes = data?.products.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="featured-title">
      <div className="section-head section-head-row">
        <h2 id="featured-title">{t('featured.title')}</h2>
        <Link to={productsUrl({ certifiedOnly: true })}>{t('featured.more')}</Link>
      </div>
      <ListStatus
        error={error}
        onRetry={reload}
        loading={loading && !data}
        empty={!error && nodes.length === 0}
        emptyText={t('products.empty')}
      />
      <ul className="product-grid">
        {nodes.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </ul>
    </section>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <p className="hero-kicker">{t('home.hero.kicker')}</p>
          <h1>{t('home.hero.title')}</h1>
          <p className="hero-body">{t('home.hero.body')}</p>
          <SearchBox />
          <div className="hero-actions">
            {me === null && (
              <Link to="/login" className="button button-light">
                {t('home.hero.login')}
              </Link>
            )}
            <a href="#regions" className="button button-ghost">
              {t('home.hero.browse')}
            </a>
          </div>
        </div>
      </section>
      <div className="container page-body">
        {me === undefined ? (
          <p className="muted" role="status">
            {t('home.loadingUser')}
          </p>
        ) : me ? (
          <UserCard me={me} />
        ) : (
          <p className="card signed-out">
            {t('home.signedOutHint')} <Link to="/login">{t('nav.login')}</Link>
          </p>
        )}
        <ChannelSection />
        <FeaturedProducts />
        <RegionBrowser />
      </div>
    </>
  );
}
