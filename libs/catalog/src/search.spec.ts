import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  CREATE_PRODUCT,
  PRODUCTS,
  PUBLISH,
  startCatalogServer,
  supplierFixture,
  type SupplierFixture,
  UNPUBLISH,
  variantInput,
  villageOf,
} from './catalog.test-fixtures';

/**
 * Search recall over a fixed, realistic catalogue of assistance produce (Tongren, Hanzhong,
 * Qingyuan, Chongqing), created through the API so the indexed text is what production computes.
 */
let server: TestServer;
let ds: DataSource;
const ids = new Map<string, string>();
const categories = new Map<string, string>();
const suppliers = new Map<string, SupplierFixture & { token: string }>();

type Fixture = {
  title: string;
  description: string;
  origin: string;
  category: string;
  supplier: string;
  price: number;
};
// origin: a county code, or "village:<county>" for the first village of a county
const CATALOGUE: Fixture[] = [
  {
    title: '贵州梵净山绿茶礼盒',
    description: '梵净山高山云雾茶园，明前采摘，250g×2罐',
    origin: '520621000000',
    category: 'green-tea',
    supplier: 'jiangkou',
    price: 16800,
  },
  {
    title: '梵净山黄牛肉',
    description: '江口县林下散养黄牛，冷链配送',
    origin: 'village:520621',
    category: 'beef',
    supplier: 'jiangkou',
    price: 13800,
  },
  {
    title: '江口萝卜猪',
    description: '吃萝卜长大的生态猪，肉质鲜嫩',
    origin: '520621000000',
    category: 'pork',
    supplier: 'jiangkou',
    price: 9800,
  },
  {
    title: '梵净山野生猕猴桃',
    description: '江口县高山野生猕猴桃，酸甜适口',
    origin: '520621000000',
    category: 'fruit',
    supplier: 'jiangkou',
    price: 5900,
  },
  {
    title: '江口县红薯粉丝',
    description: '农家手工红薯粉丝，久煮不烂',
    origin: '520621000000',
    category: 'dry-goods',
    supplier: 'jiangkou',
    price: 2990,
  },
  {
    title: '印江梵净山翠峰茶',
    description: '印江县茶园，一芽一叶',
    origin: '520625000000',
    category: 'green-tea',
    supplier: 'yanhe',
    price: 19800,
  },
  {
    title: '沿河空心李',
    description: '乌江沿岸的空心李，脆甜多汁',
    origin: 'village:520627',
    category: 'fruit',
    supplier: 'yanhe',
    price: 4900,
  },
  {
    title: '沿河山羊肉',
    description: '沿河白山羊，肉质细嫩无膻味',
    origin: '520627000000',
    category: 'mutton',
    supplier: 'yanhe',
    price: 15800,
  },
  {
    title: '汉中食用菌礼包',
    description: '香菇、黑木耳、平菇组合装',
    origin: '610724000000',
    category: 'fungi',
    supplier: 'xixiang',
    price: 8800,
  },
  {
    title: '汉中仙毫绿茶',
    description: '秦巴山区一级嫩芽',
    origin: '610724000000',
    category: 'green-tea',
    supplier: 'xixiang',
    price: 22800,
  },
  {
    title: '西乡县土蜂蜜',
    description: '秦巴山区中华蜂百花蜜，500g瓶装',
    origin: 'village:610724',
    category: 'honey',
    supplier: 'xixiang',
    price: 6800,
  },
  {
    title: '西乡香菇干',
    description: '椴木香菇，肉厚味香',
    origin: '610724000000',
    category: 'fungi',
    supplier: 'xixiang',
    price: 4500,
  },
  {
    title: '连州菜心',
    description: '连州特产迟菜心，清甜爽脆',
    origin: 'village:441882',
    category: 'vegetable',
    supplier: 'lianzhou',
    price: 3900,
  },
  {
    title: '丝苗米',
    description: '清远连州丝苗米，米粒细长，5kg装',
    origin: '441882000000',
    category: 'rice',
    supplier: 'lianzhou',
    price: 6900,
  },
  {
    title: '三华李',
    description: '清远三华李，果肉鲜红',
    origin: '441882000000',
    category: 'fruit',
    supplier: 'lianzhou',
    price: 5500,
  },
  {
    title: '城口老腊肉',
    description: '大巴山柴火熏制老腊肉',
    origin: '500229000000',
    category: 'cured-meat',
    supplier: 'chengkou',
    price: 12800,
  },
  {
    title: '城口山地鸡',
    description: '林下散养山地鸡',
    origin: 'village:500229',
    category: 'poultry',
    supplier: 'chengkou',
    price: 16800,
  },
  {
    title: '城口土鸡蛋',
    description: '山地鸡林下产的土鸡蛋，30枚装',
    origin: '500229000000',
    category: 'poultry',
    supplier: 'chengkou',
    price: 5800,
  },
  {
    title: '重庆魔芋',
    description: '城口高山魔芋，低脂代餐',
    origin: '500229000000',
    category: 'vegetable',
    supplier: 'chengkou',
    price: 3500,
  },
  {
    title: '白萝卜',
    description: '高山白萝卜，脆甜少渣',
    origin: 'village:500229',
    category: 'vegetable',
    supplier: 'chengkou',
    price: 1990,
  },
  {
    title: '石柱黄连',
    description: '石柱道地药材黄连',
    origin: '500240000000',
    category: 'herb',
    supplier: 'shizhu',
    price: 25800,
  },
  {
    title: '石柱辣椒',
    description: '石柱红辣椒，香辣适中',
    origin: '500240000000',
    category: 'vegetable',
    supplier: 'shizhu',
    price: 2500,
  },
];
// Listed but not for sale: must never appear in public results.
const HIDDEN = ['梵净山红茶（草稿）', '城口蜂蜜（已下架）', '石柱辣椒'];

