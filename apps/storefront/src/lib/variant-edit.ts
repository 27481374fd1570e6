// Editing a variant after creation: only what changed is sent (updateVariant leaves omitted fields
// alone), prices in yuan text → integer fen, stock as an adjustment (the server refuses going below
// reserved stock), so two people editing different fields do not overwrite each other.
import type { EditableVariant, UpdateVariantInput } from '../api/supplier-tools';
import { fenToYuanText, parseYuanToFen } from './money';

export interface VariantEdit {
  spec: string;
  retailPrice: string;
  agencyPrice: string;
  marketReferencePrice: string;
  /** Units to add (negative removes); empty for none. */
  stockAdjustment: string;
  active: boolean;
}

export const PRICE_FIELDS = ['retailPrice', 'agencyPrice', 'marketReferencePrice'] as const;

export function variantEditOf(v: EditableVariant): VariantEdit {
  return {
    spec: v.spec,
    retailPrice: fenToYuanText(v.retailPrice),
    agencyPrice: fenToYuanText(v.agencyPrice),
    marketReferencePrice: fenToYuanText(v.marketReferencePrice),
    stockAdjustment: '',
    active: v.active,
  };
}

export type VariantProblem = 'required' | 'price' | 'integer' | 'belowReserved';
export type VariantEditResult = { input: UpdateVariantInput | null; problems: Record<string, VariantProblem> };

/** The input for updateVariant (null when nothing changed) or the fields that are wrong. */
export function variantChanges(v: EditableVariant, edit: VariantEdit): VariantEditResult {
  const input: UpdateVariantInput = { variantId: v.id };
  const problems: Record<string, VariantProblem> = {};
  const spec = edit.spec.trim();
  if (!spec) problems.spec = 'required';
  else if (spec !== v.spec) input.spec = spec;
  for (const field of PRICE_FIELDS) {
    const fen = parseYuanToFen(edit[field]);
    if (fen === null || fen <= 0) problems[field] = 'price';
    else if (fen !== v[field]) input[field] = fen;
  }
  const adj = edit.stockAdjustment.trim();
  if (adj) {
    const n = Number(adj);
    if (!/^[+-]?\d+$/.test(adj) || !Number.isSafeInteger(n)) problems.stockAdjustment = 'integer';
    else if (v.stockOnHand + n < v.stockOnHand - v.stockAvailable || v.stockOnHand + n < 0)
      problems.stockAdjustment = 'belowReserved';
    else if (n !== 0) input.stockAdjustment = n;
  }
  if (edit.active !== v.active) input.active = edit.active;
  if (Object.keys(problems).length) return { input: null, problems };
  return { input: Object.keys(input).length > 1 ? input : null, problems };
}
