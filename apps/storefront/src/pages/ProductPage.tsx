import { PRODUCT } from '../api/catalog';
import { AddToCart } from '../components/AddToCart';
import { CertBadge } from '../components/CertBadge';
import { ErrorNotice } from '../components/Feedback';
import { Breadcrumb, NotFoundCard, PageLoading } from '../components/PageShell';
import { ProductGallery } from '../components/ProductGallery';
import { useI18n } from '../i18n';
import { formatFen } from '../lib/money';
import { productsUrl } from '../lib/product-filter';
import { regionPrefix } from '../lib/region-code';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { transparencyPath } from './produce/TransparencyPage';
import { DataTable } from '../components/DataTable';

export function ProductPage({ params }: { params: { id?: string } }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useQuery(PRODUCT, { id: params.id ?? '' });
  const product = data?.product;

  if (loading && !data) return <PageLoading />;
  if (error && error.code !== 'NOT_FOUND' && error.code !== 'BAD_USER_INPUT') {
    return (
      <div className="container page-body">
        <ErrorNotice error={error} onRetry={reload} />
      </div>
    );
  }
  if (!product)
    return <NotFoundCard title={t('product.notFound')} back="/products" backText={t('product.backToList')} />;

  const path = product.originRegion?.path ?? [];
  return (
    <div className="container page-body product-page">
      <Breadcrumb trail={[{ to: '/products', label: t('nav.products') }]} current={product.title} />

      <article className="product-detail">
        <ProductGallery title={product.title} images={product.images} />
        <div className="product-summary">
          <h1>{product.title}</h1>
          <CertBadge cert={product.certification} detailed />
          {product.certification?.issuer && product.certification.certificateNo && (
            <p className="muted small">
              {t('cert.issuer', { issuer: product.certification.issuer })}
              {product.certification.batch ? ` · ${t('cert.batch', { batch: product.certification.batch })}` : ''}
            </p>
          )}

          <dl className="facts">
            <dt>{t('product.origin')}</dt>
            <dd>
              <ol className="region-path" data-testid="origin-path" aria-label={t('product.origin')}>
                {path.map((r) => (
                  <li key={r.code}>
                    <Link to={productsUrl({ regionCode: regionPrefix(r.code) })}>{r.name}</Link>
                  </li>
                ))}
              </ol>
              {transparencyPath(product.originRegion?.code) && (
                <Link
                  to={transparencyPath(product.originRegion?.code)!}
                  className="small"
                  data-testid="county-income-link"
                >
                  {t('produce.transparency.link')}
                </Link>
              )}
            </dd>
            {product.supplier && (
              <>
                <dt>{t('product.supplier')}</dt>
                <dd data-testid="supplier-name">
                  <Link to={`/suppliers/${product.supplier.id}`}>{product.supplier.name}</Link>
                </dd>
              </>
            )}
            <dt>{t('product.households')}</dt>
            <dd data-testid="household-count">
              {t('product.householdCount', { count: product.incomeShare?.householdCount ?? 0 })}
            </dd>
            {product.incomeShare?.perUnitToHouseholds != null && (
              <>
                <dt>{t('product.incomeShare')}</dt>
                <dd data-testid="income-share">
                  {t('product.incomeSharePerUnit', {
                    amount: formatFen(product.incomeShare.perUnitToHouseholds),
                    count: product.incomeShare.householdCount,
                  })}
                </dd>
              </>
            )}
            {product.category && (
              <>
                <dt>{t('filter.category')}</dt>
                <dd>{locale === 'en' && product.category.nameEn ? product.category.nameEn : product.category.name}</dd>
              </>
            )}
          </dl>
          {product.status === 'PUBLISHED' && <AddToCart key={product.id} product={product} />}
        </div>
      </article>

      {product.description && (
        <section className="card">
          <h2>{t('product.description')}</h2>
          <p className="prewrap">{product.description}</p>
        </section>
      )}

      <section className="card">
        <h2>{t('product.variants')}</h2>
        <DataTable
          className="variants-table"
          region={t('product.variants')}
          scoped
          columns={[
            t('variant.spec'),
            { label: t('variant.retailPrice'), num: true },
            { label: t('variant.agencyPrice'), num: true },
            { label: t('variant.marketReferencePrice'), num: true },
            { label: t('variant.stock'), num: true },
          ]}
        >
          {product.variants.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                {v.spec} <span className="muted">/ {v.unit}</span>
              </th>
              <td className="num price">{formatFen(v.retailPrice)}</td>
              <td className="num">{formatFen(v.agencyPrice)}</td>
              <td className="num muted">{formatFen(v.marketReferencePrice)}</td>
              <td className="num">
                {v.stockAvailable > 0
                  ? t('variant.inStock', { count: v.stockAvailable, unit: v.unit })
                  : t('variant.soldOut')}
              </td>
            </tr>
          ))}
        </DataTable>
        <p className="hint">{t('product.priceNote')}</p>
      </section>
    </div>
  );
}