const CATEGORY_TREE: Array<[code: string, name: string, parent?: string]> = [
  ['tea', '茶叶'],
  ['green-tea', '绿茶', 'tea'],
  ['meat', '肉类'],
  ['beef', '牛肉', 'meat'],
  ['pork', '猪肉', 'meat'],
  ['mutton', '羊肉', 'meat'],
  ['cured-meat', '腊肉', 'meat'],
  ['poultry', '禽蛋'],
  ['fruit', '水果'],
  ['fungi', '菌菇'],
  ['honey', '蜂蜜'],
  ['vegetable', '蔬菜'],
  ['rice', '大米'],
  ['herb', '中药材'],
  ['dry-goods', '干货'],
];

async function titles(filter: Record<string, unknown>, token?: string, first = 100): Promise<string[]> {
  const data = await server.gqlOk(PRODUCTS, { filter, first }, token);
  return data.products.edges.map((e: any) => e.node.title);
}

async function createListed(supplier: string, input: Record<string, unknown>): Promise<string> {
  const s = suppliers.get(supplier)!;
  const p = (await server.gqlOk(CREATE_PRODUCT, { input }, s.token)).createProduct;
  ids.set(input.title as string, p.id);
  return p.id;
}

beforeAll(async () => {
  ({ server, ds } = await startCatalogServer());
  // Search does not care about eligibility; flag Lianzhou, Yinjiang and Shizhu in this test database so their produce can be listed.
  await ds.query(
    `UPDATE region SET ex_poverty_county = true WHERE code IN ('441882000000', '520625000000', '500240000000')`,
  );
  const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  const adminToken = await server.login(admin.email, admin.password);
  for (const [code, name, parent] of CATEGORY_TREE) {
    const c = await server.gqlOk(
      `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`,
      { input: { code, name, parentId: parent ? categories.get(parent) : null } },
      adminToken,
    );
    categories.set(code, c.createCategory.id);
  }
  const counties: Record<string, [string, string]> = {
    jiangkou: ['520621000000', '江口县梵净山生态农业专业合作社'],
    yanhe: ['520627000000', '沿河土家族自治县乌江果蔬合作社'],
    xixiang: ['610724000000', '西乡县秦巴山珍专业合作社'],
    lianzhou: ['441882000000', '连州市丰收家庭农场'],
    chengkou: ['500229000000', '城口县大巴山特产合作社'],
    shizhu: ['500240000000', '石柱县黄连种植合作社'],
  };
  for (const [key, [countyCode, name]] of Object.entries(counties)) {
    const s = await supplierFixture(ds, { countyCode, name });
    suppliers.set(key, { ...s, token: await server.login(s.email, s.password) });
  }
  for (const f of CATALOGUE) {
    const origin = f.origin.startsWith('village:') ? await villageOf(ds, f.origin.slice(8)) : f.origin;
    const variants = [
      variantInput({ retailPrice: f.price, agencyPrice: f.price - 500, marketReferencePrice: f.price + 1000 }),
    ];
    const id = await createListed(f.supplier, {
      title: f.title,
      description: f.description,
      originRegionCode: origin,
      categoryId: categories.get(f.category),
      variants,
    });
    await server.gqlOk(PUBLISH, { id }, suppliers.get(f.supplier)!.token);
  }
  await createListed('jiangkou', {
    title: HIDDEN[0],
    description: '梵净山红茶',
    originRegionCode: '520621000000',
    categoryId: categories.get('tea'),
    variants: [variantInput()],
  });
  const honey = await createListed('chengkou', {
    title: HIDDEN[1],
    description: '城口土蜂蜜',
    originRegionCode: '500229000000',
    variants: [variantInput()],
  });
  await server.gqlOk(PUBLISH, { id: honey }, suppliers.get('chengkou')!.token);
  await server.gqlOk(UNPUBLISH, { id: honey }, suppliers.get('chengkou')!.token);
  // A published product whose supplier was suspended afterwards.
  await ds.query(`UPDATE supplier_profile SET status = 'SUSPENDED' WHERE organization_id = $1`, [
    suppliers.get('shizhu')!.id,
  ]);
}, 120_000);
afterAll(() => server?.close());

