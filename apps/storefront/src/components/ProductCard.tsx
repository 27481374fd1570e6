import type { CSSProperties } from 'react';
import type { ProductCardData } from '../api/catalog';
import { useI18n } from '../i18n';
import { formatFen } from '../lib/money';
import { originLabel } from '../lib/origin';
import { Link } from '../lib/router';
import { CertBadge } from './CertBadge';
import { LoadMore } from './ListStatus';
import type { ConnectionState } from '../lib/use-connection';

/** A tile with the product's first character stands in for its photo. */
export function ProductThumb({ title, large = false }: { title: string; large?: boolean }) {
  const first = [...title.trim()][0] ?? '帮';
  let hue = 0;
  for (const ch of title) hue = (hue * 31 + ch.codePointAt(0)!) % 360;
  return (
    <div
      className={`product-thumb${large ? ' is-large' : ''}`}
      style={{ '--thumb-hue': String(90 + (hue % 60)) } as CSSProperties}
      aria-hidden="true"
    >
      {first}
    </div>
  );
}

export function ProductCard({ product }: { product: ProductCardData }) {
  const { t } = useI18n();
  const lowest = product.minRetailPrice;
  const image = product.images[0];
  return (
    <li className="product-card" data-testid="product-card">
      <Link to={`/products/${product.id}`} className="product-card-link">
        {image ? (
          <img className="product-thumb" src={image.url} alt="" loading="lazy" />
        ) : (
          <ProductThumb title={product.title} />
        )}
        <div className="product-card-body">
          <h3 className="product-title">{product.title}</h3>
          <p className="product-meta muted">
            {originLabel(product.originRegion)}
            {product.supplier ? ` · ${product.supplier.name}` : ''}
          </p>
          <div className="product-card-foot">
            <span className="price">
              {lowest === null ? t('product.noPrice') : t('product.priceFrom', { price: formatFen(lowest) })}
            </span>
            <CertBadge cert={product.certification} />
          </div>
        </div>
      </Link>
    </li>
  );
}

/** A connection's product cards, dimmed while another page loads, with "load more" below. */
export function ProductGrid({ list }: { list: ConnectionState<ProductCardData> }) {
  return (
    <>
      <ul className={`product-grid${list.loading ? ' is-loading' : ''}`}>
        {list.nodes.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </ul>
      <LoadMore list={list} />
    </>
  );
}
