import { describe, expect, it } from 'vitest';
import type { EditableVariant } from '../api/supplier-tools';
import { variantChanges, variantEditOf } from './variant-edit';

const v: EditableVariant = {
  id: 'v1',
  sku: 'SKU-1',
  spec: '250g',
  unit: '盒',
  retailPrice: 6800,
  agencyPrice: 6000,
  marketReferencePrice: 7200,
  stockOnHand: 10,
  stockAvailable: 7,
  active: true,
};

describe('variantChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(variantChanges(v, variantEditOf(v))).toEqual({ input: null, problems: {} });
  });

  it('sends only the changed fields, prices in fen and stock as an adjustment', () => {
    const edit = { ...variantEditOf(v), retailPrice: '59.9', stockAdjustment: '+5', active: false };
    expect(variantChanges(v, edit).input).toEqual({
      variantId: 'v1',
      retailPrice: 5990,
      stockAdjustment: 5,
      active: false,
    });
  });

  it('refuses empty specs, bad prices and stock below what is reserved', () => {
    const edit = { ...variantEditOf(v), spec: ' ', agencyPrice: 'abc', stockAdjustment: '-8' };
    expect(variantChanges(v, edit)).toEqual({
      input: null,
      problems: { spec: 'required', agencyPrice: 'price', stockAdjustment: 'belowReserved' },
    });
    expect(variantChanges(v, { ...variantEditOf(v), stockAdjustment: '-7' }).input).toEqual({
      variantId: 'v1',
      stockAdjustment: -7,
    });
    expect(variantChanges(v, { ...variantEditOf(v), stockAdjustment: '1.5' }).problems).toEqual({
      stockAdjustment: 'integer',
    });
  });
});