const TONGREN = [
  '贵州梵净山绿茶礼盒',
  '梵净山黄牛肉',
  '江口萝卜猪',
  '梵净山野生猕猴桃',
  '江口县红薯粉丝',
  '印江梵净山翠峰茶',
  '沿河空心李',
  '沿河山羊肉',
];
const FANJINGSHAN = ['贵州梵净山绿茶礼盒', '梵净山黄牛肉', '梵净山野生猕猴桃', '印江梵净山翠峰茶'];
const XIXIANG = ['汉中食用菌礼包', '汉中仙毫绿茶', '西乡县土蜂蜜', '西乡香菇干'];
const CHENGKOU = ['城口老腊肉', '城口山地鸡', '城口土鸡蛋', '重庆魔芋', '白萝卜'];
const LIANZHOU = ['连州菜心', '丝苗米', '三华李'];

/** query → titles it must return, and titles it must not return. */
const RECALL: Array<[query: string, mustFind: string[], mustNotFind: string[]]> = [
  ['梵净山', FANJINGSHAN, ['汉中仙毫绿茶', '江口萝卜猪', ...HIDDEN]],
  ['食用菌', ['汉中食用菌礼包'], ['汉中仙毫绿茶', '西乡县土蜂蜜']],
  ['绿茶', ['贵州梵净山绿茶礼盒', '汉中仙毫绿茶', '印江梵净山翠峰茶'], ['西乡县土蜂蜜', '梵净山黄牛肉']],
  ['汉中', XIXIANG, ['连州菜心', '贵州梵净山绿茶礼盒']], // 西乡县 lies in 汉中市: found through the origin region path
  ['汉中绿茶', ['汉中仙毫绿茶'], ['贵州梵净山绿茶礼盒', '汉中食用菌礼包']], // words need not be adjacent
  ['仙毫', ['汉中仙毫绿茶'], []],
  ['蜂蜜', ['西乡县土蜂蜜'], ['城口蜂蜜（已下架）']],
  ['土蜂蜜', ['西乡县土蜂蜜'], []],
  ['城口', CHENGKOU, ['石柱黄连', '城口蜂蜜（已下架）']], // jieba cuts 城口山地鸡 as 城/口/山地/鸡
  ['腊肉', ['城口老腊肉'], ['城口山地鸡']],
  ['山地鸡', ['城口山地鸡', '城口土鸡蛋'], ['城口老腊肉']],
  ['萝卜', ['白萝卜', '江口萝卜猪'], ['重庆魔芋']],
  ['空心李', ['沿河空心李'], ['三华李']],
  ['李', ['沿河空心李', '三华李'], ['西乡香菇干']],
  ['黄连', [], ['石柱黄连']], // its supplier is suspended
  ['魔芋', ['重庆魔芋'], []],
  ['重庆', CHENGKOU, ['贵州梵净山绿茶礼盒']],
  ['贵州', TONGREN, [...XIXIANG, '梵净山红茶（草稿）']],
  ['铜仁', TONGREN, [...CHENGKOU]],
  ['菜心', ['连州菜心'], []],
  ['丝苗米', ['丝苗米'], []],
  ['大米', ['丝苗米'], ['连州菜心']], // through the category
  ['三华李', ['三华李'], ['沿河空心李']],
  ['清远', LIANZHOU, []],
  ['牛肉', ['梵净山黄牛肉'], ['江口萝卜猪', '沿河山羊肉']],
  ['黄牛肉', ['梵净山黄牛肉'], []],
  ['肉类', ['梵净山黄牛肉', '江口萝卜猪', '沿河山羊肉', '城口老腊肉'], ['城口山地鸡']], // parent category
  ['香菇', ['西乡香菇干', '汉中食用菌礼包'], []],
  ['木耳', ['汉中食用菌礼包'], []],
  ['猕猴桃', ['梵净山野生猕猴桃'], []],
  ['红薯粉丝', ['江口县红薯粉丝'], []],
  // Words the segmenter cuts differently in the text than in the query: matched as phrases of characters.
  ['秦巴', ['汉中仙毫绿茶', '西乡县土蜂蜜'], ['城口老腊肉']], // text: 巴山/山区/秦巴山区
  ['云雾茶', ['贵州梵净山绿茶礼盒'], ['汉中仙毫绿茶']], // text: 云雾/茶园
  ['大巴山', ['城口老腊肉'], ['汉中仙毫绿茶']],
  ['迟菜心', ['连州菜心'], []],
  ['梵净山 绿茶', ['贵州梵净山绿茶礼盒', '印江梵净山翠峰茶'], ['梵净山黄牛肉', '汉中仙毫绿茶']],
  ['fjs', FANJINGSHAN, ['汉中仙毫绿茶', ...HIDDEN]],
  ['FJS', FANJINGSHAN, []],
  ['ＦＪＳ', FANJINGSHAN, []], // full-width letters
  ['fanjingshan', FANJINGSHAN, ['汉中仙毫绿茶']],
  ['hzsyj', ['汉中食用菌礼包'], ['汉中仙毫绿茶']],
  ['cksdj', ['城口山地鸡'], ['城口老腊肉']],
  ['火星土豆', [], TONGREN],
];

