import { describe, expect, it } from 'vitest';
import type { Me } from '../api/operations';
import {
  addToCart,
  buyerOptions,
  canBuy,
  type Cart,
  cartCount,
  type CatalogProduct,
  cleanQuantity,
  EMPTY_CART,
  effectiveBuyer,
  MAX_LINES,
  MAX_QUANTITY,
  parseCart,
  priceCart,
  removeLines,
  serializeCart,
  setQuantity,
} from './cart';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TEA = id(1);
const TEA_250 = id(11);
const TEA_500 = id(12);
const FUNGI = id(2);
const FUNGI_BOX = id(21);
const COOP = { id: id(100), name: '江口县梵净山茶叶专业合作社' };
const FUNGI_COOP = { id: id(200), name: '西乡县秦巴山珍食用菌专业合作社' };

const products = new Map<string, CatalogProduct | null>([
  [
    TEA,
    {
      id: TEA,
      title: '贵州梵净山绿茶礼盒',
      supplier: COOP,
      certification: { status: 'CERTIFIED' },
      variants: [
        {
          id: TEA_250,
          spec: '250克礼盒',
          unit: '盒',
          retailPrice: 16800,
          agencyPrice: 15800,
          stockAvailable: 260,
          active: true,
        },
        {
          id: TEA_500,
          spec: '500克罐装',
          unit: '罐',
          retailPrice: 29800,
          agencyPrice: 27800,
          stockAvailable: 1,
          active: true,
        },
      ],
    },
  ],
  [
    FUNGI,
    {
      id: FUNGI,
      title: '汉中食用菌礼包',
      supplier: FUNGI_COOP,
      certification: null,
      variants: [
        {
          id: FUNGI_BOX,
          spec: '1.2公斤',
          unit: '箱',
          retailPrice: 12800,
          agencyPrice: 11800,
          stockAvailable: 180,
          active: true,
        },
      ],
    },
  ],
]);

describe('cart storage', () => {
  it('round-trips and drops anything malformed', () => {
    const cart: Cart = { lines: [{ variantId: TEA_250, productId: TEA, quantity: 2 }], buyerOrgId: null };
    expect(parseCart(serializeCart(cart))).toEqual(cart);
    expect(parseCart(null)).toEqual(EMPTY_CART);
    expect(parseCart('{not json')).toEqual(EMPTY_CART);
    expect(parseCart('[]')).toEqual(EMPTY_CART);
    const messy = JSON.stringify({
      lines: [
        { variantId: TEA_250, productId: TEA, quantity: 2 },
        { variantId: TEA_250, productId: TEA, quantity: 5 }, // duplicate variant
        { variantId: 'x', productId: TEA, quantity: 1 },
        { variantId: FUNGI_BOX, productId: FUNGI, quantity: 1.5 },
        { variantId: TEA_500, productId: TEA, quantity: 0 },
        { variantId: TEA_500, productId: TEA, quantity: MAX_QUANTITY + 1 },
        null,
      ],
      buyerOrgId: 'not-an-id',
    });
    expect(parseCart(messy)).toEqual({
      lines: [{ variantId: TEA_250, productId: TEA, quantity: 2 }],
      buyerOrgId: null,
    });
  });

  it('accepts only whole quantities from 1 to the maximum', () => {
    expect(cleanQuantity('3')).toBe(3);
    expect(cleanQuantity(MAX_QUANTITY)).toBe(MAX_QUANTITY);
    for (const bad of [0, -1, 1.5, MAX_QUANTITY + 1, '', ' ', 'abc', '1e3x', Number.NaN, null])
      expect(cleanQuantity(bad), String(bad)).toBeNull();
  });
});

describe('cart edits', () => {
  it('adds, merges a variant already there and caps at the maximum', () => {
    let r = addToCart(EMPTY_CART, { variantId: TEA_250, productId: TEA, quantity: 2 });
    expect(r.outcome).toBe('added');
    r = addToCart(r.cart, { variantId: TEA_250, productId: TEA, quantity: 3 });
    expect(r.outcome).toBe('merged');
    expect(r.cart.lines).toEqual([{ variantId: TEA_250, productId: TEA, quantity: 5 }]);
    r = addToCart(r.cart, { variantId: TEA_250, productId: TEA, quantity: MAX_QUANTITY });
    expect(r.outcome).toBe('capped');
    expect(r.cart.lines[0].quantity).toBe(MAX_QUANTITY);
  });

  it('refuses a new line when the cart is full', () => {
    const full: Cart = {
      lines: Array.from({ length: MAX_LINES }, (_, i) => ({ variantId: id(1000 + i), productId: TEA, quantity: 1 })),
      buyerOrgId: null,
    };
    expect(addToCart(full, { variantId: FUNGI_BOX, productId: FUNGI, quantity: 1 }).outcome).toBe('full');
  });

  it('sets valid quantities only, removes lines and counts units', () => {
    const cart: Cart = {
      lines: [
        { variantId: TEA_250, productId: TEA, quantity: 2 },
        { variantId: FUNGI_BOX, productId: FUNGI, quantity: 1 },
      ],
      buyerOrgId: null,
    };
    expect(setQuantity(cart, TEA_250, 7).lines[0].quantity).toBe(7);
    expect(setQuantity(cart, TEA_250, 0)).toBe(cart);
    expect(setQuantity(cart, TEA_250, 2.5)).toBe(cart);
    expect(removeLines(cart, [TEA_250]).lines.map((l) => l.variantId)).toEqual([FUNGI_BOX]);
    expect(cartCount(cart)).toBe(3);
  });
});

