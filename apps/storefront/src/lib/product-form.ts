// The supplier's "new product" form as plain data, checked and turned into CreateProductInput.
// Prices are typed in yuan and sent as integer fen; SKUs may be left blank (one is generated).
import type { CreateProductInput, VariantInput } from '../api/portal';
import { parseYuanToFen } from './money';

export interface VariantDraft {
  sku: string;
  spec: string;
  unit: string;
  retailPrice: string;
  agencyPrice: string;
  marketReferencePrice: string;
  stockOnHand: string;
}

export interface ProductDraft {
  title: string;
  description: string;
  categoryId: string;
  /** A county (6 digits) or village (12 digits) prefix from the region picker. */
  origin: string;
  variants: VariantDraft[];
}

export type FormProblem = 'required' | 'price' | 'stock' | 'sku' | 'originLevel';
export type FormErrors = Record<string, FormProblem>;

export const emptyVariant = (unit = '盒'): VariantDraft => ({
  sku: '',
  spec: '',
  unit,
  retailPrice: '',
  agencyPrice: '',
  marketReferencePrice: '',
  stockOnHand: '0',
});
export const emptyProduct = (): ProductDraft => ({
  title: '',
  description: '',
  categoryId: '',
  origin: '',
  variants: [emptyVariant()],
});

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PRICE_FIELDS = ['retailPrice', 'agencyPrice', 'marketReferencePrice'] as const;

/** A SKU nobody else is likely to have: the time and a random tail, plus the row number. */
export function generatedSku(index: number, now = Date.now(), random = Math.random()): string {
  return `BF-${now.toString(36).toUpperCase()}-${Math.floor(random * 36 ** 4)
    .toString(36)
    .toUpperCase()
    .padStart(4, '0')}-${index + 1}`;
}

/** A 6-digit county prefix or a 12-digit village code as the 12-digit code the API wants. */
export function originCode(origin: string): string | null {
  if (/^\d{6}$/.test(origin)) return origin.padEnd(12, '0');
  if (/^\d{12}$/.test(origin)) return origin;
  return null;
}

export function buildCreateProductInput(
  supplierId: string,
  draft: ProductDraft,
  skuFor: (index: number) => string = (i) => generatedSku(i),
): { input: CreateProductInput; errors: null } | { input: null; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!draft.title.trim()) errors.title = 'required';
  const origin = originCode(draft.origin);
  if (!draft.origin) errors.origin = 'required';
  else if (!origin) errors.origin = 'originLevel';

  const variants: VariantInput[] = draft.variants.map((v, i) => {
    const at = (field: string) => `variants.${i}.${field}`;
    if (!v.spec.trim()) errors[at('spec')] = 'required';
    if (!v.unit) errors[at('unit')] = 'required';
    const prices = {} as Record<(typeof PRICE_FIELDS)[number], number>;
    for (const field of PRICE_FIELDS) {
      const fen = v[field].trim() ? parseYuanToFen(v[field]) : null;
      if (!v[field].trim()) errors[at(field)] = 'required';
      else if (fen === null || fen <= 0) errors[at(field)] = 'price';
      prices[field] = fen ?? 0;
    }
    const stockText = v.stockOnHand.trim() || '0';
    if (!/^\d{1,9}$/.test(stockText)) errors[at('stockOnHand')] = 'stock';
    const sku = v.sku.trim() || skuFor(i);
    if (!SKU.test(sku)) errors[at('sku')] = 'sku';
    return { sku, spec: v.spec.trim(), unit: v.unit, ...prices, stockOnHand: Number(stockText) };
  });
  if (draft.variants.length === 0) errors.variants = 'required';

  if (Object.keys(errors).length) return { input: null, errors };
  const input: CreateProductInput = { supplierId, title: draft.title.trim(), originRegionCode: origin!, variants };
  if (draft.description.trim()) input.description = draft.description.trim();
  if (draft.categoryId) input.categoryId = draft.categoryId;
  return { input, errors: null };
}
