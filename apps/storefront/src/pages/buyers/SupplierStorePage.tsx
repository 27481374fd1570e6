import { SUPPLIER_CERTIFIED_COUNT, SUPPLIER_STORE } from '../../api/buyers';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SortedProductList, sortFrom, withSort } from '../../components/SortedProductList';
import { translateOr, useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../lib/router';
import { useQuery } from '../../lib/use-query';

/** /suppliers/:id — a supplier's public store: who they are, where, certification, households linked, products. */
export function SupplierStorePage({ params }: { params: { id?: string } }) {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const id = params.id ?? '';
  const store = useQuery(SUPPLIER_STORE, { id });
  const certified = useQuery(SUPPLIER_CERTIFIED_COUNT, { supplierId: id }, { skip: !store.data?.supplier });
  const supplier = store.data?.supplier;
  const sort = sortFrom(search);

  if (store.loading && !store.data)
    return (
      <div className="container page-body">
        <Loading />
      </div>
    );
  if (!supplier) {
    return (
      <div className="container auth-page">
        <div className="card">
          <ErrorNotice
            error={store.error && store.error.code !== 'BAD_USER_INPUT' ? store.error : null}
            onRetry={store.reload}
          />
          <h1>{t('store.notFound')}</h1>
          <Link to="/products" className="button button-primary">
            {t('product.backToList')}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="container page-body supplier-store">
      <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/products">{t('nav.products')}</Link>
          </li>
          <li>
            <span aria-current="page">{supplier.name}</span>
          </li>
        </ol>
      </nav>
      <section className="card">
        <h1 data-testid="store-name">{supplier.name}</h1>
        <p className="muted">{translateOr(t, `supplierKind.${supplier.kind}`, supplier.kind)}</p>
        <dl className="store-facts">
          <div>
            <dt>{t('store.region')}</dt>
            <dd data-testid="store-region">{supplier.county?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('store.certified')}</dt>
            <dd data-testid="store-certified">
              {certified.data ? t('store.certifiedCount', { count: certified.data.products.totalCount }) : '…'}
            </dd>
          </div>
          <div>
            <dt>{t('store.households')}</dt>
            <dd data-testid="store-households">
              {t('product.householdCount', { count: supplier.linkedHouseholdCount })}
            </dd>
          </div>
          <div>
            <dt>{t('store.linkage')}</dt>
            <dd>{supplier.linkageMechanism || '—'}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="store-products">
        <h2 id="store-products">{t('store.products')}</h2>
        <SortedProductList
          filter={{ supplierId: supplier.id }}
          sort={sort}
          onSort={(s) => navigate(withSort(pathname, search, s), { replace: true })}
          emptyText={t('products.empty')}
        />
      </section>
    </div>
  );
}
