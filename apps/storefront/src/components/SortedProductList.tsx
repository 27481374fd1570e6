import { PRODUCT_SORTS, type ProductSort } from '../api/buyers';
import { PRODUCTS } from '../api/catalog';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../lib/router';
import { useConnection } from '../lib/use-connection';
import { ConnectionStatus } from './ListStatus';
import { ProductGrid } from './ProductCard';
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
      options={PRODUCT_SORTS.filter((s) => s !== 'RELEVANCE' && (searching || s !== 'NEWEST')).map((s) => [
        s,
        t(`sort.${s}`),
      ])}
    >
      <option value="">{searching ? t('sort.RELEVANCE') : t('sort.NEWEST')}</option>
    </SelectField>
  );
}

/**
 * A product grid for a fixed filter (a supplier's store, a hall) with its own sort, kept in the page's query string
 * so that a reload or a shared link shows the same order.
 */
export function SortedProductList({ filter, emptyText }: { filter: Record<string, unknown>; emptyText: string }) {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const sort = sortFrom(search);
  const onSort = (s: ProductSort | '') => navigate(withSort(pathname, search, s), { replace: true });
  const list = useConnection(PRODUCTS, { filter, first: PAGE_SIZE, sort: sort || undefined }, (d) => d.products);
  return (
    <>
      <div className="sort-bar">
        <p className="muted" data-testid="result-count">
          {list.totalCount !== null ? t('products.count', { count: list.totalCount }) : '\u00a0'}
        </p>
        <SortSelect value={sort} onChange={onSort} />
      </div>
      <ConnectionStatus list={list} emptyText={emptyText} emptyClassName="card muted" />
      <ProductGrid list={list} />
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
