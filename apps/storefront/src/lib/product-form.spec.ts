import { describe, expect, it } from 'vitest';
import {
  buildCreateProductInput,
  emptyProduct,
  emptyVariant,
  generatedSku,
  originCode,
  type ProductDraft,
} from './product-form';

const draft = (over: Partial<ProductDraft> = {}): ProductDraft => ({
  ...emptyProduct(),
  title: ' 梵净山翠峰茶 ',
  origin: '520621',
  variants: [
    {
      ...emptyVariant('盒'),
      spec: '250g',
      retailPrice: '128',
      agencyPrice: '99.9',
      marketReferencePrice: '158.00',
      stockOnHand: '40',
    },
  ],
  ...over,
});

describe('buildCreateProductInput', () => {
  it('sends integer fen, a 12-digit origin and a generated SKU when none is given', () => {
    const { input, errors } = buildCreateProductInput('sup-1', draft(), (i) => `SKU-${i}`);
    expect(errors).toBeNull();
    expect(input).toEqual({
      supplierId: 'sup-1',
      title: '梵净山翠峰茶',
      originRegionCode: '520621000000',
      variants: [
        {
          sku: 'SKU-0',
          spec: '250g',
          unit: '盒',
          retailPrice: 12800,
          agencyPrice: 9990,
          marketReferencePrice: 15800,
          stockOnHand: 40,
        },
      ],
    });
    for (const v of input!.variants)
      for (const p of [v.retailPrice, v.agencyPrice, v.marketReferencePrice]) expect(Number.isInteger(p)).toBe(true);
  });

  it('names every field that cannot be sent', () => {
    const bad = draft({
      title: ' ',
      origin: '520621101',
      variants: [
        {
          sku: '中文',
          spec: '',
          unit: '盒',
          retailPrice: '0',
          agencyPrice: '1.234',
          marketReferencePrice: '',
          stockOnHand: '-1',
        },
      ],
    });
    const { input, errors } = buildCreateProductInput('sup-1', bad);
    expect(input).toBeNull();
    expect(errors).toEqual({
      title: 'required',
      origin: 'originLevel',
      'variants.0.spec': 'required',
      'variants.0.retailPrice': 'price',
      'variants.0.agencyPrice': 'price',
      'variants.0.marketReferencePrice': 'required',
      'variants.0.stockOnHand': 'stock',
      'variants.0.sku': 'sku',
    });
  });

  it('keeps optional fields out when empty', () => {
    const { input } = buildCreateProductInput('s', draft({ description: 'x', categoryId: 'c' }), () => 'A');
    expect(input).toMatchObject({ description: 'x', categoryId: 'c' });
    expect(buildCreateProductInput('s', draft(), () => 'A').input).not.toHaveProperty('description');
  });
});

describe('helpers', () => {
  it('accepts county prefixes and village codes as origin', () => {
    expect(originCode('520621')).toBe('520621000000');
    expect(originCode('520621101201')).toBe('520621101201');
    expect(originCode('5206')).toBeNull();
  });

  it('generates valid, distinct SKUs', () => {
    const a = generatedSku(0, 1_700_000_000_000, 0.5);
    expect(a).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
    expect(generatedSku(1, 1_700_000_000_000, 0.5)).not.toBe(a);
  });
});
