import { describe, expect, it } from 'vitest';
import { EMPTY_PARAMS, productsUrl, readParams, toProductFilter } from './product-filter';

describe('product list URL', () => {
  it('reads the params, trimming and accepting common truthy spellings', () => {
    const p = readParams(new URLSearchParams('search=%20梵净山%20&regionCode=5206&certifiedOnly=1&minPrice=12.5'));
    expect(p).toEqual({ ...EMPTY_PARAMS, search: '梵净山', regionCode: '5206', certifiedOnly: true, minPrice: '12.5' });
    expect(readParams(new URLSearchParams('certifiedOnly=false')).certifiedOnly).toBe(false);
  });

  it('writes only the params that are set, and reads back what it wrote', () => {
    expect(productsUrl({})).toBe('/products');
    const params = { ...EMPTY_PARAMS, search: '茶 叶', certifiedOnly: true, maxPrice: '99' };
    const url = productsUrl(params);
    expect(url).toBe('/products?search=%E8%8C%B6+%E5%8F%B6&certifiedOnly=true&maxPrice=99');
    expect(readParams(new URL(url, 'http://x').searchParams)).toEqual(params);
  });
});

describe('toProductFilter', () => {
  it('sends prices as integer fen', () => {
    const { filter, problems } = toProductFilter({
      ...EMPTY_PARAMS,
      search: '梵净山',
      minPrice: '12.5',
      maxPrice: '0.29',
      certifiedOnly: true,
    });
    expect(problems).toEqual(['range']);
    expect(filter).toEqual({ search: '梵净山', certifiedOnly: true, minPrice: 1250, maxPrice: 29 });
    expect(Number.isInteger(filter.minPrice)).toBe(true);
  });

  it('reports unreadable prices instead of dropping them', () => {
    const { filter, problems } = toProductFilter({ ...EMPTY_PARAMS, minPrice: '-3', maxPrice: '1.005' });
    expect(problems).toEqual(['minPrice', 'maxPrice']);
    expect(filter).toEqual({});
  });

  it('leaves out everything that is empty', () => {
    expect(toProductFilter(EMPTY_PARAMS)).toEqual({ filter: {}, problems: [] });
    expect(toProductFilter({ ...EMPTY_PARAMS, channelId: 'c1', categoryId: 'k1' }).filter).toEqual({
      channelId: 'c1',
      categoryId: 'k1',
    });
  });
});
