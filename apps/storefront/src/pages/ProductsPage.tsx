import { useEffect, useMemo, useState } from 'react';
import { CATEGORIES, CHANNELS, PRODUCTS } from '../api/catalog';
import { SortSelect, sortFrom, withSort } from '../components/SortedProductList';
import { ErrorNotice, Loading } from '../components/Feedback';
import { ProductGrid } from '../components/ProductCard';
import { RegionPicker } from '../components/RegionPicker';
import { SearchBox } from '../components/SearchBox';
import { useI18n } from '../i18n';
import { CategoryOptions } from '../components/CategoryOptions';
import { EMPTY_PARAMS, type ProductListParams, productsUrl, readParams, toProductFilter } from '../lib/product-filter';
import { navigate, useLocation } from '../lib/router';
import { useConnection } from '../lib/use-connection';
import { useQuery } from '../lib/use-query';
import { SelectField } from '../components/SelectField';
import { Form } from '../components/Form';
import { TextField } from '../components/FormField';

const PAGE_SIZE = 12;

export function ProductsPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  // useLocation hands out a fresh URLSearchParams per render: key the params on the text, or the
  // effect below would reset what the visitor is typing on every keystroke.
  const query = search.toString();
  const params = useMemo(() => readParams(new URLSearchParams(query)), [query]);
  const [draft, setDraft] = useState<ProductListParams>(params);
  // Phones see the results first; the filters open on demand (always shown on wide screens).
  const [showFilters, setShowFilters] = useState(false);
  useEffect(() => setDraft(params), [params]);

  const { filter, problems } = toProductFilter(params);
  const sort = sortFrom(new URLSearchParams(query));
  const categories = useQuery(CATEGORIES);
  const channels = useQuery(CHANNELS, {}, { skip: !params.channelId });
  const channel = channels.data?.channels.find((c) => c.id === params.channelId);
  const list = useConnection(PRODUCTS, { filter, first: PAGE_SIZE, sort: sort || undefined }, (d) => d.products, {
    skip: problems.length > 0,
  });

  // The sort stays when filters change.
  const apply = (next: ProductListParams) =>
    navigate(withSort('/products', new URLSearchParams(productsUrl(next).split('?')[1] ?? ''), sort));
  const submit = () => {
    apply(draft);
  };
  const draftProblems = toProductFilter(draft).problems;
  // Typed yuan, kept as text in the draft; applied with the form, marked invalid while it does not parse.
  const priceBound = (key: 'minPrice' | 'maxPrice', label: string) => (
    <TextField
      compact
      label={label}
      name={key}
      inputMode="decimal"
      value={draft[key]}
      aria-invalid={draftProblems.includes(key)}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );
  const active = Object.keys(filter).filter((k) => k !== 'search').length > 0 || problems.length > 0;

  return (
    <div className="container page-body products-page">
      <div className="section-head">
        <h1>{params.search ? t('products.titleSearch', { search: params.search }) : t('products.title')}</h1>
      </div>
      <SearchBox compact initial={params.search} onSearch={(text) => apply({ ...params, search: text })} />
      <button
        type="button"
        className="button button-quiet filters-toggle"
        aria-expanded={showFilters}
        aria-controls="product-filters"
        onClick={() => setShowFilters(!showFilters)}
      >
        {showFilters ? t('filter.hide') : t('filter.show')}
        {active ? ` · ${t('filter.active')}` : ''}
      </button>

      <div className="products-layout">
        <Form
          id="product-filters"
          className={`card filters${showFilters ? ' is-open' : ''}`}
          onSubmit={submit}
          aria-label={t('filter.title')}
        >
          {params.channelId && (
            <p className="chip-row">
              <span className="chip">
                {t('filter.channel')}: {channel?.name ?? '…'}
              </span>
              <button type="button" className="link-button" onClick={() => apply({ ...draft, channelId: '' })}>
                {t('filter.channel.clear')}
              </button>
            </p>
          )}
          <SelectField
            label={t('filter.category')}
            name="categoryId"
            value={draft.categoryId}
            onChange={(e) => apply({ ...draft, categoryId: e.target.value })}
          >
            <option value="">{t('filter.category.any')}</option>
            <CategoryOptions categories={categories.data?.categories ?? []} />
          </SelectField>
          <fieldset className="fieldset">
            <legend>{t('filter.region')}</legend>
            <RegionPicker value={draft.regionCode} onChange={(regionCode) => apply({ ...draft, regionCode })} />
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('filter.price')}</legend>
            <div className="price-range">
              {priceBound('minPrice', t('filter.price.min'))}
              <span aria-hidden="true">–</span>
              {priceBound('maxPrice', t('filter.price.max'))}
            </div>
          </fieldset>
          <label className="check">
            <input
              type="checkbox"
              name="certifiedOnly"
              checked={draft.certifiedOnly}
              onChange={(e) => apply({ ...draft, certifiedOnly: e.target.checked })}
            />
            <span>{t('filter.certifiedOnly')}</span>
          </label>
          <div className="filter-actions">
            <button type="submit" className="button button-primary">
              {t('filter.apply')}
            </button>
            {active && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => apply({ ...EMPTY_PARAMS, search: params.search })}
              >
                {t('filter.clear')}
              </button>
            )}
          </div>
        </Form>

        <section className="results" aria-live="polite" aria-busy={list.loading}>
          {problems.length > 0 ? (
            <div className="notice notice-error" role="alert">
              {problems.includes('range') ? t('filter.price.badRange') : t('filter.price.invalid')}
            </div>
          ) : (
            <>
              <ErrorNotice error={list.error} onRetry={list.nodes.length ? list.loadMore : list.reload} />
              {list.loading && !list.nodes.length ? (
                <Loading />
              ) : list.totalCount === 0 ? (
                <p className="card muted" data-testid="no-results">
                  {t('products.empty')}
                </p>
              ) : (
                list.totalCount !== null && (
                  <div className="sort-bar">
                    <p className="muted" data-testid="result-count">
                      {t('products.count', { count: list.totalCount })}
                    </p>
                    <SortSelect
                      value={sort}
                      searching={!!params.search}
                      onChange={(s) =>
                        navigate(withSort('/products', new URLSearchParams(query), s), { replace: true })
                      }
                    />
                  </div>
                )
              )}
              <ProductGrid list={list} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
