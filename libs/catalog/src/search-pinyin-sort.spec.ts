import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { CREATE_PRODUCT, PUBLISH, startCatalogServer, supplierFixture, variantInput } from './catalog.test-fixtures';
import { pinyinQuery, pinyinSyllables, splitPinyin } from './pinyin-tokens';

let server: TestServer;
let ds: DataSource;
let supplierId: string;
const ids = new Map<string, string>();

const LIST = `query($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {
  products(filter: $filter, first: $first, after: $after, sort: $sort) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }`;

/** title → retail price (fen) and units sold. */
const CATALOGUE: Array<[string, number, number]> = [
  ['贵州梵净山绿茶礼盒', 8800, 5],
  ['印江翠峰茶', 3000, 40],
  ['长寿村手工挂面', 1200, 12],
  ['城口老腊肉', 6000, 0],
  ['梵净山黄牛肉', 9900, 12],
];

async function titles(variables: Record<string, unknown>): Promise<string[]> {
  const data = await server.gqlOk(LIST, { first: 50, ...variables });
  return data.products.edges.map((e: { node: { title: string } }) => e.node.title);
}

beforeAll(async () => {
  ({ server, ds } = await startCatalogServer());
  const s = await supplierFixture(ds, { countyCode: '520621000000' });
  supplierId = s.id;
  const token = await server.login(s.email, s.password);
  for (const [title, price, sold] of CATALOGUE) {
    const p = (
      await server.gqlOk(
        CREATE_PRODUCT,
        {
          input: {
            title,
            originRegionCode: '520621000000',
            variants: [variantInput({ retailPrice: price, agencyPrice: price })],
          },
        },
        token,
      )
    ).createProduct;
    await server.gqlOk(PUBLISH, { id: p.id }, token);
    await ds.query(`UPDATE variant SET units_sold = $2 WHERE product_id = $1`, [p.id, sold]);
    ids.set(title, p.id);
  }
}, 60_000);
afterAll(() => server?.close());

describe('full-pinyin search', () => {
  it('splits Latin letters into syllables, the last one possibly unfinished', () => {
    expect(splitPinyin('fanjingshan')).toEqual({ syllables: ['fan', 'jing', 'shan'], partial: null });
    expect(splitPinyin('xian')).toEqual({ syllables: ['xian'], partial: null });
    expect(splitPinyin('fanjings')).toEqual({ syllables: ['fan', 'jing'], partial: 's' });
    expect(splitPinyin('fjs')).toBeNull();
    expect(pinyinQuery('cha')).toBe("'cha'");
    expect(pinyinSyllables('贵州梵净山绿茶500g')).toBe('gui zhou fan jing shan lv cha');
  });

  it('cha finds 茶 (not 长 chang), fanjingshan finds 梵净山, while typing too', async () => {
    expect((await titles({ filter: { search: 'cha' } })).sort()).toEqual(['印江翠峰茶', '贵州梵净山绿茶礼盒'].sort());
    expect((await titles({ filter: { search: 'fanjingshan' } })).sort()).toEqual(
      ['梵净山黄牛肉', '贵州梵净山绿茶礼盒'].sort(),
    );
    expect((await titles({ filter: { search: 'fanjings' } })).sort()).toEqual(
      ['梵净山黄牛肉', '贵州梵净山绿茶礼盒'].sort(),
    );
    expect(await titles({ filter: { search: 'lvcha' } })).toEqual(['贵州梵净山绿茶礼盒']);
    expect(await titles({ filter: { search: 'changshou' } })).toEqual(['长寿村手工挂面']);
    expect(await titles({ filter: { search: 'larou' } })).toEqual(['城口老腊肉']);
    // Syllables must be adjacent: 茶 and 礼 are not (绿茶礼盒 → cha li, but shan cha is nowhere).
    expect(await titles({ filter: { search: 'shancha' } })).toEqual([]);
    // Initials keep working.
    expect((await titles({ filter: { search: 'fjs' } })).sort()).toEqual(['梵净山黄牛肉', '贵州梵净山绿茶礼盒'].sort());
  });
});

describe('products(sort:)', () => {
  const all = CATALOGUE.map(([t]) => t);
  const byPrice = [...CATALOGUE].sort((a, b) => a[1] - b[1]).map(([t]) => t);

  it('sorts by price both ways and by sales, with search and filters', async () => {
    const filter = { supplierId };
    expect(await titles({ filter, sort: 'PRICE_ASC' })).toEqual(byPrice);
    expect(await titles({ filter, sort: 'PRICE_DESC' })).toEqual([...byPrice].reverse());
    const sales = await titles({ filter, sort: 'SALES' });
    expect(sales[0]).toBe('印江翠峰茶');
    expect(sales.slice(1, 3).sort()).toEqual(['梵净山黄牛肉', '长寿村手工挂面'].sort());
    expect(sales.slice(3)).toEqual(['贵州梵净山绿茶礼盒', '城口老腊肉']);
    expect(await titles({ filter: { ...filter, search: 'cha' }, sort: 'PRICE_ASC' })).toEqual([
      '印江翠峰茶',
      '贵州梵净山绿茶礼盒',
    ]);
    expect((await titles({ filter, sort: 'NEWEST' }))[0]).toBe(all.at(-1));
  });

  it('pages through every sort without repeating or skipping, and refuses a cursor of another sort', async () => {
    for (const sort of ['PRICE_ASC', 'PRICE_DESC', 'SALES', 'NEWEST']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const data: any = await server.gqlOk(LIST, { filter: { supplierId }, first: 2, after, sort });
        seen.push(...data.products.edges.map((e: { node: { title: string } }) => e.node.title));
        expect(data.products.totalCount).toBe(all.length);
        if (!data.products.pageInfo.hasNextPage) break;
        after = data.products.pageInfo.endCursor;
      }
      expect(seen).toEqual(await titles({ filter: { supplierId }, sort }));
    }
    const first: any = await server.gqlOk(LIST, { filter: { supplierId }, first: 1, sort: 'SALES' });
    expectErrorCode(
      await server.gql(LIST, {
        filter: { supplierId },
        first: 1,
        sort: 'PRICE_ASC',
        after: first.products.pageInfo.endCursor,
      }),
      'BAD_USER_INPUT',
    );
  });
});
