import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  CREATE_PRODUCT,
  PRODUCT,
  PRODUCTS,
  PUBLISH,
  startCatalogServer,
  supplierFixture,
  type SupplierFixture,
  UNPUBLISH,
  variantInput,
  villageOf,
} from './catalog.test-fixtures';

let server: TestServer;
let ds: DataSource;
let jiangkou: SupplierFixture;
let other: SupplierFixture;
let staffToken: string;
let otherToken: string;
let adminToken: string;

const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id code name parentId } }`;
const ADD_VARIANT = `mutation($p: ID!, $input: VariantInput!) { addVariant(productId: $p, input: $input) { id sku stockOnHand stockAvailable } }`;
const UPDATE_VARIANT = `mutation($input: UpdateVariantInput!) { updateVariant(input: $input) { id retailPrice agencyPrice stockOnHand stockAvailable active unit } }`;
const UPDATE_PRODUCT = `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { id title originRegionCode categoryId } }`;

const productInput = (overrides: Record<string, unknown> = {}) => ({
  title: '贵州梵净山绿茶礼盒',
  description: '梵净山高山茶园，明前采摘',
  originRegionCode: '520621000000',
  variants: [variantInput()],
  ...overrides,
});

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row.n;
}

async function createDraft(token = staffToken, overrides: Record<string, unknown> = {}) {
  return (await server.gqlOk(CREATE_PRODUCT, { input: productInput(overrides) }, token)).createProduct;
}

beforeAll(async () => {
  ({ server, ds } = await startCatalogServer());
  jiangkou = await supplierFixture(ds, { name: '江口县梵净山茶叶专业合作社' });
  other = await supplierFixture(ds, { name: '沿河县空心李合作社', countyCode: '520627000000' });
  staffToken = await server.login(jiangkou.email, jiangkou.password);
  otherToken = await server.login(other.email, other.password);
  const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  adminToken = await server.login(admin.email, admin.password);
});
afterAll(() => server?.close());

describe('categories', () => {
  it('lets a platform admin build the tree and anyone read it', async () => {
    const tea = (
      await server.gqlOk(CREATE_CATEGORY, { input: { code: 'tea', name: '茶叶', nameEn: 'Tea' } }, adminToken)
    ).createCategory;
    const green = (
      await server.gqlOk(CREATE_CATEGORY, { input: { code: 'green-tea', name: '绿茶', parentId: tea.id } }, adminToken)
    ).createCategory;
    expect(green.parentId).toBe(tea.id);
    const { categories } = await server.gqlOk('{ categories { id code name nameEn parentId sort } }');
    expect(categories).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'tea', nameEn: 'Tea', parentId: null }),
        expect.objectContaining({ code: 'green-tea', parentId: tea.id }),
      ]),
    );
  });

  it('refuses other roles, bad codes, duplicates and unknown parents', async () => {
    const input = { code: 'honey', name: '蜂蜜' };
    expectErrorCode(await server.gql(CREATE_CATEGORY, { input }), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(CREATE_CATEGORY, { input }, staffToken), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(CREATE_CATEGORY, { input: { code: 'Honey!', name: '蜂蜜' } }, adminToken),
      'INVALID_CATEGORY_CODE',
    );
    expectErrorCode(
      await server.gql(CREATE_CATEGORY, { input: { code: 'tea', name: '茶' } }, adminToken),
      'DUPLICATE_CATEGORY_CODE',
    );
    expectErrorCode(
      await server.gql(
        CREATE_CATEGORY,
        { input: { ...input, parentId: '00000000-0000-4000-8000-000000000000' } },
        adminToken,
      ),
      'UNKNOWN_CATEGORY',
    );
    expect(await count('category', `code = 'honey'`)).toBe(0);
  });
});

describe('creating products', () => {
  it('creates a DRAFT with its variants, origin path, supplier and a history row', async () => {
    const p = await createDraft(staffToken, { originRegionCode: await villageOf(ds, '520621') });
    expect(p.status).toBe('DRAFT');
    expect(p.supplier).toEqual({ id: jiangkou.id, name: '江口县梵净山茶叶专业合作社' });
    expect(p.originRegion.path.map((r: { name: string }) => r.name).slice(0, 3)).toEqual([
      '贵州省',
      '铜仁市',
      '江口县',
    ]);
    expect(p.variants).toHaveLength(1);
    expect(p.variants[0]).toMatchObject({
      unit: '盒',
      retailPrice: 12800,
      agencyPrice: 11800,
      marketReferencePrice: 15800,
      stockOnHand: 10,
      stockAvailable: 10,
      active: true,
    });
    expect(p.statusHistory).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'DRAFT' })]);
    expect(p.incomeShare).toEqual({ perUnitToHouseholds: null, householdCount: 0 });
    const [row] = await ds.query(`SELECT search_tokens, pinyin_initials FROM product WHERE id = $1`, [p.id]);
    expect(row.search_tokens).toContain('梵净山');
    expect(row.pinyin_initials).toContain('fjs');
  });

  it('keeps drafts out of the public view but shows them to the supplier’s staff', async () => {
    const p = await createDraft();
    expect((await server.gqlOk(PRODUCT, { id: p.id })).product).toBeNull();
    expect((await server.gqlOk(PRODUCT, { id: p.id }, otherToken)).product).toBeNull();
    expect((await server.gqlOk(PRODUCT, { id: p.id }, staffToken)).product.id).toBe(p.id);
    const pub = await server.gqlOk(PRODUCTS, { filter: { supplierId: jiangkou.id } });
    expect(pub.products.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(p.id);
    const own = await server.gqlOk(PRODUCTS, { filter: { supplierId: jiangkou.id }, first: 100 }, staffToken);
    expect(own.products.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(p.id);
    // another supplier asking for this supplier's products gets the public view only
    const foreign = await server.gqlOk(PRODUCTS, { filter: { supplierId: jiangkou.id }, first: 100 }, otherToken);
    expect(foreign.products.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(p.id);
  });

  it('shows a draft to coordinators whose region covers its origin, not to others', async () => {
    const p = await createDraft();
    const office = await createOrg(ds, { kind: OrganizationKind.COORDINATION_OFFICE, regionCode: '520600000000' });
    const near = await createUserWithRole(ds, Role.COORDINATOR, { organizationId: office.id, regionPrefix: '5206' });
    const far = await createUserWithRole(ds, Role.AUDITOR, { organizationId: office.id, regionPrefix: '520627' });
    expect((await server.gqlOk(PRODUCT, { id: p.id }, await server.login(near.email, near.password))).product.id).toBe(
      p.id,
    );
    expect((await server.gqlOk(PRODUCT, { id: p.id }, await server.login(far.email, far.password))).product).toBeNull();
    expect((await server.gqlOk(PRODUCT, { id: p.id }, adminToken)).product.statusHistory).toHaveLength(1);
    expect((await server.gqlOk(PRODUCT, { id: 'not-an-id' })).product).toBeNull();
  });

  it('refuses anonymous callers, other roles and staff of another supplier', async () => {
    const before = await count('product');
    expectErrorCode(await server.gql(CREATE_PRODUCT, { input: productInput() }), 'UNAUTHENTICATED');
    const purchaser = await createUserWithRole(ds, Role.PURCHASER);
    expectErrorCode(
      await server.gql(
        CREATE_PRODUCT,
        { input: productInput() },
        await server.login(purchaser.email, purchaser.password),
      ),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(CREATE_PRODUCT, { input: productInput({ supplierId: jiangkou.id }) }, otherToken),
      'FORBIDDEN',
    );
    expect(await count('product')).toBe(before);
  });

  it('refuses a supplier that was rejected or revoked, and an unknown supplier', async () => {
    const revoked = await supplierFixture(ds, { status: 'REVOKED' });
    const token = await server.login(revoked.email, revoked.password);
    expectErrorCode(await server.gql(CREATE_PRODUCT, { input: productInput() }, token), 'SUPPLIER_NOT_APPROVED');
    expect(await count('product', 'supplier_id = $1', [revoked.id])).toBe(0);
  });

  it.each([
    ['a malformed region code', { originRegionCode: '12345' }, 'INVALID_REGION_CODE'],
    ['an unknown region', { originRegionCode: '529999000000' }, 'UNKNOWN_REGION'],
    ['a town (wrong level)', { originRegionCode: '520621101000' }, 'WRONG_REGION_LEVEL'],
    ['a province (wrong level)', { originRegionCode: '520000000000' }, 'WRONG_REGION_LEVEL'],
    ['a zero retail price', { variants: [variantInput({ retailPrice: 0 })] }, 'INVALID_PRICE'],
    ['a negative agency price', { variants: [variantInput({ agencyPrice: -100 })] }, 'INVALID_PRICE'],
    ['a zero market reference price', { variants: [variantInput({ marketReferencePrice: 0 })] }, 'INVALID_PRICE'],
    ['a fractional price', { variants: [variantInput({ retailPrice: 39.9 })] }, 'BAD_USER_INPUT'],
    ['negative stock', { variants: [variantInput({ stockOnHand: -1 })] }, 'INVALID_STOCK'],
    ['an unknown unit', { variants: [variantInput({ unit: '吨' })] }, 'INVALID_UNIT'],
    ['a malformed SKU', { variants: [variantInput({ sku: 'has space' })] }, 'INVALID_SKU'],
    [
      'the same SKU twice',
      { variants: [variantInput({ sku: 'TWICE-1' }), variantInput({ sku: 'TWICE-1' })] },
      'DUPLICATE_SKU',
    ],
    ['no variants', { variants: [] }, 'BAD_USER_INPUT'],
    ['an empty title', { title: '  ' }, 'BAD_USER_INPUT'],
    ['an unknown category', { categoryId: '00000000-0000-4000-8000-000000000000' }, 'UNKNOWN_CATEGORY'],
  ])('refuses %s and writes nothing', async (_label, overrides, code) => {
    const [products, variants] = [await count('product'), await count('variant')];
    expectErrorCode(await server.gql(CREATE_PRODUCT, { input: productInput(overrides) }, staffToken), code);
    expect([await count('product'), await count('variant'), await count('product_event')]).toEqual([
      products,
      variants,
      await count('product_event'),
    ]);
    expect(await count('product')).toBe(products);
  });

  it('refuses a SKU already used by any supplier, leaving no product behind', async () => {
    const taken = variantInput();
    await createDraft(otherToken, { originRegionCode: '520627000000', variants: [taken] });
    const before = await count('product');
    const res = await server.gql(
      CREATE_PRODUCT,
      { input: productInput({ variants: [variantInput(), { ...variantInput(), sku: taken.sku }] }) },
      staffToken,
    );
    expect(expectErrorCode(res, 'DUPLICATE_SKU').extensions?.sku).toBe(taken.sku);
    expect(await count('product')).toBe(before);
  });
});

describe('publishing (DRAFT → PUBLISHED ↔ UNPUBLISHED)', () => {
  it('publishes, unpublishes and republishes, recording each move', async () => {
    const p = await createDraft();
    expect((await server.gqlOk(PUBLISH, { id: p.id }, staffToken)).publishProduct.status).toBe('PUBLISHED');
    const anon = (await server.gqlOk(PRODUCT, { id: p.id })).product;
    expect(anon).toMatchObject({ id: p.id, status: 'PUBLISHED', statusHistory: [] });
    expect(
      (await server.gqlOk(PRODUCTS, { filter: { supplierId: jiangkou.id }, first: 100 })).products.edges.map(
        (e: any) => e.node.id,
      ),
    ).toContain(p.id);

    expectErrorCode(await server.gql(PUBLISH, { id: p.id }, staffToken), 'INVALID_TRANSITION');
    expect((await server.gqlOk(UNPUBLISH, { id: p.id, reason: '换季' }, staffToken)).unpublishProduct.status).toBe(
      'UNPUBLISHED',
    );
    expect((await server.gqlOk(PRODUCT, { id: p.id })).product).toBeNull();
    expect((await server.gqlOk(PUBLISH, { id: p.id }, staffToken)).publishProduct.status).toBe('PUBLISHED');
    const history = (await server.gqlOk(PRODUCT, { id: p.id }, staffToken)).product.statusHistory;
    expect(history.map((h: any) => `${h.fromStatus}>${h.toStatus}`)).toEqual([
      'null>DRAFT',
      'DRAFT>PUBLISHED',
      'PUBLISHED>UNPUBLISHED',
      'UNPUBLISHED>PUBLISHED',
    ]);
    expect(history[2].reason).toBe('换季');
  });

  it('lets a platform admin take a listing down but not put it up; other suppliers may do neither', async () => {
    const p = await createDraft();
    expectErrorCode(await server.gql(PUBLISH, { id: p.id }, adminToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(PUBLISH, { id: p.id }, otherToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(PUBLISH, { id: p.id }), 'UNAUTHENTICATED');
    await server.gqlOk(PUBLISH, { id: p.id }, staffToken);
    expectErrorCode(await server.gql(UNPUBLISH, { id: p.id }, otherToken), 'FORBIDDEN');
    expect(
      (await server.gqlOk(UNPUBLISH, { id: p.id, reason: '食品安全抽检' }, adminToken)).unpublishProduct.status,
    ).toBe('UNPUBLISHED');
  });

  it('refuses to publish produce from a county that is not ex-poverty (ORIGIN_NOT_ELIGIBLE), leaving the draft as it was', async () => {
    const lianzhou = await supplierFixture(ds, { countyCode: '441882000000' });
    const token = await server.login(lianzhou.email, lianzhou.password);
    const p = (
      await server.gqlOk(
        CREATE_PRODUCT,
        { input: productInput({ title: '连州菜心', originRegionCode: await villageOf(ds, '441882') }) },
        token,
      )
    ).createProduct;
    expectErrorCode(await server.gql(PUBLISH, { id: p.id }, token), 'ORIGIN_NOT_ELIGIBLE');
    const [row] = await ds.query(`SELECT status FROM product WHERE id = $1`, [p.id]);
    expect(row.status).toBe('DRAFT');
    expect(await count('product_event', 'product_id = $1', [p.id])).toBe(1);
  });

  it('refuses to publish for a supplier that is not APPROVED', async () => {
    const applied = await supplierFixture(ds, { status: 'APPLIED' });
    const token = await server.login(applied.email, applied.password);
    const p = (await server.gqlOk(CREATE_PRODUCT, { input: productInput() }, token)).createProduct;
    expectErrorCode(await server.gql(PUBLISH, { id: p.id }, token), 'SUPPLIER_NOT_APPROVED');
    expect((await ds.query(`SELECT status FROM product WHERE id = $1`, [p.id]))[0].status).toBe('DRAFT');
  });

  it('refuses to publish without an active variant', async () => {
    const p = await createDraft();
    await server.gqlOk(UPDATE_VARIANT, { input: { variantId: p.variants[0].id, active: false } }, staffToken);
    expectErrorCode(await server.gql(PUBLISH, { id: p.id }, staffToken), 'NO_ACTIVE_VARIANT');
  });
});

describe('updating products', () => {
  it('lets the supplier edit and re-indexes the search text', async () => {
    const p = await createDraft();
    const updated = (
      await server.gqlOk(
        UPDATE_PRODUCT,
        { input: { productId: p.id, title: '江口县雀舌茶', originRegionCode: '520621000000' } },
        staffToken,
      )
    ).updateProduct;
    expect(updated.title).toBe('江口县雀舌茶');
    const [row] = await ds.query(`SELECT search_tokens, pinyin_initials FROM product WHERE id = $1`, [p.id]);
    expect(row.search_tokens).toContain('雀 舌 茶'); // not in jieba's dictionary: found through its characters
    expect(row.pinyin_initials).toContain('jkxqsc');
    const found = await server.gqlOk(PRODUCTS, { filter: { search: '雀舌', supplierId: jiangkou.id } }, staffToken);
    expect(found.products.edges.map((e: any) => e.node.id)).toEqual([p.id]);
  });

  it('refuses other suppliers, bad regions, and moving a published product out of an ex-poverty county', async () => {
    const p = await createDraft();
    expectErrorCode(
      await server.gql(UPDATE_PRODUCT, { input: { productId: p.id, title: '抢来的' } }, otherToken),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(UPDATE_PRODUCT, { input: { productId: p.id, originRegionCode: '520621101000' } }, staffToken),
      'WRONG_REGION_LEVEL',
    );
    await server.gqlOk(PUBLISH, { id: p.id }, staffToken);
    expectErrorCode(
      await server.gql(
        UPDATE_PRODUCT,
        { input: { productId: p.id, title: '新标题', originRegionCode: '441882000000' } },
        staffToken,
      ),
      'ORIGIN_NOT_ELIGIBLE',
    );
    const [row] = await ds.query(`SELECT title, origin_region_code FROM product WHERE id = $1`, [p.id]);
    expect(row).toEqual({ title: '贵州梵净山绿茶礼盒', origin_region_code: '520621000000' });
  });
});

describe('variants and stock', () => {
  it('adds variants with unique SKUs and hides inactive ones from the public', async () => {
    const p = await createDraft();
    const v = (
      await server.gqlOk(ADD_VARIANT, { p: p.id, input: variantInput({ unit: '斤', stockOnHand: 0 }) }, staffToken)
    ).addVariant;
    expect(v).toMatchObject({ stockOnHand: 0, stockAvailable: 0 });
    expectErrorCode(
      await server.gql(ADD_VARIANT, { p: p.id, input: variantInput({ sku: v.sku }) }, staffToken),
      'DUPLICATE_SKU',
    );
    expectErrorCode(await server.gql(ADD_VARIANT, { p: p.id, input: variantInput() }, otherToken), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(ADD_VARIANT, { p: p.id, input: variantInput({ unit: 'ton' }) }, staffToken),
      'INVALID_UNIT',
    );
    await server.gqlOk(UPDATE_VARIANT, { input: { variantId: v.id, active: false } }, staffToken);
    await server.gqlOk(PUBLISH, { id: p.id }, staffToken);
    const pub = (await server.gqlOk(PRODUCT, { id: p.id })).product;
    expect(pub.variants.map((x: any) => x.id)).toEqual([p.variants[0].id]);
    expect((await server.gqlOk(PRODUCT, { id: p.id }, staffToken)).product.variants).toHaveLength(2);
  });

  it('updates prices and refuses bad ones without changing anything', async () => {
    const p = await createDraft();
    const id = p.variants[0].id;
    const ok = (
      await server.gqlOk(
        UPDATE_VARIANT,
        { input: { variantId: id, retailPrice: 9900, agencyPrice: 8800, unit: 'kg' } },
        staffToken,
      )
    ).updateVariant;
    expect(ok).toMatchObject({ retailPrice: 9900, agencyPrice: 8800, unit: 'kg' });
    expectErrorCode(
      await server.gql(UPDATE_VARIANT, { input: { variantId: id, retailPrice: 0 } }, staffToken),
      'INVALID_PRICE',
    );
    expectErrorCode(
      await server.gql(UPDATE_VARIANT, { input: { variantId: id, agencyPrice: -1 } }, staffToken),
      'INVALID_PRICE',
    );
    expectErrorCode(
      await server.gql(UPDATE_VARIANT, { input: { variantId: id, retailPrice: 1.5 } }, staffToken),
      'BAD_USER_INPUT',
    );
    expectErrorCode(
      await server.gql(UPDATE_VARIANT, { input: { variantId: id, retailPrice: 100 } }, otherToken),
      'FORBIDDEN',
    );
    const [row] = await ds.query(`SELECT retail_price, agency_price FROM variant WHERE id = $1`, [id]);
    expect(row).toEqual({ retail_price: '9900', agency_price: '8800' });
  });

  it('adjusts stock with one conditional update: never below zero or below reserved, and a refused move changes nothing', async () => {
    const p = await createDraft();
    const id = p.variants[0].id; // 10 on hand
    await ds.query(`UPDATE variant SET stock_reserved = 4 WHERE id = $1`, [id]);
    expect(
      (await server.gqlOk(UPDATE_VARIANT, { input: { variantId: id, stockAdjustment: 5 } }, staffToken)).updateVariant,
    ).toMatchObject({ stockOnHand: 15, stockAvailable: 11 });
    // prices and the stock move are one transaction: the refused stock move takes the price change with it
    expectErrorCode(
      await server.gql(
        UPDATE_VARIANT,
        { input: { variantId: id, retailPrice: 100, stockAdjustment: -12 } },
        staffToken,
      ),
      'INVALID_STOCK',
    );
    const [row] = await ds.query(`SELECT stock_on_hand, stock_reserved, retail_price FROM variant WHERE id = $1`, [id]);
    expect(row).toEqual({ stock_on_hand: 15, stock_reserved: 4, retail_price: '12800' });
    expect(
      (await server.gqlOk(UPDATE_VARIANT, { input: { variantId: id, stockAdjustment: -11 } }, staffToken))
        .updateVariant,
    ).toMatchObject({ stockOnHand: 4, stockAvailable: 0 });
  });

  it('never oversells stock under concurrent adjustments', async () => {
    const p = await createDraft(staffToken, { variants: [variantInput({ stockOnHand: 5 })] });
    const id = p.variants[0].id;
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        server.gql(UPDATE_VARIANT, { input: { variantId: id, stockAdjustment: -1 } }, staffToken),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(5);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'INVALID_STOCK').length).toBe(7);
    const [row] = await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [id]);
    expect(row.stock_on_hand).toBe(0);
  });

  it('lists the allowed units', async () => {
    expect((await server.gqlOk('{ variantUnits }')).variantUnits).toEqual([
      'kg',
      'g',
      '斤',
      '箱',
      '盒',
      '袋',
      '瓶',
      '罐',
      '个',
      '只',
      '头',
      '件',
      '份',
    ]);
  });
});
