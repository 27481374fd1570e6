import { SUPPLIER_CERTIFIED_COUNT, SUPPLIER_STORE } from '../../api/buyers';
import { Breadcrumb, NotFoundCard, PageLoading } from '../../components/PageShell';
import { SortedProductList } from '../../components/SortedProductList';
import { translateOr, useI18n } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import { Fact } from '../../components/Fact';

/** /suppliers/:id — a supplier's public store: who they are, where, certification, households linked, products. */
export function SupplierStorePage({ params }: { params: { id?: string } }) {
  const { t } = useI18n();
  const id = params.id ?? '';
  const store = useQuery(SUPPLIER_STORE, { id });
  const certified = useQuery(SUPPLIER_CERTIFIED_COUNT, { supplierId: id }, { skip: !store.data?.supplier });
  const supplier = store.data?.supplier;

  if (store.loading && !store.data) return <PageLoading />;
  if (!supplier)
    return (
      <NotFoundCard
        title={t('store.notFound')}
        back="/products"
        backText={t('product.backToList')}
        error={store.error && store.error.code !== 'BAD_USER_INPUT' ? store.error : null}
        onRetry={store.reload}
      />
    );
  return (
    <div className="container page-body supplier-store">
      <Breadcrumb trail={[{ to: '/products', label: t('nav.products') }]} current={supplier.name} />
      <section className="card">
        <h1 data-testid="store-name">{supplier.name}</h1>
        <p className="muted">{translateOr(t, `supplierKind.${supplier.kind}`, supplier.kind)}</p>
        <dl className="store-facts">
          <Fact label={t('store.region')} testId="store-region">
            {supplier.county?.name ?? '—'}
          </Fact>
          <Fact label={t('store.certified')} testId="store-certified">
            {certified.data ? t('store.certifiedCount', { count: certified.data.products.totalCount }) : '…'}
          </Fact>
          <Fact label={t('store.households')} testId="store-households">
            {t('product.householdCount', { count: supplier.linkedHouseholdCount })}
          </Fact>
          <Fact label={t('store.linkage')}>{supplier.linkageMechanism || '—'}</Fact>
        </dl>
      </section>
      <section aria-labelledby="store-products">
        <h2 id="store-products">{t('store.products')}</h2>
        <SortedProductList filter={{ supplierId: supplier.id }} emptyText={t('products.empty')} />
      </section>
    </div>
  );
}