describe('search recall (Chinese full text + pinyin)', () => {
  it(`runs a fixed list of ${RECALL.length} queries`, async () => {
    expect(RECALL.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    for (const [query, mustFind, mustNotFind] of RECALL) {
      const found = await titles({ search: query });
      const missing = mustFind.filter((t) => !found.includes(t));
      const extra = mustNotFind.filter((t) => found.includes(t));
      if (missing.length || extra.length)
        failures.push(
          `${query}: missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(extra)} (got ${JSON.stringify(found)})`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('ranks title matches above description-only matches', async () => {
    const found = await titles({ search: '山地鸡' });
    expect(found.indexOf('城口山地鸡')).toBe(0);
    expect(found).toContain('城口土鸡蛋');
    expect((await titles({ search: '萝卜' })).slice(0, 2).sort()).toEqual(['江口萝卜猪', '白萝卜'].sort());
    // a query naming the whole title puts that product first
    expect((await titles({ search: '汉中食用菌礼包' }))[0]).toBe('汉中食用菌礼包');
  });

  it('relaxes to any word when no product has all of them, best match first', async () => {
    const found = await titles({ search: '汉中蜂蜜礼品' });
    expect(found[0]).toBe('西乡县土蜂蜜');
    expect(found).toEqual(expect.arrayContaining(XIXIANG));
    expect(found).not.toContain('三华李');
  });

  it('refuses over-long searches', async () => {
    expectErrorCode(await server.gql(PRODUCTS, { filter: { search: '梵'.repeat(101) } }), 'BAD_USER_INPUT');
  });
});

describe('filters', () => {
  it('filters by origin region subtree (code or prefix) and refuses bad codes', async () => {
    expect((await titles({ regionCode: '520621000000' })).sort()).toEqual(
      ['贵州梵净山绿茶礼盒', '梵净山黄牛肉', '江口萝卜猪', '梵净山野生猕猴桃', '江口县红薯粉丝'].sort(),
    );
    expect((await titles({ regionCode: '5206' })).sort()).toEqual([...TONGREN].sort());
    expect(await titles({ search: '梵净山', regionCode: '520625000000' })).toEqual(['印江梵净山翠峰茶']);
    expect((await titles({ regionCode: '500229' })).sort()).toEqual([...CHENGKOU].sort());
    expectErrorCode(await server.gql(PRODUCTS, { filter: { regionCode: 'abc' } }), 'INVALID_REGION_CODE');
    expectErrorCode(await server.gql(PRODUCTS, { filter: { regionCode: '52062' } }), 'INVALID_REGION_CODE');
  });

  it('filters by category including sub-categories', async () => {
    expect((await titles({ categoryId: categories.get('tea') })).sort()).toEqual(
      ['贵州梵净山绿茶礼盒', '印江梵净山翠峰茶', '汉中仙毫绿茶'].sort(),
    );
    expect((await titles({ categoryId: categories.get('meat') })).sort()).toEqual(
      ['梵净山黄牛肉', '江口萝卜猪', '沿河山羊肉', '城口老腊肉'].sort(),
    );
    expect(await titles({ categoryId: categories.get('beef') })).toEqual(['梵净山黄牛肉']);
    expect(await titles({ categoryId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    expectErrorCode(await server.gql(PRODUCTS, { filter: { categoryId: 'tea' } }), 'BAD_USER_INPUT');
  });

  it('filters by the cheapest active variant’s retail price, bounds included', async () => {
    expect((await titles({ minPrice: 1990, maxPrice: 3500 })).sort()).toEqual(
      ['白萝卜', '江口县红薯粉丝', '重庆魔芋'].sort(),
    );
    expect(await titles({ minPrice: 22800 })).toEqual(['汉中仙毫绿茶']);
    expect(await titles({ maxPrice: 1990 })).toEqual(['白萝卜']);
    expect(await titles({ search: '绿茶', maxPrice: 20000 })).toEqual(
      expect.arrayContaining(['贵州梵净山绿茶礼盒', '印江梵净山翠峰茶']),
    );
    expect(await titles({ search: '绿茶', maxPrice: 20000 })).not.toContain('汉中仙毫绿茶');
    expectErrorCode(await server.gql(PRODUCTS, { filter: { minPrice: 5000, maxPrice: 100 } }), 'INVALID_PRICE');
    expectErrorCode(await server.gql(PRODUCTS, { filter: { minPrice: -1 } }), 'INVALID_PRICE');
    expectErrorCode(await server.gql(PRODUCTS, { filter: { minPrice: 10.5 } }), 'BAD_USER_INPUT');
  });

  it('filters to products with a certification valid today (Asia/Shanghai)', async () => {
    const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
    const cert = (title: string, status: string, from: string, to: string, no: string) =>
      ds.query(
        `INSERT INTO certification (product_id, status, certificate_no, valid_from, valid_to) VALUES ($1, $2, $3, ${from}, ${to})`,
        [ids.get(title), status, no],
      );
    await cert('贵州梵净山绿茶礼盒', 'CERTIFIED', `${today} - 30`, `${today} + 300`, 'BF-2025-0001');
    await cert('城口老腊肉', 'CERTIFIED', `${today}`, `${today}`, 'BF-2025-0002'); // valid through today only
    await cert('汉中仙毫绿茶', 'CERTIFIED', `${today} - 400`, `${today} - 1`, 'BF-2024-0003'); // lapsed, not yet marked EXPIRED
    await cert('连州菜心', 'REVOKED', `${today} - 30`, `${today} + 300`, 'BF-2025-0004');
    await cert('三华李', 'PENDING', 'NULL', 'NULL', null as unknown as string);
    await cert('丝苗米', 'CERTIFIED', `${today} + 1`, `${today} + 300`, 'BF-2025-0005'); // not yet valid
    expect((await titles({ certifiedOnly: true })).sort()).toEqual(['贵州梵净山绿茶礼盒', '城口老腊肉'].sort());
    expect(await titles({ certifiedOnly: true, search: '绿茶' })).toEqual(['贵州梵净山绿茶礼盒']);
    expect(await titles({ certifiedOnly: false, search: '绿茶' })).toHaveLength(3);
  });

  it('filters by channel (三专)', async () => {
    const [hall] = await ds.query(
      `INSERT INTO channel (kind, name, online) VALUES ('HALL', '贵州消费帮扶馆', true) RETURNING id`,
    );
    const [zone] = await ds.query(
      `INSERT INTO channel (kind, name) VALUES ('ZONE', '铜仁市机关食堂专区') RETURNING id`,
    );
    for (const t of ['贵州梵净山绿茶礼盒', '梵净山黄牛肉', '梵净山红茶（草稿）'])
      await ds.query(`INSERT INTO channel_product (channel_id, product_id) VALUES ($1, $2)`, [hall.id, ids.get(t)]);
    expect((await titles({ channelId: hall.id })).sort()).toEqual(['贵州梵净山绿茶礼盒', '梵净山黄牛肉'].sort());
    expect(await titles({ channelId: hall.id, search: '牛肉' })).toEqual(['梵净山黄牛肉']);
    expect(await titles({ channelId: zone.id })).toEqual([]);
    expectErrorCode(await server.gql(PRODUCTS, { filter: { channelId: 'hall-1' } }), 'BAD_USER_INPUT');
  });

  it('shows a supplier’s own drafts and unpublished products only to its staff', async () => {
    const jk = suppliers.get('jiangkou')!;
    expect(await titles({ supplierId: jk.id })).not.toContain('梵净山红茶（草稿）');
    expect(await titles({ supplierId: jk.id }, jk.token)).toContain('梵净山红茶（草稿）');
    expect(await titles({ supplierId: jk.id, search: '红茶' }, jk.token)).toEqual(['梵净山红茶（草稿）']);
    // without supplierId even its staff see the public catalogue
    expect(await titles({ search: '红茶' }, jk.token)).toEqual([]);
    expect(await titles({ supplierId: jk.id }, suppliers.get('yanhe')!.token)).not.toContain('梵净山红茶（草稿）');
    const ck = suppliers.get('chengkou')!;
    expect(await titles({ supplierId: ck.id }, ck.token)).toContain('城口蜂蜜（已下架）');
    expect(await titles({ supplierId: suppliers.get('shizhu')!.id })).toEqual([]);
  });
});

describe('pagination', () => {
  async function walk(filter: Record<string, unknown>, first: number) {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 50; pages++) {
      const data: any = (await server.gqlOk(PRODUCTS, { filter, first, after })).products;
      if (total >= 0) expect(data.totalCount).toBe(total);
      total = data.totalCount;
      expect(data.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...data.edges.map((e: any) => e.node.id));
      if (!data.pageInfo.hasNextPage) {
        expect(data.edges.length).toBeLessThanOrEqual(first);
        return { seen, total };
      }
      expect(data.edges).toHaveLength(first);
      after = data.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  it('walks the newest-first catalogue without duplicates or gaps, with the right totalCount', async () => {
    const { seen, total } = await walk({}, 4);
    const onSale = CATALOGUE.length - 2; // 石柱's supplier is suspended
    expect(total).toBe(onSale);
    expect(seen).toHaveLength(onSale);
    expect(new Set(seen).size).toBe(onSale);
    // newest first
    expect(seen[0]).toBe(ids.get('白萝卜'));
    expect(seen.at(-1)).toBe(ids.get('贵州梵净山绿茶礼盒'));
  });

  it('walks relevance-ordered search results the same way', async () => {
    const all = await titles({ search: '贵州' });
    const { seen, total } = await walk({ search: '贵州' }, 3);
    expect(total).toBe(TONGREN.length);
    expect(new Set(seen).size).toBe(TONGREN.length);
    expect(seen).toEqual(all.map((t) => ids.get(t)));
  });

  it('refuses cursors that are garbage or from another ordering', async () => {
    const page = (await server.gqlOk(PRODUCTS, { filter: { search: '贵州' }, first: 2 })).products;
    expectErrorCode(await server.gql(PRODUCTS, { first: 2, after: page.pageInfo.endCursor }), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(PRODUCTS, { first: 2, after: 'not-a-cursor' }), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(PRODUCTS, { first: 2, after: Buffer.from('["n","yesterday","x"]').toString('base64url') }),
      'BAD_USER_INPUT',
    );
    expectErrorCode(await server.gql(PRODUCTS, { first: 0 }), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(PRODUCTS, { first: 101 }), 'BAD_USER_INPUT');
  });
});
