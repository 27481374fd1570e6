// The product list's state lives in the URL (/products?search=…&minPrice=12.5): shareable, and the
// back button works. Prices in the URL are the yuan the visitor typed; the API gets integer fen.
import type { ProductFilter } from '../api/generated/graphql';
import { parseYuanToFen } from './money';

export interface ProductListParams {
  search: string;
  regionCode: string;
  certifiedOnly: boolean;
  categoryId: string;
  /** A hall, zone or counter (三专) whose products to list. */
  channelId: string;
  /** Yuan, as typed. */
  minPrice: string;
  maxPrice: string;
}

/** The `filter` argument of `products(filter, first, after)` (the schema's ProductFilter); absent keys mean "no restriction". */
export type ProductFilterInput = ProductFilter;

export type PriceProblem = 'minPrice' | 'maxPrice' | 'range';

export const EMPTY_PARAMS: ProductListParams = {
  search: '',
  regionCode: '',
  certifiedOnly: false,
  categoryId: '',
  channelId: '',
  minPrice: '',
  maxPrice: '',
};

const TRUE = new Set(['1', 'true', 'yes', 'on']);

export function readParams(search: URLSearchParams): ProductListParams {
  const get = (k: string) => (search.get(k) ?? '').trim();
  return {
    search: get('search'),
    regionCode: get('regionCode'),
    certifiedOnly: TRUE.has(get('certifiedOnly').toLowerCase()),
    categoryId: get('categoryId'),
    channelId: get('channelId'),
    minPrice: get('minPrice'),
    maxPrice: get('maxPrice'),
  };
}

/** `/products?…` for these params; empty values are left out so URLs stay short. */
export function productsUrl(params: Partial<ProductListParams>): string {
  const p = { ...EMPTY_PARAMS, ...params };
  const q = new URLSearchParams();
  if (p.search.trim()) q.set('search', p.search.trim());
  if (p.regionCode.trim()) q.set('regionCode', p.regionCode.trim());
  if (p.certifiedOnly) q.set('certifiedOnly', 'true');
  if (p.categoryId) q.set('categoryId', p.categoryId);
  if (p.channelId) q.set('channelId', p.channelId);
  if (p.minPrice.trim()) q.set('minPrice', p.minPrice.trim());
  if (p.maxPrice.trim()) q.set('maxPrice', p.maxPrice.trim());
  const qs = q.toString();
  return qs ? `/products?${qs}` : '/products';
}

/**
 * The API filter for these params, or the price fields that cannot be sent. A bad price is reported
 * rather than silently dropped, so the visitor never sees an unfiltered list they think is filtered.
 */
export function toProductFilter(params: ProductListParams): { filter: ProductFilterInput; problems: PriceProblem[] } {
  const filter: ProductFilterInput = {};
  const problems: PriceProblem[] = [];
  if (params.search) filter.search = params.search;
  if (params.regionCode) filter.regionCode = params.regionCode;
  if (params.certifiedOnly) filter.certifiedOnly = true;
  if (params.categoryId) filter.categoryId = params.categoryId;
  if (params.channelId) filter.channelId = params.channelId;
  for (const key of ['minPrice', 'maxPrice'] as const) {
    if (!params[key]) continue;
    const fen = parseYuanToFen(params[key]);
    if (fen === null) problems.push(key);
    else filter[key] = fen;
  }
  if (filter.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice) problems.push('range');
  return { filter, problems };
}