describe('pricing', () => {
  const cart: Cart = {
    lines: [
      { variantId: TEA_250, productId: TEA, quantity: 2 },
      { variantId: FUNGI_BOX, productId: FUNGI, quantity: 1 },
      { variantId: TEA_500, productId: TEA, quantity: 3 },
    ],
    buyerOrgId: null,
  };

  it('groups lines by supplier with integer-fen subtotals (retail)', () => {
    const priced = priceCart(cart, products, false);
    expect(priced.groups.map((g) => [g.supplierName, g.subtotal])).toEqual([
      [COOP.name, 2 * 16800 + 3 * 29800],
      [FUNGI_COOP.name, 12800],
    ]);
    expect(priced.total).toBe(2 * 16800 + 3 * 29800 + 12800);
    expect(priced.units).toBe(6);
    expect(priced.groups[0].lines.find((l) => l.variant.id === TEA_500)?.shortOfStock).toBe(true);
    expect(priced.groups[0].lines.find((l) => l.variant.id === TEA_250)?.shortOfStock).toBe(false);
  });

  it('uses agency prices when buying for an agency', () => {
    expect(priceCart(cart, products, true).total).toBe(2 * 15800 + 3 * 27800 + 11800);
  });

  it('sets aside lines whose product or variant is gone, inactive or would overflow', () => {
    const gone = id(3);
    const withGone: Cart = {
      ...cart,
      lines: [
        ...cart.lines,
        { variantId: id(31), productId: gone, quantity: 1 },
        { variantId: id(99), productId: TEA, quantity: 1 },
      ],
    };
    const map = new Map(products);
    map.set(gone, null);
    const priced = priceCart(withGone, map, false);
    expect(priced.unavailable.map((l) => l.variantId)).toEqual([id(31), id(99)]);

    const inactive = new Map(products);
    inactive.set(FUNGI, {
      ...products.get(FUNGI)!,
      variants: [{ ...products.get(FUNGI)!.variants[0], active: false }],
    });
    expect(priceCart(cart, inactive, false).unavailable.map((l) => l.variantId)).toEqual([FUNGI_BOX]);

    const huge = new Map(products);
    huge.set(FUNGI, {
      ...products.get(FUNGI)!,
      variants: [{ ...products.get(FUNGI)!.variants[0], retailPrice: Number.MAX_SAFE_INTEGER }],
    });
    const p = priceCart(cart, huge, false);
    expect(p.unavailable.map((l) => l.variantId)).toEqual([FUNGI_BOX]);
    expect(Number.isSafeInteger(p.total)).toBe(true);
  });
});

describe('who buys', () => {
  const org = (oid: string, name: string) => ({ id: oid, name, kind: 'AGENCY' as const, region: null });
  const customer: Pick<Me, 'roles' | 'memberships'> = {
    roles: ['CUSTOMER'],
    memberships: [{ role: 'CUSTOMER', regionPrefix: null, organization: null }],
  };
  const purchaser: Pick<Me, 'roles' | 'memberships'> = {
    roles: ['PURCHASER'],
    memberships: [{ role: 'PURCHASER', regionPrefix: null, organization: org(id(7), '铜仁市教育局') }],
  };
  const supplier: Pick<Me, 'roles' | 'memberships'> = {
    roles: ['SUPPLIER_ADMIN'],
    memberships: [{ role: 'SUPPLIER_ADMIN', regionPrefix: null, organization: org(id(8), 'coop') }],
  };

  it('customers buy retail, purchasers for their agency, others not at all', () => {
    expect(buyerOptions(customer)).toEqual({ retail: true, agencies: [] });
    expect(effectiveBuyer(EMPTY_CART, buyerOptions(customer))).toBeNull();
    expect(effectiveBuyer(EMPTY_CART, buyerOptions(purchaser))).toBe(id(7));
    expect(canBuy(buyerOptions(supplier))).toBe(false);
    expect(canBuy(buyerOptions(null))).toBe(false);
  });

  it('keeps a stored agency only while the user still purchases for it', () => {
    const both: Pick<Me, 'roles' | 'memberships'> = {
      roles: ['CUSTOMER', 'PURCHASER'],
      memberships: [...customer.memberships, ...purchaser.memberships],
    };
    expect(effectiveBuyer({ ...EMPTY_CART, buyerOrgId: id(7) }, buyerOptions(both))).toBe(id(7));
    expect(effectiveBuyer({ ...EMPTY_CART, buyerOrgId: id(9) }, buyerOptions(both))).toBeNull();
  });
});
