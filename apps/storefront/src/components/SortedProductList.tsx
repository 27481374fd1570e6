import { PRODUCT_SORTS, type ProductSort, SORTED_PRODUCTS } from '../api/buyers';
import { useI18n } from '../i18n';
import { useConnection } from '../lib/use-connection';
import { ErrorNotice, Loading } from './Feedback';
import { ProductCard } from './ProductCard';
import { SelectField } from './SelectField';
import './buyers.css';

const PAGE_SIZE = 12;

/** 排序: the choices offered (relevance only means something while searching). */
export function SortSelect({
  value,
  onChange,
  searching = false,
}: {
  value: ProductSort | '';
  onChange: (sort: ProductSort | '') => void;
  searching?: boolean;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      compact
      label={t('sort.label')}
      value={value}
      onChange={(e) => onChange(e.target.value as ProductSort | '')}
      data-testid="sort-select"
    >
      <option value="">{searching ? t('sort.RELEVANCE') : t('sort.NEWEST')}</option>
      {PRODUCT_SORTS.filter((s) => s !== 'RELEVANCE' && (searching || s !== 'NEWEST')).map((s) => (
        <option key={s} value={s}>
          {t(`sort.${s}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** A product grid for a fixed filter (a supplier's store, a hall) with its own sort. */
export function SortedProductList({
  filter,
  sort,
  onSort,
  emptyText,
}: {
  filter: Record<string, unknown>;
  sort: ProductSort | '';
  onSort: (s: ProductSort | '') => void;
  emptyText: string;
}) {
  const { t } = useI18n();
  const list = useConnection(SORTED_PRODUCTS, { filter, first: PAGE_SIZE, sort: sort || undefined }, (d) => d.products);
  return (
    <>
      <div className="sort-bar">
        <p className="muted" data-testid="result-count">
          {list.totalCount !== null ? t('products.count', { count: list.totalCount }) : '\u00a0'}
        </p>
        <SortSelect value={sort} onChange={onSort} />
      </div>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.nodes.length ? (
        <Loading />
      ) : list.totalCount === 0 ? (
        <p className="card muted">{emptyText}</p>
      ) : null}
      <ul className={`product-grid${list.loading ? ' is-loading' : ''}`}>
        {list.nodes.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="load-more">
          <button type="button" className="button button-quiet" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? t('regions.loading') : t('products.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}

/** The sort kept in the URL (?sort=PRICE_ASC), so it survives reloads and can be shared. */
export function sortFrom(search: URLSearchParams): ProductSort | '' {
  const raw = search.get('sort') ?? '';
  return (PRODUCT_SORTS as readonly string[]).includes(raw) ? (raw as ProductSort) : '';
}

export function withSort(pathname: string, search: URLSearchParams, sort: ProductSort | ''): string {
  const q = new URLSearchParams(search);
  if (sort) q.set('sort', sort);
  else q.delete('sort');
  const qs = q.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
